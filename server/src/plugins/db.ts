import fp from 'fastify-plugin'
import { startCheckpointer } from '../db/checkpointer'
import type { Database } from '../db/database'
import { openDatabase } from '../db/open-database'
import { isSqlite } from '../db/sqlite-engine'
import { createGroupCommit, type GroupCommit } from '../lib/group-commit'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
    /** group commit: hot writes arriving together share one transaction and one commit */
    writes: GroupCommit
  }
}

/** SQLite checkpoints inside a commit only if the WAL outgrows this (40 MB): the background thread fell behind */
const BACKSTOP_CHECKPOINT_PAGES = 10_000

/**
 * The database as `fastify.db`, opened and migrated at registration, closed with the app:
 * PostgreSQL when DATABASE_URL names one, else the SQLite file. On SQLite with
 * DB_CHECKPOINT_MS, a background thread checkpoints the WAL so commits never do.
 */
export default fp(
  async (fastify) => {
    const { databaseUrl, dbPoolSize, databaseFile: file, dbSynchronous: synchronous, dbCacheMb: cacheMb, dbCheckpointMs } = fastify.config
    const db = await openDatabase({ url: databaseUrl, poolSize: dbPoolSize, file, synchronous, cacheMb })
    let checkpointer: { stop(): Promise<void> } | null = null
    if (isSqlite(db) && dbCheckpointMs > 0) {
      db.connection.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
      checkpointer = startCheckpointer({ file, synchronous, intervalMs: dbCheckpointMs, onError: (message) => fastify.log.warn({ message }, 'background checkpoint failed') })
    }
    fastify.decorate('db', db)
    fastify.decorate('writes', createGroupCommit(db))
    fastify.addHook('onClose', async () => {
      // the app's connection closes last, so its close checkpoints what is left and removes the WAL
      await checkpointer?.stop()
      await db.close()
    })
  },
  { name: 'db', dependencies: ['config'] },
)
