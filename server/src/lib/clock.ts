/** Time as the app sees it; tests pass a fake one to move across deadlines and holidays. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
