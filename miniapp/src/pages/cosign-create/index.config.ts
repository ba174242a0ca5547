export default definePageConfig({ navigationBarTitleText: '发起联名' })
