import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tables as pgTables } from './pg'
import { tables as sqliteTables } from './sqlite'

// what a service sees of a column: its JS type and whether it may be missing
const shape = (column: Column) => ({ name: column.name, dataType: column.dataType, notNull: column.notNull, primary: column.primary, hasDefault: column.hasDefault })

describe('one schema, two engines', () => {
  it('builds the same tables with the same columns, JS types and nullability on both', () => {
    expect(Object.keys(sqliteTables)).toEqual(Object.keys(pgTables))
    for (const [key, pgTable] of Object.entries(pgTables)) {
      const liteTable = sqliteTables[key as keyof typeof sqliteTables]
      expect(getTableName(liteTable), key).toBe(getTableName(pgTable))
      const pgColumns = Object.entries(getTableColumns(pgTable)).map(([field, c]) => ({ field, ...shape(c) }))
      const liteColumns = Object.entries(getTableColumns(liteTable)).map(([field, c]) => ({ field, ...shape(c) }))
      expect(liteColumns, key).toEqual(pgColumns)
    }
  })
})
