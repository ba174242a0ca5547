import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { files } from '../../db/schema'

export type FileRow = typeof files.$inferSelect
export type NewFile = typeof files.$inferInsert

export function createFileRepository(db: Db) {
  // every case detail lists its files: prepared once
  const byCase = db.select().from(files).where(eq(files.caseId, sql.placeholder('caseId'))).orderBy(asc(files.createdAt)).prepare()
  return {
    insert(row: NewFile): FileRow {
      return db.insert(files).values(row).returning().get()
    },
    findById(id: string): FileRow | null {
      return db.select().from(files).where(eq(files.id, id)).get() ?? null
    },
    /** The uploader's own files that no case uses yet: what a new case may attach. */
    findAttachable(ids: readonly string[], owner: { type: 'resident' | 'staff'; id: string }): FileRow[] {
      if (ids.length === 0) return []
      return db
        .select()
        .from(files)
        .where(and(inArray(files.id, [...ids]), eq(files.ownerType, owner.type), eq(files.ownerId, owner.id), isNull(files.caseId)))
        .all()
    },
    attach(ids: readonly string[], caseId: string): void {
      if (ids.length > 0) db.update(files).set({ caseId }).where(inArray(files.id, [...ids])).run()
    },
    listByCase(caseId: string): FileRow[] {
      return byCase.all({ caseId })
    },
  }
}

export type FileRepository = ReturnType<typeof createFileRepository>
