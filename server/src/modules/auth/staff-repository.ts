import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { staff } from '../../db/schema'

export type StaffRow = typeof staff.$inferSelect

export function createStaffRepository(db: Db) {
  const byId = db.select().from(staff).where(eq(staff.id, sql.placeholder('id'))).prepare()
  return {
    findByUsername(username: string): StaffRow | null {
      return db.select().from(staff).where(eq(staff.username, username)).get() ?? null
    },
    findById(id: string): StaffRow | null {
      return byId.get({ id }) ?? null
    },
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
