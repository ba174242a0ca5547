import { randomBytes } from 'node:crypto'
import { maskPhone } from '@xinfang/shared/masking'
import { CATEGORIES } from '@xinfang/shared/categories'
import { REGIONS } from '@xinfang/shared/catalog'
import { streetsOf } from '@xinfang/shared/places'
import { openDatabase } from '@xinfang/server/db/open-database'
import { isSqlite } from '@xinfang/server/db/sqlite-engine'
import { ensureReferenceData } from '@xinfang/server/db/reference-data'
import { decideDispatch } from '@xinfang/server/modules/dispatch/dispatcher'
import { createRuleRepository } from '@xinfang/server/modules/dispatch/rule-repository'
import { createPiiCipher } from '@xinfang/server/lib/pii'
import { newTrackingNo } from '@xinfang/server/lib/ids'

export interface GeneratedData {
  residentIds: string[]
  caseIds: string[]
  trackingNos: string[]
}

const SENTENCES = [
  '小区暖气一直不热，室温只有十三度，老人孩子都受不了。',
  '开发商承诺去年交房，到现在还没有交，每个月还要还房贷。',
  '工地拖欠我们三个月的工资，老板一直说过几天就给。',
  '楼下烧烤店油烟直排，晚上窗户都不敢开。',
  '小区门口夜市占道经营，每天堵到半夜。',
  '孩子入学划片不合理，离家五公里的学校。',
  '医保报销材料交了两个月还没有结果。',
  '路灯坏了半个月没人修，晚上走路很危险。',
]

/** rows per insert statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters */
const ROWS_PER_INSERT = 1_000
/** cases per transaction */
const CASES_PER_COMMIT = 10_000

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size))

/**
 * Writes `count` realistic cases into a database (SQLite file or PostgreSQL, through the committed
 * migrations), dispatched by the real rules, each with its two opening timeline entries; in
 * multi-row inserts, 10,000 cases per transaction, so a million takes minutes, not an hour.
 */
export async function generateCases(config: { file: string; url?: string }, count: number, pii: { key: Buffer; hashKey: string }, residentsCount = Math.max(1, Math.floor(count / 10))): Promise<GeneratedData> {
  const db = await openDatabase({ file: config.file, url: config.url, synchronous: 'NORMAL' })
  try {
    await ensureReferenceData(db)
    const { residents, cases, caseAssignments, caseEvents } = db.tables
    const cipher = createPiiCipher(pii.key, pii.hashKey)
    const rules = await createRuleRepository(db).active()

    const now = Date.now()
    const residentIds = Array.from({ length: residentsCount }, (_, i) => `r_bench${String(i).padStart(8, '0')}`)
    await db.transaction(async (tx) => {
      for (const ids of chunks(residentIds, ROWS_PER_INSERT)) {
        await tx.insert(residents).values(ids.map((id) => ({ id, platform: 'wechat' as const, platformUid: `bench-${id}`, verified: false, createdAt: new Date(now), lastLoginAt: new Date(now) })))
      }
    })

    const caseIds: string[] = []
    const trackingNos = new Set<string>()
    const phone = cipher.encrypt('13800000000')
    const maskedPhone = maskPhone('13800000000')
    const statuses = ['registered', 'accepted', 'accepted', 'replied', 'closed', 'closed'] as const
    for (let start = 0; start < count; start += CASES_PER_COMMIT) {
      const caseRows: (typeof cases.$inferInsert)[] = []
      const assignmentRows: (typeof caseAssignments.$inferInsert)[] = []
      const eventRows: (typeof caseEvents.$inferInsert)[] = []
      for (let i = start; i < Math.min(count, start + CASES_PER_COMMIT); i++) {
        const category = CATEGORIES[i % CATEGORIES.length]!
        const region = REGIONS[i % REGIONS.length]!.code
        const street = streetsOf(region)[i % 3]?.code ?? null
        const zone = 'zone' in category ? category.zone : null
        const id = `c_bench${randomBytes(8).toString('hex')}`
        let trackingNo = newTrackingNo()
        while (trackingNos.has(trackingNo)) trackingNo = newTrackingNo()
        trackingNos.add(trackingNo)
        const at = new Date(now - (count - i) * 1000)
        const ownerId = residentIds[i % residentIds.length]!
        const content = `${SENTENCES[i % SENTENCES.length]}（第${i}号）`
        caseRows.push({
          id,
          trackingNo,
          kind: 'individual',
          ownerId,
          title: content.slice(0, 24),
          content,
          category: category.code,
          zone,
          regionCode: region,
          streetCode: street,
          contactPhoneEnc: phone,
          contactPhoneMasked: maskedPhone,
          anonymous: false,
          status: statuses[i % statuses.length]!,
          registeredAt: at,
          acceptDue: new Date(at.getTime() + 15 * 86_400_000),
          updatedAt: at,
        })
        for (const a of decideDispatch(rules, { zone, category: category.code, region }).assignments) {
          assignmentRows.push({ caseId: id, unitCode: a.unit, regionCode: a.region, role: a.role, ruleId: a.ruleId, assignedAt: at })
        }
        eventRows.push(
          { caseId: id, at, actorType: 'resident', actorId: ownerId, actorLabel: '群众', action: 'submitted', toStatus: 'registered', note: null },
          { caseId: id, at, actorType: 'system', actorId: null, actorLabel: '系统', action: 'dispatched', toStatus: null, note: '按规则派发' },
        )
        caseIds.push(id)
      }
      await db.transaction(async (tx) => {
        for (const rows of chunks(caseRows, ROWS_PER_INSERT)) await tx.insert(cases).values(rows)
        for (const rows of chunks(assignmentRows, ROWS_PER_INSERT)) await tx.insert(caseAssignments).values(rows)
        for (const rows of chunks(eventRows, ROWS_PER_INSERT)) await tx.insert(caseEvents).values(rows)
      })
    }
    if (isSqlite(db)) db.connection.pragma('wal_checkpoint(TRUNCATE)')
    return { residentIds, caseIds, trackingNos: [...trackingNos] }
  } finally {
    await db.close()
  }
}
