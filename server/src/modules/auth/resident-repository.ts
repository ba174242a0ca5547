import { eq } from 'drizzle-orm'
import type { LoginPlatform } from '@xinfang/shared/contracts/auth'
import type { Database, Q } from '../../db/database'
import type { Tables } from '../../db/schema/definition'
import { newId } from '../../lib/ids'
import type { PiiCipher } from '../../lib/pii'

export type ResidentRow = Tables['residents']['$inferSelect']

export interface VerifiedIdentity {
  name: string
  phone: string
  idNumber: string
}

export function createResidentRepository(db: Database, pii: PiiCipher, q: Q = db.q) {
  const { residents } = db.tables
  return {
    async findById(id: string): Promise<ResidentRow | null> {
      return (await q.select().from(residents).where(eq(residents.id, id)))[0] ?? null
    },

    /**
     * The resident behind a platform identity, created on first login. A real-name identity
     * (from the city app) refreshes the stored, encrypted personal data on every login.
     */
    async upsertByPlatform(platform: LoginPlatform, platformUid: string, now: Date, identity?: VerifiedIdentity): Promise<ResidentRow> {
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
      const [row] = await q
        .insert(residents)
        .values({ id: newId('r'), platform, platformUid, createdAt: now, lastLoginAt: now, ...personal })
        .onConflictDoUpdate({ target: [residents.platform, residents.platformUid], set: { lastLoginAt: now, ...personal } })
        .returning()
      return row!
    },

    /** Keeps a number the resident's platform vouched for, encrypted; null if there is no such resident. */
    async setVerifiedPhone(id: string, phone: string, now: Date): Promise<ResidentRow | null> {
      const [row] = await q
        .update(residents)
        .set({ phoneEnc: pii.encrypt(phone), phoneHash: pii.hash(phone), phoneVerifiedAt: now })
        .where(eq(residents.id, id))
        .returning()
      return row ?? null
    },
  }
}

export type ResidentRepository = ReturnType<typeof createResidentRepository>
