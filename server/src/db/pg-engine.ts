import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql, type Column } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import type { PgSelect } from 'drizzle-orm/pg-core'
import pg from 'pg'
import type { Database, Q } from './database'
import { tables } from './schema/pg'

export const PG_MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle/pg')

export interface PgOptions {
  url: string
  /** connections this node keeps open */
  poolSize?: number
  /** migrate on open; several nodes starting together take turns (drizzle's migrator runs in a transaction behind a lock) */
  migrate?: boolean
}

export interface PostgresDatabase extends Database {
  readonly engine: 'postgres'
  readonly pool: pg.Pool
}

/** Serialises migrations of one database across nodes starting at once. */
const MIGRATION_LOCK = 7_250_001

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}

/**
 * PostgreSQL: a pool of connections per node, every node on the same database. Transactions are
 * READ COMMITTED with the guarantees the services need made by constraints (one identity one
 * signature is a unique index), conditional updates and row or advisory locks, not by luck.
 */
export async function openPostgres({ url, poolSize = 10, migrate: migrateOnOpen = true }: PgOptions): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // an idle connection the server dropped (restart, failover) must not bring the node down
  pool.on('error', () => {})
  if (migrateOnOpen) await migratePostgres(pool)
  const q = drizzle(pool) as unknown as Q
  return {
    engine: 'postgres',
    tables,
    batchesWrites: false,
    pool,
    q,
    transaction: (work) => q.transaction((tx) => work(tx as unknown as Q)),
    snapshot: (work) => q.transaction((tx) => work(tx as unknown as Q), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
    lockKey: async (tx, key) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
    },
    insertRows: async (tx, table, rows) => (rows.length === 0 ? [] : tx.insert(table).values([...rows]).returning()),
    // a name per statement text: node-postgres refuses one name for two texts on a connection
    prepared: (name, build) => (on, values) => build(on).prepare(name).execute(values),
    skipLocked: <T extends PgSelect>(select: T) => select.for('update', { skipLocked: true }) as T,
    isTrue: (column: Column) => sql`${column}`,
    changeMarker: async () => null,
    ping: async () => {
      await pool.query('select 1')
    },
    close: async () => {
      await pool.end()
    },
  }
}
