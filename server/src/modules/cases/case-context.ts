import type { Db } from '../../db/client'
import type { Clock } from '../../lib/clock'
import type { PiiCipher } from '../../lib/pii'
import type { StaffRepository } from '../auth/staff-repository'
import type { RuleRepository } from '../dispatch/rule-repository'
import type { FileRepository } from '../files/file-repository'
import type { UrlSigner } from '../files/signed-url'
import type { CaseRepository } from './case-repository'

/** What the case use cases work with; built once by the cases plugin. */
export interface CaseContext {
  db: Db
  cases: CaseRepository
  files: FileRepository
  staff: StaffRepository
  rules: RuleRepository
  pii: PiiCipher
  clock: Clock
  signer: UrlSigner
}
