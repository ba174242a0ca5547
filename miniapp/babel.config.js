// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// This project-wide config also compiles ../shared/src (see compile.include in config/index.ts).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // component folders are lowercase: dist/es/packages/<name>/index.js + style/css.js
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (path) => `${path}/style/css`,
        camel2DashComponentName: false,
      },
      'nutui-react-taro',
    ],
  ],
}
