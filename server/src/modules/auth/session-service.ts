import { createHash } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { Database, Q } from '../../db/database'
import { AppError } from '../../lib/app-error'
import { newId, newSecretToken } from '../../lib/ids'

type Subject = { type: 'resident' | 'staff'; id: string }

const digest = (token: string) => createHash('sha256').update(token).digest('base64url')
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Refresh tokens rotate: each is good for one use and is replaced by the next of its family.
 * Presenting a used one means it was copied, so the whole family is revoked and every device
 * holding it must sign in again (OAuth 2.0 Security BCP, refresh token rotation).
 * Only a SHA-256 of each token is stored, in the database every API node shares.
 */
export function createSessionService(db: Database, ttlDays: number) {
  const { refreshTokens } = db.tables
  const insert = async (q: Q, subject: Subject, familyId: string, now: Date) => {
    const token = newSecretToken()
    await q.insert(refreshTokens).values({
      id: newId('rt'),
      familyId,
      subjectType: subject.type,
      subjectId: subject.id,
      tokenHash: digest(token),
      expiresAt: new Date(now.getTime() + ttlDays * DAY_MS),
      createdAt: now,
    })
    return token
  }

  const byToken = async (q: Q, token: string) => (await q.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, digest(token))))[0]

  const revokeFamily = (q: Q, familyId: string, now: Date) =>
    q.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))

  return {
    /** A new family, for a fresh login. */
    start(subject: Subject, now: Date): Promise<string> {
      return insert(db.q, subject, newId('f'), now)
    },

    /** Trades a refresh token for the next one; answers who it belongs to. */
    async rotate(token: string, now: Date): Promise<{ subject: Subject; refreshToken: string }> {
      type Outcome = { error: 'REFRESH_TOKEN_INVALID' | 'REFRESH_TOKEN_REUSED' } | { subject: Subject; refreshToken: string }
      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const row = await byToken(tx, token)
        if (!row) return { error: 'REFRESH_TOKEN_INVALID' }
        const reused = async (): Promise<Outcome> => {
          await revokeFamily(tx, row.familyId, now)
          return { error: row.revokedAt && !row.usedAt ? 'REFRESH_TOKEN_INVALID' : 'REFRESH_TOKEN_REUSED' }
        }
        if (row.usedAt || row.revokedAt) return reused()
        if (row.expiresAt.getTime() <= now.getTime()) return { error: 'REFRESH_TOKEN_INVALID' }
        // Two nodes may read the same unused token at once; only one update finds it unused still.
        const marked = await tx
          .update(refreshTokens)
          .set({ usedAt: now })
          .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.usedAt), isNull(refreshTokens.revokedAt)))
          .returning({ id: refreshTokens.id })
        if (marked.length === 0) return reused()
        const subject = { type: row.subjectType, id: row.subjectId }
        return { subject, refreshToken: await insert(tx, subject, row.familyId, now) }
      })
      // the revocation above is committed before the error is raised
      if ('error' in outcome) throw new AppError(outcome.error)
      return outcome
    },

    /** Logout: the presented token's whole family stops working. Unknown tokens are ignored. */
    async end(token: string, now: Date): Promise<void> {
      const row = await byToken(db.q, token)
      if (row) await revokeFamily(db.q, row.familyId, now)
    },
  }
}

export type SessionService = ReturnType<typeof createSessionService>
