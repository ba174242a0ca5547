export default definePageConfig({ navigationBarTitleText: '郑州智慧信访' })
