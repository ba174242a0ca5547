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
 * next, so a slow platform can never stack passes up.
 */
export function createPoller(pass: () => Promise<unknown>, intervalMs: number, log: FastifyBaseLogger): Poller {
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
        (error: unknown) => log.error({ err: error }, 'notification pass failed; the next one retries'),
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
