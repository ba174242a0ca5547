import { randomBytes } from 'node:crypto'
import { asc } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, testDatabases } from '../db/test-databases'
import { createPiiCipher } from '../lib/pii'
import { backfillMaskedPhones } from './backfill-masked-phones'

const open = testDatabases()
const pii = createPiiCipher(randomBytes(32), 'a-hash-key-that-is-long-enough-for-hmac')
const now = new Date('2026-12-07T02:00:00Z')

describe.each(TEST_ENGINES)('the masked contact phone backfill on %s', (engine) => {
  it('masks every case stored before the copy existed, leaves the rest, and then finds nothing to do', async () => {
    const { db } = await open(engine)
    const { residents, cases } = db.tables
    await db.q.insert(residents).values({ id: 'r1', platform: 'wechat', platformUid: 'u1', createdAt: now, lastLoginAt: now })
    const old = (i: number, phone: string | null) => ({
      id: `c${String(i).padStart(4, '0')}`, trackingNo: String(100_000_000_000 + i), ownerId: 'r1', title: '路灯', content: '路灯坏了', status: 'registered',
      registeredAt: now, updatedAt: now, contactPhoneEnc: phone ? pii.encrypt(phone) : null,
    })
    // more than one batch of old rows, some without a phone, and one written by the current version
    const rows = Array.from({ length: 1_203 }, (_, i) => old(i, i % 3 === 0 ? null : `1390000${String(i).padStart(4, '0')}`))
    for (let i = 0; i < rows.length; i += 400) await db.q.insert(cases).values(rows.slice(i, i + 400))
    await db.q.insert(cases).values({ ...old(9_999, '13712345678'), contactPhoneMasked: '已写入' })

    expect(await backfillMaskedPhones(db, pii)).toBe(802)
    const stored = await db.q.select({ id: cases.id, masked: cases.contactPhoneMasked }).from(cases).orderBy(asc(cases.id))
    expect(stored.find((r) => r.id === 'c0001')!.masked).toBe('139****0001')
    expect(stored.find((r) => r.id === 'c1202')!.masked).toBe('139****1202')
    expect(stored.find((r) => r.id === 'c0003')!.masked).toBeNull()
    expect(stored.filter((r) => r.masked !== null)).toHaveLength(803)
    // the row that had its copy keeps it
    expect(stored.find((r) => r.id === 'c9999')!.masked).toBe('已写入')
    expect(await backfillMaskedPhones(db, pii)).toBe(0)
  })
})
