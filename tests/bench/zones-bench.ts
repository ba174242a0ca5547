import { createHmac, randomBytes } from 'node:crypto'
import { DEV_CREDENTIALS } from '@xinfang/mocks/config'
import { startBenchServer } from './bench-kit'

/**
 * `npm run bench:zones`: BENCH_HEATING_CASES (default 1,000) heating-zone cases submitted over
 * BENCH_CONNECTIONS (default 20) connections at BENCH_RATE a second (default 100; 0 for as fast as
 * they go) to the API as its own process (SQLite, the outbound
 * worker on its production timer), the heating company's mock accepting each order at once by
 * webhook. Reported: from sending a submission to the mock receiving its work order, and from
 * the mock sending its webhook to the API answering it (the update is on the timeline then);
 * beside them, in the same run, the floor of one hop: a signed work order posted straight from
 * this process to the mock. Then the books: one order per case, none lost, none twice.
 */
const CASES = Number(process.env.BENCH_HEATING_CASES ?? 1000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20)
/** submissions started per second over all connections; 0 sends each as soon as a connection is free */
const RATE = Number(process.env.BENCH_RATE ?? 100)
const WAIT_MS = 120_000

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}
const summary = (values: number[]) => ({ n: values.length, p50: quantile(values, 0.5), p99: quantile(values, 0.99), max: Math.max(...values) })

interface MockOrder {
  externalId: string
  receivedAt: string
  events: { status: string; sentAt: string; answer: number | null; answeredAt: string | null }[]
}

const bench = await startBenchServer(1000, { env: { OUTBOUND_POLL_MS: '1000' } })
try {
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${bench.mocksUrl}/__mocks${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
  await control('PUT', '/heating/webhook', { url: `${bench.server.url}/api/v1/zones/heating/webhook`, autoAccept: true })

  // the floor: one signed order straight to the mock, as the adapter sends it
  const floor: number[] = []
  for (let i = 0; i < 200; i++) {
    const body = JSON.stringify({ externalId: `floor-${i}-${randomBytes(4).toString('hex')}`, trackingNo: '0000-0000-0000', title: 't', content: '暖气不热', address: '某地' })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const nonce = randomBytes(16).toString('hex')
    const signature = createHmac('sha256', DEV_CREDENTIALS.heatingAppSecret).update(`${timestamp}\n${nonce}\n${body}`).digest('hex')
    const t0 = performance.now()
    const answer = await fetch(`${bench.mocksUrl}/heating/openapi/v1/work-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rl-app-key': DEV_CREDENTIALS.heatingAppKey, 'x-rl-timestamp': timestamp, 'x-rl-nonce': nonce, 'x-rl-signature': signature },
      body,
    })
    await answer.arrayBuffer()
    floor.push(performance.now() - t0)
  }

  const sentAt = new Map<string, number>()
  let next = 0
  let failed = 0
  const t0 = Date.now()
  const worker = async () => {
    while (next < CASES) {
      const i = next++
      // paced: submission i starts no sooner than i / RATE seconds into the run
      if (RATE > 0) await new Promise((r) => setTimeout(r, Math.max(0, t0 + (i * 1000) / RATE - Date.now())))
      const residentId = bench.data.residentIds[i % bench.data.residentIds.length]!
      const started = Date.now()
      const response = await fetch(`${bench.server.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bench.tokenFor(residentId)}`, 'idempotency-key': `bench-heating-${i}-${started}` },
        body: JSON.stringify({ content: `家里暖气不热，室温只有十三度。（第${i}号）`, zone: 'heating', region: 'jinshui', address: `农业院社区${i % 30}号楼`, zoneForm: { indoorTemp: 13, since: '2026-12-01' } }),
      })
      const body = (await response.json()) as { id?: string }
      if (response.status === 201 && body.id) sentAt.set(body.id, started)
      else failed += 1
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const submitSeconds = (Date.now() - t0) / 1000

  // until every case's order is in and its acceptance answered, or the wait runs out
  let orders: MockOrder[] = []
  for (const until = Date.now() + WAIT_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    orders = ((await (await control('GET', '/heating/orders')).json()) as { orders: MockOrder[] }).orders.filter((o) => sentAt.has(o.externalId))
    if (orders.length === sentAt.size && orders.every((o) => o.events.some((e) => e.answeredAt))) break
  }

  const push = orders.map((o) => Date.parse(o.receivedAt) - sentAt.get(o.externalId)!)
  const webhook = orders.flatMap((o) => o.events.filter((e) => e.answeredAt).map((e) => Date.parse(e.answeredAt!) - Date.parse(e.sentAt)))
  const answered200 = orders.flatMap((o) => o.events).filter((e) => e.answer === 200).length
  const distinct = new Set(orders.map((o) => o.externalId)).size
  const fmt = (s: { n: number; p50: number; p99: number; max: number }) => `${s.n} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)}`
  console.log(`\n${CASES} heating cases over ${CONNECTIONS} connections${RATE > 0 ? ` paced at ${RATE}/s` : ''}, submitted in ${submitSeconds.toFixed(1)} s (${(CASES / submitSeconds).toFixed(0)}/s), SQLite, ${new Date().toISOString().slice(0, 16)}Z`)
  console.log('| measured | n | p50 ms | p99 ms | max ms |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  console.log(`| floor: a signed work order posted straight to the mock | ${fmt(summary(floor))} |`)
  console.log(`| submission sent → work order at the heating company | ${fmt(summary(push))} |`)
  console.log(`| company webhook sent → on the case timeline (API answered) | ${fmt(summary(webhook))} |`)
  console.log(`\nbooks: ${sentAt.size} cases registered (${failed} refused), ${orders.length} orders at the company for them, ${distinct} distinct, ${answered200} acceptances answered 200`)
  console.log(`lost: ${sentAt.size - distinct}, twice: ${orders.length - distinct}; p99 push ${(summary(push).p99 / summary(floor).p99).toFixed(1)}× the floor's p99`)
} finally {
  await bench.close()
}
