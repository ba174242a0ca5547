import type { MockPlatform } from './mock-platform'
import { redactSecrets } from './redaction'

export interface JournalEntry {
  platform: MockPlatform
  method: string
  path: string
  query: unknown
  body: unknown
  receivedAt: string
  /** Filled in once the answer has gone out; absent while a stalled request waits. */
  status?: number
}

// A mock left running for a day of manual testing should not grow without bound.
const MAX_ENTRIES = 1000

/** Every request the platform mocks received, so tests can assert what an adapter sent. */
export class CallJournal {
  #entries: JournalEntry[] = []

  record(entry: JournalEntry): JournalEntry {
    const recorded: JournalEntry = { ...entry, query: redactSecrets(entry.query), body: redactSecrets(entry.body) }
    this.#entries.push(recorded)
    if (this.#entries.length > MAX_ENTRIES) this.#entries.shift()
    return recorded
  }

  list(platform?: MockPlatform): JournalEntry[] {
    return platform === undefined ? [...this.#entries] : this.#entries.filter((entry) => entry.platform === platform)
  }

  clear(): void {
    this.#entries = []
  }
}
