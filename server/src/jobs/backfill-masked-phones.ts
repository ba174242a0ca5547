import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm'
import { maskPhone } from '@xinfang/shared/masking'
import type { Database } from '../db/database'
import type { PiiCipher } from '../lib/pii'

const BATCH = 500

/**
 * Gives every case written before contact_phone_masked existed its masked copy, in batches of
 * BATCH, each its own short transaction so requests run between them. Run at start; a node
 * starting beside another does the same rows to the same values, so two at once are harmless.
 * The condition is the partial index's, so once all are done a start finds nothing at once.
 * Answers how many rows it filled.
 */
export async function backfillMaskedPhones(db: Database, pii: PiiCipher): Promise<number> {
  const { cases } = db.tables
  let filled = 0
  for (let after = ''; ; ) {
    const rows = await db.q
      .select({ id: cases.id, phone: cases.contactPhoneEnc })
      .from(cases)
      .where(and(isNotNull(cases.contactPhoneEnc), isNull(cases.contactPhoneMasked), gt(cases.id, after)))
      .orderBy(asc(cases.id))
      .limit(BATCH)
    if (rows.length === 0) return filled
    await db.transaction(async (tx) => {
      for (const row of rows) {
        // only a row still without one: a submission meanwhile wrote its own
        await tx.update(cases).set({ contactPhoneMasked: maskPhone(pii.decrypt(row.phone!)) }).where(and(eq(cases.id, row.id), isNull(cases.contactPhoneMasked)))
      }
    })
    filled += rows.length
    after = rows[rows.length - 1]!.id
  }
}
