import type { FastifyBaseLogger } from 'fastify'
import type { AuthResult, LoginPlatform, StaffLoginBody } from '@xinfang/shared/contracts/auth'
import { AppError } from '../../lib/app-error'
import { hashPassword, verifyPassword } from '../../lib/passwords'
import type { Clock } from '../../lib/clock'
import { IntegrationError } from '../../integrations/http-client'
import type { Platforms } from '../../plugins/platforms'
import type { Actor } from '../../plugins/auth'
import type { ResidentRepository, ResidentRow, VerifiedIdentity } from './resident-repository'
import type { SessionService } from './session-service'
import type { StaffRepository, StaffRow } from './staff-repository'
import { residentUser, staffUser, type UserViews } from './user-views'

interface Deps {
  residents: ResidentRepository
  staff: StaffRepository
  sessions: SessionService
  platforms: Platforms
  views: UserViews
  signAccessToken: (actor: Actor) => string
  accessTokenTtlSec: number
  clock: Clock
  log: Pick<FastifyBaseLogger, 'warn'>
}

const PLATFORM_NAMES: Record<LoginPlatform, string> = { wechat: '微信', alipay: '支付宝', cityapp: '城市App' }

/** An outside platform's "no" is the resident's bad code; its silence is ours to apologise for. */
async function fromPlatform<T>(platform: LoginPlatform, call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error
    if (error.kind === 'rejected') throw new AppError('LOGIN_CODE_INVALID')
    throw new AppError('PLATFORM_UNAVAILABLE', `${PLATFORM_NAMES[platform]}登录服务暂时不可用，请稍后再试`)
  }
}

export async function createAuthService(deps: Deps) {
  const { residents, staff, sessions, platforms, views, clock } = deps
  // Unknown usernames still pay for one argon2 verification, so timing does not reveal them.
  const decoyHash = hashPassword('decoy-password-never-matches')

  const session = async (actor: Actor, user: AuthResult['user'], refreshToken?: string): Promise<AuthResult> => ({
    token: deps.signAccessToken(actor),
    refreshToken: refreshToken ?? await sessions.start(actor, clock.now()),
    expiresIn: deps.accessTokenTtlSec,
    user,
  })
  const residentSession = (row: ResidentRow, refreshToken?: string) =>
    session({ type: 'resident', id: row.id }, residentUser(row, views), refreshToken)
  const staffSession = (row: StaffRow, refreshToken?: string) => session(staffActor(row), staffUser(row), refreshToken)

  const login = async (platform: LoginPlatform, uid: string, identity?: VerifiedIdentity) =>
    residentSession(await residents.upsertByPlatform(platform, uid, clock.now(), identity))

  /**
   * The mini-program's login code exchanged as a resident's is, so work notices reach this
   * person there. Best effort: a platform that is down or refuses the code costs the sign-in
   * nothing, the notices then go by SMS.
   */
  async function bindNoticeIdentity(staffId: string, { platform, code }: NonNullable<StaffLoginBody['miniProgram']>): Promise<void> {
    try {
      const uid =
        platform === 'wechat' ? (await platforms.wechat.code2Session(code)).openId : await platforms.alipay.exchangeAuthCode(code).then(({ userId, openId }) => openId ?? userId)
      await staff.bindNoticeIdentity(staffId, platform, uid)
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error
      deps.log.warn({ staffId, platform, error: error.message }, 'staff login code not exchanged; work notices go by SMS')
    }
  }

  return {
    async loginWithWechat(code: string) {
      const { openId } = await fromPlatform('wechat', () => platforms.wechat.code2Session(code))
      return login('wechat', openId)
    },

    async loginWithAlipay(authCode: string) {
      const { userId, openId } = await fromPlatform('alipay', () => platforms.alipay.exchangeAuthCode(authCode))
      return login('alipay', openId ?? userId)
    },

    async loginWithCityApp(ticket: string) {
      const person = await fromPlatform('cityapp', () => platforms.cityapp.exchangeTicket(ticket))
      return login('cityapp', person.subject, person.verified ? person : undefined)
    },

    async loginStaff({ username, password, miniProgram }: StaffLoginBody) {
      const row = await staff.findByUsername(username)
      const valid = await verifyPassword(row?.passwordHash ?? (await decoyHash), password)
      if (!row || !valid || !row.active) throw new AppError('LOGIN_FAILED')
      if (miniProgram) await bindNoticeIdentity(row.id, miniProgram)
      return staffSession(row)
    },

    async refresh(refreshToken: string): Promise<AuthResult> {
      const { subject, refreshToken: next } = await sessions.rotate(refreshToken, clock.now())
      if (subject.type === 'resident') {
        const row = await residents.findById(subject.id)
        if (!row) throw new AppError('REFRESH_TOKEN_INVALID')
        return residentSession(row, next)
      }
      const row = await staff.findById(subject.id)
      if (!row?.active) throw new AppError('REFRESH_TOKEN_INVALID')
      return staffSession(row, next)
    },

    async logout(refreshToken: string) {
      await sessions.end(refreshToken, clock.now())
    },
  }
}

export const staffActor = (row: StaffRow): Actor => ({
  type: 'staff',
  id: row.id,
  role: row.role as Extract<Actor, { type: 'staff' }>['role'],
  unit: row.unitCode,
  region: row.regionCode,
})
