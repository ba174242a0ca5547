import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * Creating and dropping whole databases on a PostgreSQL server, for the tests and benchmarks that
 * give each run (each test, each stack) a database of its own. `adminUrl` names a role that may
 * create databases.
 */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** `adminUrl` pointing at database `name` instead. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** A new empty UTF-8 database (a random name unless given); answers its URL. */
export async function createDatabase(adminUrl: string, name = `t_${randomBytes(6).toString('hex')}`): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`)
  await withPgClient(adminUrl, (c) => c.query(`create database "${name}" template template0 encoding 'UTF8'`))
  return databaseUrl(adminUrl, name)
}

/** Drops the database `url` names, connections and all. */
export async function dropDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1)
  await withPgClient(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`))
}
