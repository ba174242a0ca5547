/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string
  export default src
}
declare module '*.css'
declare module '*.scss'

/** The API origin, fixed at build time from TARO_APP_API_BASE (config/index.ts). '' = same origin. */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    /** the platform being built: taro build --type <TARO_ENV> */
    TARO_ENV: 'weapp' | 'alipay' | 'h5'
    TARO_APP_API_BASE?: string
  }
}
