import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll } from 'vitest'
import { TINY_JPEG } from '../support/actors'
import { startStack, type Stack, type StackOptions } from '../support/stack'
import { CHROMIUM, type H5Session } from './h5-browser'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const H5_BUILD = path.join(ROOT, 'miniapp/dist/h5')
/** Screenshots and timings of the last run (git-ignored with the rest of tests/output). */
export const H5_OUTPUT = path.join(ROOT, 'tests/output/h5')

export interface H5Stack {
  stack: Stack
  /** a small real JPEG on disk, for the photo picker */
  photo: string
  close(): Promise<void>
}

/**
 * The real API and mocks serving the built H5 app. The build is copied first, so a rebuild
 * running meanwhile (npm run dev:h5, another build) cannot pull files from under the browser.
 */
export async function startH5Stack(options: StackOptions = {}): Promise<H5Stack> {
  if (!fs.existsSync(path.join(H5_BUILD, 'index.html'))) {
    throw new Error(`${H5_BUILD}/index.html is missing: build the H5 app first with \`npm run build:h5\` (npm test builds it before the tests)`)
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`)
  fs.mkdirSync(H5_OUTPUT, { recursive: true })
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-h5-e2e-'))
  const build = path.join(workDir, 'h5')
  fs.cpSync(H5_BUILD, build, { recursive: true })
  const photo = path.join(workDir, 'photo.jpg')
  fs.writeFileSync(photo, TINY_JPEG)
  const stack = await startStack({ ...options, env: { ...options.env, H5_DIR: build } })
  return {
    stack,
    photo,
    async close() {
      await stack.close()
      fs.rmSync(workDir, { recursive: true, force: true })
    },
  }
}

/** One H5 stack for a test file: started before its tests (a minute allowed), closed after them. */
export function useH5Stack(options: StackOptions = {}): () => H5Stack {
  let started: H5Stack | undefined
  beforeAll(async () => {
    started = await startH5Stack(options)
  }, 60_000)
  afterAll(() => started?.close())
  return () => {
    if (!started) throw new Error('the H5 stack starts in beforeAll')
    return started
  }
}

/** Runs the steps of a flow one by one, timing each and saving what the resident sees after it. */
export function stepper(h5: H5Session, prefix: string) {
  const timings: { step: string; ms: number }[] = []
  return {
    timings,
    async step(name: string, run: () => Promise<void>, screenshot: { fullPage?: boolean } = {}) {
      const started = performance.now()
      await run()
      timings.push({ step: name, ms: Math.round(performance.now() - started) })
      await h5.screenshot(`${prefix}-${String(timings.length).padStart(2, '0')}-${name}`, screenshot)
    },
    report: (title: string) => `${title}:\n${timings.map((t) => `  ${t.step.padEnd(18)} ${t.ms} ms`).join('\n')}`,
  }
}
