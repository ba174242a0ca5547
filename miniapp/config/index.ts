import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// One config for weapp / alipay / h5; `taro build --type X` sets TARO_ENV.
const platform = process.env.TARO_ENV ?? 'weapp'

// The API base is fixed at build time. H5 is served by the API itself (same origin, ''),
// the mini-programs need an absolute URL (a real deployment sets its https domain here).
const apiBase = process.env.TARO_APP_API_BASE ?? (platform === 'h5' ? '' : 'http://127.0.0.1:3000')

// @xinfang/shared ships TypeScript source; Taro only compiles src/ and Taro packages by default.
const sharedSource = path.resolve(__dirname, '../../shared/src')

// npm may keep a package in miniapp/node_modules instead of hoisting it (plugin-framework-react
// is, because of its optional `vite ^4` peer next to vitest's vite at the root). Taro packages
// at the root import it too, so resolve from here as a fallback.
const ownModules = path.resolve(__dirname, '../node_modules')

type ProjectConfig = Extract<UserConfigExport<'webpack5'>, { mini?: unknown }>
type Chain = Parameters<NonNullable<NonNullable<ProjectConfig['mini']>['webpackChain']>>[0]

const commonChain = (chain: Chain) => {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
  chain.resolve.modules.add('node_modules').add(ownModules)
  // chinese-days (used by shared/deadlines) declares "type": "commonjs" but its `module` entry
  // is an ES module; webpack would parse it as CommonJS and fail on `export`.
  chain.module.rule('chinese-days-esm').test(/chinese-days[\\/]dist[\\/]index\.es\.js$/).type('javascript/auto')
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xinfang-miniapp',
    date: '2026-11-29',
    // NutUI is drawn at 375 wide, our own styles at 750
    designWidth(input) {
      const file = typeof input === 'object' && input ? input.file : undefined
      if (file?.replace(/\\+/g, '/').includes('@nutui')) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: ['@tarojs/plugin-platform-alipay'],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    // the H5 page's favicon, home-screen icons and manifest (scripts/make-app-icons.mjs draws them)
    copy: { patterns: platform === 'h5' ? [{ from: 'src/h5-public/', to: `dist/${platform}/` }] : [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // page styles share chunks in any order; our styles never depend on that order
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain: commonChain,
    },
    h5: {
      compile: { include: [sharedSource] },
      publicPath: './',
      staticDirectory: 'static',
      // hash routing works on any static host, including the API server serving dist/h5
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: commonChain,
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
