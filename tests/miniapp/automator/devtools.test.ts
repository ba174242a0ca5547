import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findDevtools } from './devtools'

describe('finding WeChat DevTools for the automator specs', () => {
  it('skips on Linux, saying there are no DevTools for it and what covers the build instead', () => {
    expect(findDevtools({}, 'linux')).toEqual({ cliPath: null, skip: expect.stringMatching(/do not exist for linux.*harness/) })
  })

  it('skips where DevTools could be but are not installed, naming the path looked at', () => {
    const found = findDevtools({}, 'darwin')
    if (found.cliPath) return expect(found.cliPath).toBe('/Applications/wechatwebdevtools.app/Contents/MacOS/cli')
    expect(found.skip).toContain('/Applications/wechatwebdevtools.app/Contents/MacOS/cli')
  })

  it('runs with the CLI WECHAT_DEVTOOLS_CLI names, and refuses one that is not there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'devtools-'))
    try {
      const cli = path.join(dir, 'cli')
      fs.writeFileSync(cli, '')
      expect(findDevtools({ WECHAT_DEVTOOLS_CLI: cli }, 'linux')).toEqual({ cliPath: cli, skip: null })
      expect(() => findDevtools({ WECHAT_DEVTOOLS_CLI: path.join(dir, 'gone') }, 'darwin')).toThrow(/WECHAT_DEVTOOLS_CLI=.*gone: no such file/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
