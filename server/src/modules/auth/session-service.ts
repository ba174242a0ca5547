import { createHash } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { refreshTokens } from '../../db/schema'
import { AppError } from '../../lib/app-error'
import { newId, newSecretToken } from '../../lib/ids'

type Subject = { type: 'resident' | 'staff'; id: string }

const digest = (token: string) => createHash('sha256').update(token).digest('base64url')
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Refresh tokens rotate: each is good for one use and is replaced by the next of its family.
 * Presenting a used one means it was copied, so the whole family is revoked and every device
 * holding it must sign in again (OAuth 2.0 Security BCP, refresh token rotation).
 * Only a SHA-256 of each token is stored.
 */
export function createSessionService(db: Db, ttlDays: number) {
  const insert = (subject: Subject, familyId: string, now: Date) => {
    const token = newSecretToken()
    db.insert(refreshTokens)
      .values({
        id: newId('rt'),
        familyId,
        subjectType: subject.type,
        subjectId: subject.id,
        tokenHash: digest(token),
        expiresAt: new Date(now.getTime() + ttlDays * DAY_MS),
        createdAt: now,
      })
      .run()
    return token
  }

  const byToken = (token: string) => db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, digest(token))).get()

  const revokeFamily = (familyId: string, now: Date) =>
    db.update(refreshTokens).set({ revokedAt: now }).where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt))).run()

  return {
    /** A new family, for a fresh login. */
    start(subject: Subject, now: Date): string {
      return insert(subject, newId('f'), now)
    },

    /** Trades a refresh token for the next one; answers who it belongs to. */
    rotate(token: string, now: Date): { subject: Subject; refreshToken: string } {
      type Outcome = { error: 'REFRESH_TOKEN_INVALID' | 'REFRESH_TOKEN_REUSED' } | { subject: Subject; refreshToken: string }
      const outcome = db.transaction((): Outcome => {
        const row = byToken(token)
        if (!row) return { error: 'REFRESH_TOKEN_INVALID' }
        if (row.usedAt || row.revokedAt) {
          revokeFamily(row.familyId, now)
          return { error: row.revokedAt && !row.usedAt ? 'REFRESH_TOKEN_INVALID' : 'REFRESH_TOKEN_REUSED' }
        }
        if (row.expiresAt.getTime() <= now.getTime()) return { error: 'REFRESH_TOKEN_INVALID' }
        db.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, row.id)).run()
        const subject = { type: row.subjectType, id: row.subjectId }
        return { subject, refreshToken: insert(subject, row.familyId, now) }
      })
      // the revocation above is committed before the error is raised
      if ('error' in outcome) throw new AppError(outcome.error)
      return outcome
    },

    /** Logout: the presented token's whole family stops working. Unknown tokens are ignored. */
    end(token: string, now: Date): void {
      const row = byToken(token)
      if (row) revokeFamily(row.familyId, now)
    },
  }
}

export type SessionService = ReturnType<typeof createSessionService>
