import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Db } from './client'

/**
 * An insert into `table` prepared once, for the hot write paths (a submission writes a case, its
 * assignments, timeline entries, a notice and an idempotency record). The query builder would
 * build the SQL and SQLite prepare it on every call, a good part of a submission's cost.
 * Values go through each column's own driver mapping (times to epoch ms, booleans to 0/1, JSON
 * to text) and a missing value takes the column's default, exactly as drizzle would write them.
 * Answers the row as it now stands in the table, without reading it back.
 */
export function preparedInsert<T extends SQLiteTable>(db: Db, table: T) {
  const columns = Object.entries(getTableColumns(table))
  const statement = db.$client.prepare(
    `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  )
  const autoIncrement = columns.find(([, c]) => c.primary && c.columnType === 'SQLiteInteger')?.[0]
  return (row: InferInsertModel<T>): InferSelectModel<T> => {
    const input = row as Record<string, unknown>
    const stored: Record<string, unknown> = {}
    const values = columns.map(([key, column]) => {
      const value = input[key] !== undefined ? input[key] : column.hasDefault && column.default !== undefined ? column.default : null
      stored[key] = value
      return value === null ? null : column.mapToDriverValue(value)
    })
    const result = statement.run(values)
    if (autoIncrement && stored[autoIncrement] === null) stored[autoIncrement] = Number(result.lastInsertRowid)
    return stored as InferSelectModel<T>
  }
}
