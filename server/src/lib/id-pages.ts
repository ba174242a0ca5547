import { AppError } from './app-error'

/**
 * Paging by descending integer id, for append-only logs (the audit trail, warnings): the cursor
 * is the last id shown, and a page is read with one row more than it shows, to know if more follow.
 */
export function decodeIdCursor(cursor: string | undefined): number | null {
  if (!cursor) return null
  const id = Number(cursor)
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('VALIDATION_FAILED', '「翻页位置」无效，请刷新列表')
  return id
}

/** A page of `rows` (read with one more than `limit`), each shown by `view`, one after another (a view may read more). */
export async function idPage<R, T extends { id: number }>(rows: R[], limit: number, view: (row: R) => T | Promise<T>): Promise<{ items: T[]; nextCursor: string | null }> {
  const items: T[] = []
  for (const row of rows.slice(0, limit)) items.push(await view(row))
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null }
}
