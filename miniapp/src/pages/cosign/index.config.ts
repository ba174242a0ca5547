export default definePageConfig({ navigationBarTitleText: '联名', enablePullDownRefresh: true, enableShareAppMessage: true })
