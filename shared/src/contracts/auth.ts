import { Type, type Static } from 'typebox'
import { ROLES } from '../case-status'
import { PASSWORD_MAX, USERNAME_MAX } from '../limits'
import { IdSchema } from './common'

const CredentialSchema = Type.String({ minLength: 1, maxLength: 256 })

export const WechatLoginBodySchema = Type.Object({ code: CredentialSchema }, { additionalProperties: false })
export const AlipayLoginBodySchema = Type.Object({ authCode: CredentialSchema }, { additionalProperties: false })
export const CityAppLoginBodySchema = Type.Object({ ticket: CredentialSchema }, { additionalProperties: false })
export const StaffLoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: USERNAME_MAX }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
    miniProgram: Type.Optional(
      Type.Object(
        {
          platform: Type.Enum(['wechat', 'alipay']),
          code: CredentialSchema,
        },
        { additionalProperties: false, description: '在微信或支付宝小程序里登录时，wx.login 的 code 或 my.getAuthCode 的 authCode：绑定后工作提醒经订阅消息送达' },
      ),
    ),
  },
  { additionalProperties: false },
)
export const RefreshBodySchema = Type.Object(
  { refreshToken: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
)

/**
 * A phone number from the mini-program's phone-number button: WeChat's one-time `code`, or the
 * `response` and `sign` fields of the JSON text my.getPhoneNumber gives an Alipay mini-program.
 */
export const PhoneVerificationBodySchema = Type.Union([
  Type.Object({ platform: Type.Literal('wechat'), code: CredentialSchema }, { additionalProperties: false }),
  Type.Object(
    {
      platform: Type.Literal('alipay'),
      response: Type.String({ minLength: 1, maxLength: 1024, description: '密文（base64）' }),
      sign: Type.String({ minLength: 1, maxLength: 1024, description: '支付宝对密文的签名' }),
    },
    { additionalProperties: false },
  ),
])

export const LOGIN_PLATFORMS = ['wechat', 'alipay', 'cityapp'] as const
export type LoginPlatform = (typeof LOGIN_PLATFORMS)[number]

export const ResidentUserSchema = Type.Object({
  kind: Type.Literal('resident'),
  id: IdSchema,
  platform: Type.Enum(LOGIN_PLATFORMS),
  displayName: Type.String({ description: '已脱敏的姓名，或平台昵称' }),
  verified: Type.Boolean({ description: '是否已实名认证' }),
  phoneVerified: Type.Boolean({ description: '手机号是否经平台验证（微信或支付宝授权，或已实名认证）' }),
})

export const StaffUserSchema = Type.Object({
  kind: Type.Literal('staff'),
  id: IdSchema,
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(ROLES),
  unit: Type.String(),
  unitName: Type.String(),
  region: Type.String({ description: '辖区代码，city 为全市' }),
  regionName: Type.String(),
})

export const SessionUserSchema = Type.Union([ResidentUserSchema, StaffUserSchema])

export const AuthResultSchema = Type.Object({
  token: Type.String({ description: '访问令牌，15分钟有效' }),
  refreshToken: Type.String({ description: '刷新令牌，每次使用后轮换' }),
  expiresIn: Type.Integer({ description: '访问令牌有效秒数' }),
  user: SessionUserSchema,
})

export type ResidentUser = Static<typeof ResidentUserSchema>
export type StaffUser = Static<typeof StaffUserSchema>
export type SessionUser = Static<typeof SessionUserSchema>
export type AuthResult = Static<typeof AuthResultSchema>
export type PhoneVerificationBody = Static<typeof PhoneVerificationBodySchema>
export type StaffLoginBody = Static<typeof StaffLoginBodySchema>
