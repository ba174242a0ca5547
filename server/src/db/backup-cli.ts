import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { backupDatabase } from './backup'
import { findPgBin } from './pg-tools'

/**
 * `npm run backup [-- destination]`, while the server runs. On SQLite (the default) an online
 * copy of DATA_DIR/xinfang.db; with DATABASE_URL, a pg_dump in its custom format (one consistent
 * snapshot, compressed), checked by listing it with pg_restore. Restore with pg_restore (see
 * docs/deployment.md). Needs no secrets: the copy holds personal data only in its encrypted form.
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? './data')
const url = process.env.DATABASE_URL || undefined
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-')
const destination = path.resolve(process.argv[2] ?? path.join(dataDir, 'backups', `xinfang-${stamp}.${url ? 'dump' : 'db'}`))

if (url) {
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const bin = findPgBin()
  execFileSync(path.join(bin, 'pg_dump'), ['--format=custom', '--no-owner', '--file', destination, '--dbname', url], { stdio: ['ignore', 'inherit', 'inherit'] })
  const entries = execFileSync(path.join(bin, 'pg_restore'), ['--list', destination], { encoding: 'utf8' }).split('\n').filter((line) => /TABLE DATA/.test(line)).length
  console.log(`backed up PostgreSQL ${new URL(url).pathname.slice(1)}: ${entries} tables (${fs.statSync(destination).size} bytes) to ${destination}`)
} else {
  const { pages, bytes } = await backupDatabase(path.join(dataDir, 'xinfang.db'), destination)
  console.log(`backed up ${pages} pages (${bytes} bytes) to ${destination}`)
}
