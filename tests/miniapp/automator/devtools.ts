import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: its project.config.json points DevTools at miniapp/dist/weapp. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Where DevTools install their CLI by default (miniprogram-automator looks in the same places). */
const DEFAULT_CLI: Partial<Record<NodeJS.Platform, string>> = {
  darwin: '/Applications/wechatwebdevtools.app/Contents/MacOS/cli',
  win32: 'C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat',
}

/**
 * WeChat DevTools' CLI, or why the automator specs cannot run here. DevTools exist for macOS and
 * Windows only: WECHAT_DEVTOOLS_CLI, else the default install path. A WECHAT_DEVTOOLS_CLI that
 * points nowhere is a mistake, not a reason to skip, so it throws.
 */
export function findDevtools(env = process.env, platform = process.platform): { cliPath: string; skip: null } | { cliPath: null; skip: string } {
  const configured = env.WECHAT_DEVTOOLS_CLI
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`WECHAT_DEVTOOLS_CLI=${configured}: no such file (DevTools' cli, or cli.bat on Windows)`)
    return { cliPath: configured, skip: null }
  }
  const standard = DEFAULT_CLI[platform]
  if (standard && fs.existsSync(standard)) return { cliPath: standard, skip: null }
  if (!standard) return { cliPath: null, skip: `WeChat DevTools do not exist for ${platform}; the Node harness (tests/miniapp/*-flow.test.ts) covers the compiled code here` }
  return { cliPath: null, skip: `WeChat DevTools are not installed at ${standard}; install them or set WECHAT_DEVTOOLS_CLI` }
}

/** What a spec needs before DevTools start: the weapp build, and the API at the base it was compiled for. */
export async function assertReady(apiBase: string) {
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'miniapp/dist/weapp/app.json'))) throw new Error('miniapp/dist/weapp is missing: run `npm run build:weapp` first')
  const health = await fetch(`${apiBase}/healthz`).catch(() => null)
  if (!health?.ok) throw new Error(`no API at ${apiBase}: start it with \`npm start\` (API + platform mocks) first`)
}
