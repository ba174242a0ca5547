import type { ResidentUser, StaffUser } from '@xinfang/shared/contracts/auth'
import type { Role } from '@xinfang/shared/case-status'
import { isUnitCode, unitName } from '@xinfang/shared/catalog'
import { maskName } from '@xinfang/shared/masking'
import { placeName } from '@xinfang/shared/places'
import type { ResidentRow } from './resident-repository'
import type { StaffRow } from './staff-repository'

export interface UserViews {
  decrypt(stored: string): string
}

const PLATFORM_DEFAULT_NAMES = { wechat: '微信用户', alipay: '支付宝用户', cityapp: '市民' } as const

/** What a resident sees of themself: their name masked, as on every other screen. */
export function residentUser(row: ResidentRow, views: UserViews): ResidentUser {
  return {
    kind: 'resident',
    id: row.id,
    platform: row.platform,
    displayName: row.nameEnc ? maskName(views.decrypt(row.nameEnc)) : PLATFORM_DEFAULT_NAMES[row.platform],
    verified: row.verified,
    // a real-name identity from the city app comes with the phone number it verified
    phoneVerified: row.phoneVerifiedAt !== null || row.verified,
  }
}

export function staffUser(row: StaffRow): StaffUser {
  return {
    kind: 'staff',
    id: row.id,
    username: row.username,
    displayName: row.name,
    role: row.role as Role,
    unit: row.unitCode,
    unitName: isUnitCode(row.unitCode) ? unitName(row.unitCode) : row.unitCode,
    region: row.regionCode,
    regionName: placeName(row.regionCode) ?? row.regionCode,
  }
}
