import { and, eq, like, ne, or, sql } from 'drizzle-orm'
import { CITY } from '@xinfang/shared/places'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'

export type StaffRow = Tables['staff']['$inferSelect']

export function createStaffRepository(db: Database, q: Q = db.q) {
  const { staff } = db.tables
  // a timeline names the staff who acted: one read per person per detail
  const byId = db.prepared('staff.findById', (q) => q.select().from(staff).where(eq(staff.id, sql.placeholder('id'))))
  return {
    async findByUsername(username: string): Promise<StaffRow | null> {
      return (await q.select().from(staff).where(eq(staff.username, username)))[0] ?? null
    },
    async findById(id: string): Promise<StaffRow | null> {
      return (await byId(q, { id }))[0] ?? null
    },
    /**
     * Where this person's work notices go first: the mini-program they signed in from. One
     * identity reaches one account: a duty phone shared by a shift goes to whoever signed in last.
     */
    async bindNoticeIdentity(id: string, platform: 'wechat' | 'alipay', uid: string): Promise<void> {
      const work = async (tx: Q) => {
        await tx.update(staff).set({ noticePlatform: null, noticeUid: null }).where(and(eq(staff.noticePlatform, platform), eq(staff.noticeUid, uid), ne(staff.id, id)))
        await tx.update(staff).set({ noticePlatform: platform, noticeUid: uid }).where(eq(staff.id, id))
      }
      // inside a caller's transaction already, or one of its own
      await (q === db.q ? db.transaction(work) : q.transaction(work))
    },
    /** Active grid members at or below a place, for an office choosing who checks the facts. */
    async gridMembersWithin(place: string): Promise<StaffRow[]> {
      const within = place === CITY ? undefined : or(eq(staff.regionCode, place), like(staff.regionCode, `${place}.%`))
      return q.select().from(staff).where(and(eq(staff.role, 'grid'), eq(staff.active, true), within)).orderBy(staff.regionCode, staff.username)
    },
  }
}

export type StaffRepository = ReturnType<typeof createStaffRepository>
