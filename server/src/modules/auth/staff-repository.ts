import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { staff } from '../../db/schema'

export type StaffRow = typeof staff.$inferSelect

export function createStaffRepository(db: Db) {
  return {
    findByUsername(username: string): StaffRow | null {
      return db.select().from(staff).where(eq(staff.username, username)).get() ?? null
    },
    findById(id: string): StaffRow | null {
      return db.select().from(staff).where(eq(staff.id, id)).get() ?? null
    },
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
