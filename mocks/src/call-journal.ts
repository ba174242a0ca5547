import { createHash } from 'node:crypto'
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

/** Bytes (an object stored in S3) are kept as their size and hash: tests compare those, and the journal stays small. */
function journaledBody(body: unknown): unknown {
  return Buffer.isBuffer(body) ? { bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') } : redactSecrets(body)
}

// A mock left running for a day of manual testing should not grow without bound.
const MAX_ENTRIES = 1000

/** Every request the platform mocks received, so tests can assert what an adapter sent. */
export class CallJournal {
  #entries: JournalEntry[] = []

  record(entry: JournalEntry): JournalEntry {
    const recorded: JournalEntry = { ...entry, query: redactSecrets(entry.query), body: journaledBody(entry.body) }
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
