import type { FastifyBaseLogger } from 'fastify'

export interface Poller {
  start(): void
  /** Stops the timer and waits for a pass in flight, so nothing writes to a closing database. */
  stop(): Promise<void>
  /** Runs a pass now rather than at the next tick; a no-op unless started. */
  kick(): void
}

/**
 * Runs `pass` every `intervalMs`, measured from the end of one pass to the start of the
 * next, so a slow platform can never stack passes up. `name` says whose pass failed in the log.
 */
export function createPoller(name: string, pass: () => Promise<unknown>, intervalMs: number, log: FastifyBaseLogger): Poller {
  let running = false
  let timer: NodeJS.Timeout | null = null
  let inFlight: Promise<void> | null = null
  let kickedMeanwhile = false

  function schedule(delayMs: number): void {
    if (!running) return
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(tick, delayMs)
    // a pending tick must not keep a finished process alive
    timer.unref()
  }

  function tick(): void {
    timer = null
    inFlight = pass()
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: error }, `${name} pass failed; the next one retries`),
      )
      .finally(() => {
        inFlight = null
        const again = kickedMeanwhile
        kickedMeanwhile = false
        schedule(again ? 0 : intervalMs)
      })
  }

  return {
    start() {
      running = true
      schedule(0)
    },
    async stop() {
      running = false
      if (timer !== null) clearTimeout(timer)
      timer = null
      await inFlight
    },
    kick() {
      if (!running) return
      if (inFlight === null) schedule(0)
      else kickedMeanwhile = true
    },
  }
}

/** Passes run one after another: a pass asked for while one runs starts when it ends. */
export function serialPasses<T>(pass: () => Promise<T>) {
  let previous: Promise<unknown> = Promise.resolve()
  return {
    runOnce(): Promise<T> {
      const run = previous.then(pass)
      previous = run.catch(() => undefined)
      return run
    },
    /** Resolves once no pass is running or queued. */
    idle: (): Promise<unknown> => previous,
  }
}

export interface BackoffPolicy {
  backoffBaseMs: number
  backoffMaxMs: number
}

/**
 * The wait before attempt `attempts + 1`: doubling from the base up to the cap, with "equal
 * jitter" (half fixed, half random), so rows that failed together do not return together.
 */
export function backoffMs(policy: BackoffPolicy, attempts: number, random: () => number): number {
  const capped = Math.min(policy.backoffBaseMs * 2 ** (attempts - 1), policy.backoffMaxMs)
  return Math.round(capped / 2 + (capped / 2) * random())
}
