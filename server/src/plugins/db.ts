import fp from 'fastify-plugin'
import type Database from 'better-sqlite3'
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

/** The database as `fastify.db`: opened and migrated at registration, closed with the app. */
export default fp(
  async (fastify) => {
    const { db, sqlite } = openDatabase({ file: fastify.config.databaseFile, synchronous: fastify.config.dbSynchronous, cacheMb: fastify.config.dbCacheMb })
    fastify.decorate('db', db)
    fastify.decorate('sqlite', sqlite)
    fastify.decorate('writes', createGroupCommit(db))
    fastify.decorate('readSnapshot', createReadSnapshot(sqlite))
    fastify.addHook('onClose', async () => {
      sqlite.close()
    })
  },
  { name: 'db', dependencies: ['config'] },
)
