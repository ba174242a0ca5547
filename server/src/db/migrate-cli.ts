import path from 'node:path'
import { openDatabase } from './open-database'

/**
 * `npm run db:migrate`: brings the configured database's schema up to date and exits; needs no
 * secrets. PostgreSQL when DATABASE_URL names one (an empty database gets the whole schema;
 * nodes starting at the same moment take turns behind an advisory lock), else the SQLite file
 * DATA_DIR/xinfang.db. The API migrates at start too: this is for a deployment that migrates
 * once, before rolling its nodes onto a new version.
 */
const url = process.env.DATABASE_URL || undefined
const file = path.resolve(process.env.DATA_DIR ?? './data', 'xinfang.db')
const started = Date.now()
const db = await openDatabase({ url, file, synchronous: 'FULL' })
await db.close()
console.log(`migrated ${url ? `PostgreSQL ${new URL(url).host}${new URL(url).pathname}` : file} in ${Date.now() - started} ms`)
