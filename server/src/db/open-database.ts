import { openPostgres } from './pg-engine'
import { openSqlite, type SqliteOptions } from './sqlite-engine'
import type { Database } from './database'

export interface DatabaseConfig extends SqliteOptions {
  /** postgres://…: PostgreSQL; unset: the SQLite file */
  url?: string | undefined
  poolSize?: number
}

/** The engine the configuration names: PostgreSQL for a postgres:// URL, else the SQLite file. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) return openPostgres({ url: config.url, poolSize: config.poolSize })
  return openSqlite(config)
}

