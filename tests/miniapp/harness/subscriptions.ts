/**
 * Whether a platform call happens inside the user's tap: true only while a tap's handlers run
 * synchronously. WeChat opens its subscription dialog only there (since base library 2.8.2); a
 * call after the tap's handler has returned, e.g. after waiting for a request, is refused.
 */
export class UserGesture {
  inTap = false
}

/**
 * The user's side of the message-subscription dialog. `answer`: what they pick for every
 * template of the next dialog; `switched_off`: WeChat's own switch for this mini-program's
 * messages (设置 → 订阅消息) is off, so no dialog opens. Each accept is one allowance (a
 * one-time subscription lets one message through), counted per template in `allowed`.
 */
export class Subscriptions {
  answer: 'accept' | 'reject' | 'switched_off' = 'accept'
  readonly allowed = new Map<string, number>()

  /** The dialog closed with `answer` for each id: the accepted ones counted. */
  decide(ids: string[]): 'accept' | 'reject' {
    const choice = this.answer === 'accept' ? 'accept' : 'reject'
    if (choice === 'accept') for (const id of ids) this.allowed.set(id, (this.allowed.get(id) ?? 0) + 1)
    return choice
  }
}
