import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, testDatabases } from '../db/test-databases'
import { databaseRateLimitStore } from './rate-limit-store'

const open = testDatabases()
// what @fastify/rate-limit hands a route's child store (its RouteOptions type omits it)
const routeOf = (method: string, url: string) => ({ routeInfo: { method, url } }) as never
const route = routeOf('POST', '/api/v1/auth/staff')

describe.each(TEST_ENGINES)('the database rate-limit store on %s', (engine) => {
  it('counts one window across two API nodes, each route apart, and restarts it once it has passed', async () => {
    const { db, another } = await open(engine)
    const nodes = engine === 'postgres' ? [db, await another()] : [db]
    const stores = nodes.map((node) => new (databaseRateLimitStore(node))({}).child(route))
    const hit = (i: number, key: string, windowMs = 60_000) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) => stores[i % stores.length]!.incr(key, (error, answer) => (error ? reject(error) : resolve(answer!)), windowMs, 10))

    const counts = []
    for (let i = 0; i < 5; i++) counts.push((await hit(i, '203.0.113.7')).current)
    expect(counts).toEqual([1, 2, 3, 4, 5])
    expect((await hit(0, '198.51.100.1')).current).toBe(1)
    const other = new (databaseRateLimitStore(db))({}).child(routeOf('GET', '/api/v1/track/:no'))
    const elsewhere = await new Promise<{ current: number }>((resolve, reject) => other.incr('203.0.113.7', (e, a) => (e ? reject(e) : resolve(a!)), 60_000, 10))
    expect(elsewhere.current).toBe(1)

    const first = await hit(0, '192.0.2.9', 50)
    expect(first).toMatchObject({ current: 1 })
    expect(first.ttl).toBeLessThanOrEqual(50)
    await new Promise((r) => setTimeout(r, 80))
    expect((await hit(1, '192.0.2.9', 50)).current).toBe(1)
  })
})
