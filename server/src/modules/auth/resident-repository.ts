import { eq, sql } from 'drizzle-orm'
import type { LoginPlatform } from '@xinfang/shared/contracts/auth'
import type { Db } from '../../db/client'
import { residents } from '../../db/schema'
import { newId } from '../../lib/ids'
import type { PiiCipher } from '../../lib/pii'

export type ResidentRow = typeof residents.$inferSelect

export interface VerifiedIdentity {
  name: string
  phone: string
  idNumber: string
}

export function createResidentRepository(db: Db, pii: PiiCipher) {
  const byId = db.select().from(residents).where(eq(residents.id, sql.placeholder('id'))).prepare()
  return {
    findById(id: string): ResidentRow | null {
      return byId.get({ id }) ?? null
    },

    /**
     * The resident behind a platform identity, created on first login. A real-name identity
     * (from the city app) refreshes the stored, encrypted personal data on every login.
     */
    upsertByPlatform(platform: LoginPlatform, platformUid: string, now: Date, identity?: VerifiedIdentity): ResidentRow {
      const personal = identity
        ? {
            nameEnc: pii.encrypt(identity.name),
            phoneEnc: pii.encrypt(identity.phone),
            phoneHash: pii.hash(identity.phone),
            idNumberEnc: pii.encrypt(identity.idNumber),
            idNumberHash: pii.hash(identity.idNumber),
            verified: true,
          }
        : {}
      return db
        .insert(residents)
        .values({ id: newId('r'), platform, platformUid, createdAt: now, lastLoginAt: now, ...personal })
        .onConflictDoUpdate({ target: [residents.platform, residents.platformUid], set: { lastLoginAt: now, ...personal } })
        .returning()
        .get()
    },

    /** Keeps a number the resident's platform vouched for, encrypted; null if there is no such resident. */
    setVerifiedPhone(id: string, phone: string, now: Date): ResidentRow | null {
      const row = db
        .update(residents)
        .set({ phoneEnc: pii.encrypt(phone), phoneHash: pii.hash(phone), phoneVerifiedAt: now })
        .where(eq(residents.id, id))
        .returning()
        .get()
      return row ?? null
    },
  }
}

export type ResidentRepository = ReturnType<typeof createResidentRepository>
