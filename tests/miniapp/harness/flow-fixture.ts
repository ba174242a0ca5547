import { afterAll, afterEach, beforeAll } from 'vitest'
import { startStack, type Stack } from '../../support/stack'
import { assertBuilt, launch, type LaunchOptions, type MiniApp, type Platform } from './launch'

/**
 * What every flow test of a compiled mini-program needs: the build checked, one API stack for
 * the file, and at most one running app at a time, closed after each test.
 */
export function flowFixture(platform: Platform) {
  assertBuilt(platform)
  let stack: Stack | undefined
  let running: MiniApp | undefined
  beforeAll(async () => {
    stack = await startStack()
  })
  afterEach(() => {
    running?.close()
    running = undefined
  })
  afterAll(() => stack?.close())
  return {
    get stack(): Stack {
      if (!stack) throw new Error('the stack starts in beforeAll')
      return stack
    },
    /** The app launched last in this test, for helpers that act on whatever is running. */
    get app(): MiniApp {
      if (!running) throw new Error('no mini-program launched in this test')
      return running
    },
    /** Launches this platform's build against the stack's API. */
    async launch(options: Omit<LaunchOptions, 'platform' | 'apiUrl'> = {}): Promise<MiniApp> {
      running?.close()
      running = await launch({ ...options, platform, apiUrl: this.stack.baseUrl } as LaunchOptions)
      return running
    },
  }
}
