import { createHash } from 'node:crypto'
import { REGIONS, UNITS } from '@xinfang/shared/catalog'
import type { Role } from '@xinfang/shared/case-status'
import { counterpartAt } from '@xinfang/shared/counterparts'
import { CITY, PLACES } from '@xinfang/shared/places'
import { newId } from '../lib/ids'
import { hashPassword } from '../lib/passwords'
import type { PiiCipher } from '../lib/pii'
import type { Database, Q } from './database'

export interface DemoAccount {
  username: string
  role: Role
  unit: string
  region: string
}

/** The demo street office: 金水区花园路街道, the catalog's own example. */
export const DEMO_STREET = 'jinshui.huayuanlu'

/** Streets with communities and grids in the seed: one per district. */
export const demoStreets = (): string[] => [...new Set(PLACES.filter((p) => p.level === 'community').map((p) => p.parent!))]

/** A demo street's grid member works the first grid of its first community. */
export const demoGridOf = (street: string): string => PLACES.find((p) => p.level === 'grid' && p.code.startsWith(`${street}.`))!.code

/** Every demo staff account; the README lists the same. */
export function demoAccounts(): DemoAccount[] {
  return [
    { username: 'city.office', role: 'office', unit: 'petition', region: CITY },
    { username: 'city.supervisor', role: 'supervisor', unit: 'petition', region: CITY },
    { username: 'city.leader', role: 'leader', unit: 'petition', region: CITY },
    { username: 'city.admin', role: 'admin', unit: 'petition', region: CITY },
    ...REGIONS.map((r) => ({ username: `${r.code}.office`, role: 'office' as const, unit: 'petition', region: r.code })),
    ...demoStreets().flatMap((street) => [
      { username: `${street}.office`, role: 'office' as const, unit: 'petition', region: street },
      { username: `${street}.grid`, role: 'grid' as const, unit: 'petition', region: demoGridOf(street) },
    ]),
    ...UNITS.map((u) => ({ username: `${u.code}.handler`, role: 'handler' as const, unit: u.code, region: CITY })),
    // each unit's counterpart in each district and county that has one (jinshui.urban.handler: 金水区城市管理局)
    ...REGIONS.flatMap((r) =>
      UNITS.filter((u) => u.code !== 'petition' && counterpartAt(u.code, r.code)).map((u) => ({ username: `${r.code}.${u.code}.handler`, role: 'handler' as const, unit: u.code, region: r.code })),
    ),
  ]
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗'
const GIVEN = ['建国', '秀兰', '志强', '丽娜', '海涛', '静', '伟', '敏', '磊', '晓燕', '军', '红霞', '鹏', '玉梅', '超']

/** Stable, realistic-looking names and office phones, so demos and screenshots do not churn. */
function demoPerson(username: string) {
  const h = createHash('sha256').update(username).digest()
  return {
    name: `${SURNAMES[h[0]! % SURNAMES.length]}${GIVEN[h[1]! % GIVEN.length]}`,
    phone: `1390371${String(h.readUInt16BE(2) % 10000).padStart(4, '0')}`,
  }
}

/**
 * Demo staff accounts, all with the demo password. Refused in production; adds only the
 * accounts that are missing, so it can run on every start.
 */
export async function seedDemo(db: Database, pii: PiiCipher, options: { password: string; env: string; now: Date }): Promise<number> {
  if (options.env === 'production') throw new Error('demo data is refused when NODE_ENV=production')
  const { staff } = db.tables
  const missingIn = async (q: Q) => {
    const existing = new Set((await q.select({ username: staff.username }).from(staff)).map((s) => s.username))
    return demoAccounts().filter((a) => !existing.has(a.username))
  }
  if ((await missingIn(db.q)).length === 0) return 0
  // one hash for all: they share the demo password anyway, and argon2 is slow on purpose (so it is done before the lock)
  const passwordHash = await hashPassword(options.password)
  return db.transaction(async (tx) => {
    // nodes starting together take turns: the second adds what the first did not
    await db.lockKey(tx, 'bootstrap:demo-accounts')
    const missing = await missingIn(tx)
    if (missing.length === 0) return 0
    await tx.insert(staff).values(
      missing.map((a) => {
        const person = demoPerson(a.username)
        return { id: newId('s'), username: a.username, passwordHash, name: person.name, phoneEnc: pii.encrypt(person.phone), role: a.role, unitCode: a.unit, regionCode: a.region, createdAt: options.now }
      }),
    )
    return missing.length
  })
}
