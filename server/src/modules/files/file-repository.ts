import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'

export type FileRow = Tables['files']['$inferSelect']
export type NewFile = Tables['files']['$inferInsert']

export function createFileRepository(db: Database, q: Q = db.q) {
  const { files } = db.tables
  // every case detail lists its files
  const ofCase = db.prepared('files.listByCase', (q) => q.select().from(files).where(eq(files.caseId, sql.placeholder('caseId'))).orderBy(asc(files.createdAt)))
  return {
    async insert(row: NewFile): Promise<FileRow> {
      return (await q.insert(files).values(row).returning())[0]!
    },
    async findById(id: string): Promise<FileRow | null> {
      return (await q.select().from(files).where(eq(files.id, id)))[0] ?? null
    },
    /** The uploader's own files that no case uses yet: what a new case may attach. */
    async findAttachable(ids: readonly string[], owner: { type: 'resident' | 'staff'; id: string }): Promise<FileRow[]> {
      if (ids.length === 0) return []
      return q
        .select()
        .from(files)
        .where(and(inArray(files.id, [...ids]), eq(files.ownerType, owner.type), eq(files.ownerId, owner.id), isNull(files.caseId)))
    },
    async attach(ids: readonly string[], caseId: string): Promise<void> {
      if (ids.length > 0) await q.update(files).set({ caseId }).where(inArray(files.id, [...ids]))
    },
    async listByCase(caseId: string): Promise<FileRow[]> {
      return ofCase(q, { caseId })
    },
  }
}

export type FileRepository = ReturnType<typeof createFileRepository>
