import type { NoticeSettings, NoticeSettingsView } from '@xinfang/shared/contracts/notice-settings'
import { maskPhone } from '@xinfang/shared/masking'
import { isQuietWindow } from '@xinfang/shared/quiet-hours'
import { AppError } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import type { PiiCipher } from '../../lib/pii'
import type { StaffRepository, StaffRow } from '../auth/staff-repository'
import type { StaffNoticeRepository } from './staff-notice-repository'

interface Deps {
  notices: StaffNoticeRepository
  staff: StaffRepository
  pii: PiiCipher
  clock: Clock
}

const PLATFORM_LABELS = { wechat: '微信订阅消息', alipay: '支付宝消息' } as const

/** Where this person's notices go, in the words the settings block shows. */
function deliveryOf(row: StaffRow, pii: PiiCipher): NoticeSettingsView['delivery'] {
  const phone = row.phoneEnc ? maskPhone(pii.decrypt(row.phoneEnc)) : null
  if (row.noticePlatform) {
    return { channel: row.noticePlatform, label: phone ? `${PLATFORM_LABELS[row.noticePlatform]}，收不到时改发短信到 ${phone}` : PLATFORM_LABELS[row.noticePlatform] }
  }
  if (phone) return { channel: 'sms', label: `短信到 ${phone}（在微信或支付宝小程序里登录工作台，可改收小程序消息）` }
  return { channel: 'none', label: '没有绑定小程序，也没有登记手机号：请在小程序里登录工作台，或请管理员登记手机号' }
}

/** A staff member's own notice settings: read, and replaced as a whole. */
export function createNoticeSettings({ notices, staff, pii, clock }: Deps) {
  const view = async (staffId: string): Promise<NoticeSettingsView> => {
    const row = await staff.findById(staffId)
    if (!row) throw new AppError('TOKEN_INVALID')
    return { settings: await notices.settings(staffId), delivery: deliveryOf(row, pii) }
  }
  return {
    get: view,
    async put(staffId: string, settings: NoticeSettings): Promise<NoticeSettingsView> {
      if (!isQuietWindow(settings.quietHours)) throw new AppError('QUIET_HOURS_INVALID', undefined, [{ field: 'quietHours', reason: 'start equals end' }])
      await notices.saveSettings(staffId, settings, clock.now())
      return view(staffId)
    },
  }
}
