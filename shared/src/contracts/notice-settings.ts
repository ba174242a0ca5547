import { Type, type Static } from 'typebox'
import { CLOCK_TIME_PATTERN } from '../quiet-hours'

/** What staff can be told outside the workbench, each turned on or off on its own. */
export const STAFF_NOTICE_KINDS = {
  cosign_warning: '联名预警',
  due_soon: '即将超期',
  overdue: '已超期',
} as const
export type StaffNoticeKind = keyof typeof STAFF_NOTICE_KINDS

const ClockTimeSchema = Type.String({ pattern: CLOCK_TIME_PATTERN, description: '北京时间 HH:MM' })

export const NoticeSettingsSchema = Type.Object(
  {
    cosignWarning: Type.Boolean({ description: '辖区联名预警' }),
    dueSoon: Type.Boolean({ description: '本单位办理的诉求即将超期' }),
    overdue: Type.Boolean({ description: '本单位办理的诉求已超期' }),
    quietHours: Type.Object(
      {
        enabled: Type.Boolean({ description: '免打扰期间的通知推迟到结束时发送，不会丢失' }),
        start: ClockTimeSchema,
        end: ClockTimeSchema,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)

export const NOTICE_CHANNELS = ['wechat', 'alipay', 'sms', 'none'] as const

export const NoticeSettingsViewSchema = Type.Object({
  settings: NoticeSettingsSchema,
  delivery: Type.Object({
    channel: Type.Enum(NOTICE_CHANNELS, { description: 'wechat 微信订阅消息，alipay 支付宝模板消息（均在小程序登录工作台时绑定），sms 短信，none 无法送达' }),
    label: Type.String({ description: '例如：微信订阅消息，收不到时改发短信 139****1234' }),
  }),
})

export type NoticeSettings = Static<typeof NoticeSettingsSchema>
export type NoticeSettingsView = Static<typeof NoticeSettingsViewSchema>
export type NoticeChannelKind = (typeof NOTICE_CHANNELS)[number]
