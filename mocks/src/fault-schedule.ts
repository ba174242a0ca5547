import type { MockPlatform } from './mock-platform'

export type FaultMode = 'fail' | 'slow' | 'busy' | 'none'

/**
 * - `fail`: a 503 from the front proxy, before the platform sees the request.
 * - `slow`: a stall, then the normal answer.
 * - `busy`: the platform's own "busy, try later" in its own format (WeChat -1, Alipay 20000,
 *   Aliyun isv.BUSINESS_LIMIT_CONTROL, the city app 429), which adapters must tell from a refusal.
 */
export type ScheduledFault = { mode: 'fail' } | { mode: 'busy' } | { mode: 'slow'; delayMs: number }

interface FaultPlan {
  mode: 'fail' | 'slow' | 'busy'
  remaining: number
  delayMs: number
}

export const DEFAULT_STALL_MS = 10_000

/**
 * Faults armed for the next requests of a platform, so adapters' retries and
 * timeouts can be exercised over real HTTP instead of by mocking fetch.
 */
export class FaultSchedule {
  readonly #plans = new Map<MockPlatform, FaultPlan>()

  arm(platform: MockPlatform, mode: FaultMode, count = 1, delayMs = DEFAULT_STALL_MS): void {
    if (mode === 'none') this.#plans.delete(platform)
    else this.#plans.set(platform, { mode, remaining: count, delayMs })
  }

  /** The fault the current request must suffer, if any; each call uses one up. */
  take(platform: MockPlatform): ScheduledFault | null {
    const plan = this.#plans.get(platform)
    if (plan === undefined) return null
    plan.remaining -= 1
    if (plan.remaining <= 0) this.#plans.delete(platform)
    return plan.mode === 'slow' ? { mode: 'slow', delayMs: plan.delayMs } : { mode: plan.mode }
  }

  clear(): void {
    this.#plans.clear()
  }
}
