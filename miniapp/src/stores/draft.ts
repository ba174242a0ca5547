import type { RegionCode, ZoneCode } from '@xinfang/shared/catalog'
import type { CategoryCode } from '@xinfang/shared/categories'
import type { CreateCaseBody } from '@xinfang/shared/contracts/cases'
import type { CreateCosignBody } from '@xinfang/shared/contracts/cosign'
import type { FileKind } from '@xinfang/shared/contracts/files'
import type { ZoneAsk } from '@xinfang/shared/zone-rules'

// The submit form's draft as plain data; draft-store.ts keeps it, persisted.

/** A photo or voice note on the form: the local file, and its server id once uploaded. */
export interface DraftAttachment {
  localPath: string
  kind: FileKind
  fileId: string | null
  /** voice notes: length in seconds */
  seconds?: number
}

export interface Draft {
  content: string
  category: CategoryCode | null
  zone: ZoneCode | null
  region: RegionCode | null
  street: string | null
  address: string
  contactPhone: string
  anonymous: boolean
  attachments: DraftAttachment[]
  /** a zone form's draft: what the resident wants (decides the clock) */
  ask: ZoneAsk | null
  /** a zone form's fields as typed, by key; null on the ordinary form */
  zoneForm: Record<string, string> | null
}

export const EMPTY_DRAFT: Draft = {
  content: '',
  category: null,
  zone: null,
  region: null,
  street: null,
  address: '',
  contactPhone: '',
  anonymous: false,
  attachments: [],
  ask: null,
  zoneForm: null,
}

/** The request body for the draft: blank optional fields left out, as the API wants. */
export function toCreateCaseBody(draft: Draft): CreateCaseBody {
  const body: CreateCaseBody = { content: draft.content.trim(), anonymous: draft.anonymous }
  if (draft.category) body.category = draft.category
  if (draft.zone) body.zone = draft.zone
  if (draft.region) body.region = draft.region
  if (draft.street) body.street = draft.street
  if (draft.address.trim()) body.address = draft.address.trim()
  if (draft.contactPhone.trim()) body.contactPhone = draft.contactPhone.trim()
  const ids = draft.attachments.map((a) => a.fileId).filter((id): id is string => id !== null)
  if (ids.length) body.attachments = ids
  if (draft.zone && draft.zoneForm) {
    body.ask = draft.ask ?? 'problem'
    body.zoneForm = Object.fromEntries(Object.entries(draft.zoneForm).filter(([, value]) => value.trim() !== ''))
  }
  return body
}

/** A joint complaint's body: the same fields, never anonymous (the representative answers for it). */
export function toCreateCosignBody(draft: Draft): CreateCosignBody {
  const { anonymous: _anonymous, ...body } = toCreateCaseBody(draft)
  return body
}
