import fp from 'fastify-plugin'
import type Database from 'better-sqlite3'
import { startCheckpointer } from '../db/checkpointer'
import { openDatabase, type Db } from '../db/client'
import { createReadSnapshot, type ReadSnapshot } from '../db/read-snapshot'
import { createGroupCommit, type GroupCommit } from '../lib/group-commit'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    sqlite: Database.Database
    /** group commit: hot writes arriving together share one transaction and one commit */
    writes: GroupCommit
    /** one read transaction around a request's reads */
    readSnapshot: ReadSnapshot
  }
}

/** SQLite checkpoints inside a commit only if the WAL outgrows this (40 MB): the background thread fell behind */
const BACKSTOP_CHECKPOINT_PAGES = 10_000

/**
 * The database as `fastify.db`: opened and migrated at registration, closed with the app. With
 * DB_CHECKPOINT_MS, a background thread checkpoints the WAL so commits never do.
 */
export default fp(
  async (fastify) => {
    const { databaseFile: file, dbSynchronous: synchronous, dbCacheMb: cacheMb, dbCheckpointMs } = fastify.config
    const { db, sqlite } = openDatabase({ file, synchronous, cacheMb })
    if (dbCheckpointMs > 0) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
    const checkpointer =
      dbCheckpointMs > 0
        ? startCheckpointer({ file, synchronous, intervalMs: dbCheckpointMs, onError: (message) => fastify.log.warn({ message }, 'background checkpoint failed') })
        : null
    fastify.decorate('db', db)
    fastify.decorate('sqlite', sqlite)
    fastify.decorate('writes', createGroupCommit(db))
    fastify.decorate('readSnapshot', createReadSnapshot(sqlite))
    fastify.addHook('onClose', async () => {
      // the app's connection closes last, so its close checkpoints what is left and removes the WAL
      await checkpointer?.stop()
      sqlite.close()
    })
  },
  { name: 'db', dependencies: ['config'] },
)
