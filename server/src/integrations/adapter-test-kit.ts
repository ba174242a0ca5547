import { startMocks, type RunningMocks } from '@xinfang/mocks/start-mocks'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { IntegrationError } from './http-client'
import type { CaseUpdate } from './notice-delivery'

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

/** A notice as the worker hands it to every channel; override what a test is about. */
export function caseUpdate(overrides: Partial<CaseUpdate> = {}): CaseUpdate {
  return {
    audience: 'resident',
    trackingNo: '4821-0937-5516',
    title: '小区供暖温度不达标',
    statusLabel: '办理中',
    headline: '已受理',
    message: '您的诉求已受理，将在法定期限内答复',
    at: new Date('2025-01-06T02:30:00Z'),
    page: 'pages/case-detail/index?id=c_test',
    ...overrides,
  }
}

/** The text a QR code in a PNG encodes, read the way a phone's scanner would; null if none is found. */
export function decodeQr(png: Buffer): string | null {
  const { width, height, data } = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width, height)?.data ?? null
}
