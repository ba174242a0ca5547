import fp from 'fastify-plugin'
import type Database from 'better-sqlite3'
import { openDatabase, type Db } from '../db/client'
import { createGroupCommit, type GroupCommit } from '../lib/group-commit'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    sqlite: Database.Database
    /** group commit: hot writes arriving together share one transaction and one commit */
    writes: GroupCommit
  }
}

/** The database as `fastify.db`: opened and migrated at registration, closed with the app. */
export default fp(
  async (fastify) => {
    const { db, sqlite } = openDatabase({ file: fastify.config.databaseFile, synchronous: fastify.config.dbSynchronous })
    fastify.decorate('db', db)
    fastify.decorate('sqlite', sqlite)
    fastify.decorate('writes', createGroupCommit(db))
    fastify.addHook('onClose', async () => {
      sqlite.close()
    })
  },
  { name: 'db', dependencies: ['config'] },
)
