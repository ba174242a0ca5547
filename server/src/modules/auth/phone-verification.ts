import type { PhoneVerificationBody } from '@xinfang/shared/contracts/auth'
import { IntegrationError } from '../../integrations/http-client'
import type { VerifiedPhone } from '../../integrations/verified-phone'
import { AppError } from '../../lib/app-error'
import type { Clock } from '../../lib/clock'
import type { Platforms } from '../../plugins/platforms'
import type { ResidentRepository, ResidentRow } from './resident-repository'

interface Deps {
  residents: ResidentRepository
  phones: Platforms['phones']
  clock: Clock
}

const PLATFORM_NAMES = { wechat: '微信', alipay: '支付宝' } as const

/**
 * A resident proves their phone number through the platform they signed in with: the number
 * then comes from WeChat or Alipay, not from what someone typed, and offices can rely on it.
 */
export function createPhoneVerification({ residents, phones, clock }: Deps) {
  async function fromPlatform(body: PhoneVerificationBody): Promise<VerifiedPhone> {
    try {
      return body.platform === 'wechat' ? await phones.wechat(body.code) : await phones.alipay({ response: body.response, sign: body.sign })
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error
      // a bad, spent or forged grant is the resident's to redo; anything else is ours to apologise for
      if (error.kind === 'rejected') throw new AppError('PHONE_CODE_INVALID')
      throw new AppError('PLATFORM_UNAVAILABLE', `${PLATFORM_NAMES[body.platform]}手机号验证暂时不可用，请稍后再试`)
    }
  }

  return {
    async verify(residentId: string, body: PhoneVerificationBody): Promise<ResidentRow> {
      const resident = await residents.findById(residentId)
      if (!resident) throw new AppError('TOKEN_INVALID')
      // a grant from another app would vouch for a number, but not that it is this resident's
      if (resident.platform !== body.platform) throw new AppError('PHONE_PLATFORM_MISMATCH')
      const { phone } = await fromPlatform(body)
      const updated = await residents.setVerifiedPhone(resident.id, phone, clock.now())
      if (!updated) throw new AppError('TOKEN_INVALID')
      return updated
    },
  }
}
