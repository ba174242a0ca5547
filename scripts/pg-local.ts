// `npm run pg:local`: a PostgreSQL for trying the platform on one machine. Data is kept in
// ./data/postgres between runs; Ctrl-C stops the server (fast shutdown).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startPostgresServer } from './lib/postgres-server'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = path.join(root, 'data', 'postgres')
fs.mkdirSync(dataDir, { recursive: true })
// The postgres user (when we are root) must be able to reach ./data/postgres.
fs.chmodSync(dataDir, 0o755)

// A fixed port keeps the printed DATABASE_URL the same from run to run.
const port = Number(process.env.PG_LOCAL_PORT ?? 54329)
const server = await startPostgresServer({ dataDir, keepData: true, port })
const url = server.adminUrl
console.log(`PostgreSQL is running (data in ${path.relative(root, dataDir)}). In another terminal:`)
console.log(`  DATABASE_URL=${url} npm run db:migrate`)
console.log(`  DATABASE_URL=${url} npm run serve`)
console.log('Ctrl-C stops it.')

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    void server.stop().then(() => process.exit(0))
  })
}
