export default definePageConfig({ navigationBarTitleText: '民生专区' })
