export const MOCK_PLATFORMS = ['wechat', 'alipay', 'cityapp', 'sms', 'llm'] as const

export type MockPlatform = (typeof MOCK_PLATFORMS)[number]
