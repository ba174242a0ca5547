import { and, eq, like, ne, or, sql } from 'drizzle-orm'
import { CITY } from '@xinfang/shared/places'
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
    /**
     * Where this person's work notices go first: the mini-program they signed in from. One
     * identity reaches one account: a duty phone shared by a shift goes to whoever signed in last.
     */
    bindNoticeIdentity(id: string, platform: 'wechat' | 'alipay', uid: string): void {
      db.transaction(() => {
        db.update(staff).set({ noticePlatform: null, noticeUid: null }).where(and(eq(staff.noticePlatform, platform), eq(staff.noticeUid, uid), ne(staff.id, id))).run()
        db.update(staff).set({ noticePlatform: platform, noticeUid: uid }).where(eq(staff.id, id)).run()
      })
    },
    /** Active grid members at or below a place, for an office choosing who checks the facts. */
    gridMembersWithin(place: string): StaffRow[] {
      const within = place === CITY ? undefined : or(eq(staff.regionCode, place), like(staff.regionCode, `${place}.%`))
      return db.select().from(staff).where(and(eq(staff.role, 'grid'), eq(staff.active, true), within)).orderBy(staff.regionCode, staff.username).all()
    },
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
