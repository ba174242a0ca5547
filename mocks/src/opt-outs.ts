export type OptOutPlatform = 'wechat' | 'alipay' | 'cityapp'

/**
 * Users who will not take our messages: on WeChat they never tapped "allow" on the
 * subscription prompt, on Alipay they never subscribed to the template, in the city app
 * they turned notifications off. Each platform refuses them in its own words; tests
 * put a user here to watch the API fall back to SMS.
 */
export class OptOuts {
  readonly #users = new Map<OptOutPlatform, Set<string>>()

  add(platform: OptOutPlatform, userId: string): void {
    const users = this.#users.get(platform) ?? new Set<string>()
    users.add(userId)
    this.#users.set(platform, users)
  }

  has(platform: OptOutPlatform, userId: string): boolean {
    return this.#users.get(platform)?.has(userId) === true
  }

  clear(): void {
    this.#users.clear()
  }
}
