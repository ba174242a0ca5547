import { lt, sql } from 'drizzle-orm'
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Database } from '../db/database'

type Answer = { current: number; ttl: number }
type Callback = (error: Error | null, answer?: Answer) => void

/** an expired window's row is deleted about once in this many hits, so the table stays the size of the live windows */
const PRUNE_EVERY = 1_000

/**
 * @fastify/rate-limit's store on the database, so several API nodes count one address (or one
 * user) together: a window is one row, opened, counted and restarted by a single upsert. Chosen
 * with RATE_LIMIT_STORE=database (the default on PostgreSQL); one process on SQLite counts in
 * memory, which is exact there and costs no write per request.
 */
export function databaseRateLimitStore(db: Database): FastifyRateLimitStoreCtor {
  const { rateLimits: t } = db.tables
  let hits = 0

  async function hit(key: string, windowMs: number): Promise<Answer> {
    const now = new Date()
    const fresh = new Date(now.getTime() + windowMs)
    const expired = sql`${t.windowEndsAt} <= ${sql.param(now, t.windowEndsAt)}`
    const [row] = await db.q
      .insert(t)
      .values({ key, hits: 1, windowEndsAt: fresh })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          hits: sql`case when ${expired} then 1 else ${t.hits} + 1 end`,
          windowEndsAt: sql`case when ${expired} then ${sql.param(fresh, t.windowEndsAt)} else ${t.windowEndsAt} end`,
        },
      })
      .returning({ hits: t.hits, windowEndsAt: t.windowEndsAt })
    if (++hits % PRUNE_EVERY === 0) await db.q.delete(t).where(lt(t.windowEndsAt, now))
    return { current: row!.hits, ttl: Math.max(0, row!.windowEndsAt.getTime() - now.getTime()) }
  }

  class DatabaseStore implements FastifyRateLimitStore {
    // the plugin passes its options first; a route's child store passes its own key prefix too
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(`${this.prefix}${key}`, timeWindow).then(
        (answer) => callback(null, answer),
        (error: Error) => callback(error),
      )
    }

    /** each route counts on its own, as the in-memory store does */
    child(routeOptions: object): DatabaseStore {
      const { method, url } = (routeOptions as { routeInfo: { method: string; url: string } }).routeInfo
      return new DatabaseStore(undefined, `${method} ${url}|`)
    }
  }
  return DatabaseStore
}
