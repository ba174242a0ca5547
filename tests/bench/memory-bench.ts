import { load, pick, printTable, startBenchServer } from './bench-kit'

/**
 * `npm run bench:memory`: server memory with BENCH_CASES (default 1,000,000) cases on disk,
 * idle after start and under a mixed read load. SQLite keeps data on disk; what grows with
 * the case count is its page cache, bounded by its own limits, not the heap.
 */
const CASES = Number(process.env.BENCH_CASES ?? 1_000_000)
const bench = await startBenchServer(CASES) // SQLite: on PostgreSQL the data lives in another process
try {
  const idle = bench.rssMb()
  const url = bench.server.url
  const row = await load('mixed reads (detail, list, track)', {
    url,
    connections: 50,
    duration: Number(process.env.BENCH_SECONDS ?? 15),
    requests: [
      {
        setupRequest: (req) => {
          const c = bench.ownedCase()
          return Math.random() < 0.5 ? { ...req, method: 'GET', path: c.path, headers: { authorization: `Bearer ${c.token}` } } : { ...req, method: 'GET', path: `/api/v1/track/${pick(bench.data.trackingNos)}` }
        },
      },
    ],
  })
  printTable(`${CASES} cases on disk`, [row])
  console.log(`\nserver RSS: ${idle} MB idle after start, ${bench.rssMb()} MB after the load`)
} finally {
  await bench.close()
}
