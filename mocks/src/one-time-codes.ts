import { parseDevCode } from './dev-identities'

export type CodeRedemption =
  | { status: 'valid'; name: string }
  | { status: 'used' }
  | { status: 'unknown' }

/**
 * The login codes (or tickets) one platform has handed out. A real code is
 * good for exactly one exchange; replaying it must fail the way the platform
 * fails, which is what `issue` exists to let tests provoke.
 */
export class OneTimeCodes {
  readonly #newCode: () => string
  readonly #issued = new Map<string, string>()
  readonly #used = new Set<string>()

  constructor(newCode: () => string) {
    this.#newCode = newCode
  }

  /** A fresh single-use code standing for the user `name`, as the phone would get it. */
  issue(name: string): string {
    const code = this.#newCode()
    this.#issued.set(code, name)
    return code
  }

  redeem(code: string): CodeRedemption {
    // Development convenience: `dev:` codes stay valid forever, so a developer can
    // log in as "alice" again and again without a phone. Real codes never do.
    const devName = parseDevCode(code)
    if (devName !== null) return { status: 'valid', name: devName }

    const name = this.#issued.get(code)
    if (name !== undefined) {
      this.#issued.delete(code)
      this.#used.add(code)
      return { status: 'valid', name }
    }
    return this.#used.has(code) ? { status: 'used' } : { status: 'unknown' }
  }
}
