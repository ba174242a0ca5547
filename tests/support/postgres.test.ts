import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPostgres, type TestPostgres } from './postgres'

async function query(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

describe('test PostgreSQL', () => {
  let server: TestPostgres
  beforeAll(async () => {
    server = await startPostgres()
  })
  afterAll(() => server?.stop())

  it('creates a database that can be written and read, in UTF-8', async () => {
    const url = await server.createDatabase()
    await query(url, 'CREATE TABLE cases (title text)')
    await query(url, "INSERT INTO cases VALUES ('路灯不亮')")
    const { rows } = await query(url, 'SELECT title FROM cases')
    expect(rows).toEqual([{ title: '路灯不亮' }])
  })

  it('gives each caller its own database', async () => {
    const a = await server.createDatabase()
    const b = await server.createDatabase()
    expect(a).not.toBe(b)
    await query(a, 'CREATE TABLE only_in_a (x int)')
    await expect(query(b, 'SELECT * FROM only_in_a')).rejects.toThrow(/does not exist/)
    const name = new URL(b).pathname.slice(1)
    await server.dropDatabase(name)
    await expect(query(b, 'SELECT 1')).rejects.toThrow(/does not exist/)
  })
})
