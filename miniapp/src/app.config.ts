// The route table. src/routes.ts names the same paths for navigation; the build-output test
// checks both against the compiled app.json. The staff workbench is a subpackage, so residents
// never download it; WeChat keeps native tab pages in the main package, so the workbench draws
// its own bottom bar (src/workbench/components/tab-bar.tsx).
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/my-cases/index',
    'pages/settings/index',
    'pages/submit/index',
    // a zone's QR code (a housing project's sales office, a heat station) opens this page
    'pages/zone/index',
    'pages/submit-result/index',
    'pages/case-detail/index',
    'pages/track/index',
    'pages/dev-login/index',
    // scanned co-sign codes open this page, so it stays in the main package
    'pages/cosign/index',
    'pages/cosign-create/index',
  ],
  subPackages: [
    {
      root: 'workbench',
      pages: ['pages/login/index', 'pages/home/index', 'pages/search/index', 'pages/case/index', 'pages/me/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '智慧信访',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/my-cases/index', text: '我的诉求', iconPath: 'assets/tabbar/cases.png', selectedIconPath: 'assets/tabbar/cases-active.png' },
      { pagePath: 'pages/settings/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
})
