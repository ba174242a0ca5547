export const MOCK_PLATFORMS = ['wechat', 'alipay', 'cityapp'] as const

export type MockPlatform = (typeof MOCK_PLATFORMS)[number]

export function isMockPlatform(value: unknown): value is MockPlatform {
  return MOCK_PLATFORMS.includes(value as MockPlatform)
}
