import { randomBytes } from 'node:crypto'
import { CATEGORIES } from '@xinfang/shared/categories'
import { REGIONS } from '@xinfang/shared/catalog'
import { streetsOf } from '@xinfang/shared/places'
import { openDatabase } from '@xinfang/server/db/client'
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

/**
 * Writes `count` realistic cases straight into a database file (through the committed
 * migrations), dispatched by the real rules, each with its two opening timeline entries;
 * in batches of 10,000 per transaction so a million takes about a minute, not an hour.
 */
export function generateCases(file: string, count: number, pii: { key: Buffer; hashKey: string }, residentsCount = Math.max(1, Math.floor(count / 10))): GeneratedData {
  const { db, sqlite } = openDatabase({ file, synchronous: 'NORMAL' })
  try {
    ensureReferenceData(db)
    const cipher = createPiiCipher(pii.key, pii.hashKey)
    const rules = createRuleRepository(db).active()
    const insertResident = sqlite.prepare('insert into residents (id, platform, platform_uid, verified, created_at, last_login_at) values (?, ?, ?, 0, ?, ?)')
    const insertCase = sqlite.prepare(
      `insert into cases (id, tracking_no, kind, owner_id, title, content, category, zone, region_code, street_code, contact_phone_enc, anonymous, status, registered_at, accept_due, updated_at)
       values (?, ?, 'individual', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    )
    const insertAssignment = sqlite.prepare('insert into case_assignments (case_id, unit_code, region_code, role, rule_id, assigned_at) values (?, ?, ?, ?, ?, ?)')
    const insertEvent = sqlite.prepare('insert into case_events (case_id, at, actor_type, actor_id, actor_label, action, from_status, to_status, note) values (?, ?, ?, ?, ?, ?, null, ?, ?)')

    const now = Date.now()
    const residentIds = Array.from({ length: residentsCount }, (_, i) => `r_bench${String(i).padStart(8, '0')}`)
    sqlite.transaction(() => {
      for (const id of residentIds) insertResident.run(id, 'wechat', `bench-${id}`, now, now)
    })()

    const caseIds: string[] = []
    const trackingNos = new Set<string>()
    const phone = cipher.encrypt('13800000000')
    const statuses = ['registered', 'accepted', 'accepted', 'replied', 'closed', 'closed']
    for (let start = 0; start < count; start += 10_000) {
      sqlite.transaction(() => {
        for (let i = start; i < Math.min(count, start + 10_000); i++) {
          const category = CATEGORIES[i % CATEGORIES.length]!
          const region = REGIONS[i % REGIONS.length]!.code
          const street = streetsOf(region)[i % 3]?.code ?? null
          const zone = 'zone' in category ? category.zone : null
          const id = `c_bench${randomBytes(8).toString('hex')}`
          let trackingNo = newTrackingNo()
          while (trackingNos.has(trackingNo)) trackingNo = newTrackingNo()
          trackingNos.add(trackingNo)
          const at = now - (count - i) * 1000
          const status = statuses[i % statuses.length]!
          const content = `${SENTENCES[i % SENTENCES.length]}（第${i}号）`
          insertCase.run(id, trackingNo, residentIds[i % residentIds.length], content.slice(0, 24), content, category.code, zone, region, street, phone, status, at, at + 15 * 86_400_000, at)
          for (const a of decideDispatch(rules, { zone, category: category.code, region }).assignments) insertAssignment.run(id, a.unit, a.region, a.role, a.ruleId, at)
          insertEvent.run(id, at, 'resident', residentIds[i % residentIds.length], '群众', 'submitted', 'registered', null)
          insertEvent.run(id, at, 'system', null, '系统', 'dispatched', null, '按规则派发')
          caseIds.push(id)
        }
      })()
    }
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return { residentIds, caseIds, trackingNos: [...trackingNos] }
  } finally {
    sqlite.close()
  }
}
