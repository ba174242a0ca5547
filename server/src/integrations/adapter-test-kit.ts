import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { IntegrationError } from './http-client'

/** The platform mocks on a free port for one test file, with a clean call journal per test. */
export function useMocks(): () => RunningMocks {
  let mocks: RunningMocks | undefined
  beforeAll(async () => {
    mocks = await startMocks()
  })
  afterAll(() => mocks?.close())
  beforeEach(() => mocks?.clearCalls())
  return () => {
    if (!mocks) throw new Error('mocks are not running yet')
    return mocks
  }
}

/** The IntegrationError a call fails with; the test fails if it succeeds or fails otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(IntegrationError)
  return error as IntegrationError
}
