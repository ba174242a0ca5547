export const MOCK_PLATFORMS = ['wechat', 'alipay', 'cityapp', 'sms', 'llm', 's3', 'heating'] as const

export type MockPlatform = (typeof MOCK_PLATFORMS)[number]
