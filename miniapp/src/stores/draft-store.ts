import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ZoneCode } from '@xinfang/shared/catalog'
import { CATEGORIES, categoryOf, type CategoryCode } from '@xinfang/shared/categories'
import { ZONE_RULES } from '@xinfang/shared/zone-rules'
import { EMPTY_DRAFT, type Draft, type DraftAttachment } from './draft'
import { flushStorage, heldTaroStorage } from './taro-storage'

interface DraftState {
  draft: Draft
  /**
   * The Idempotency-Key of the submission in flight. Made on the first attempt and reused by
   * every retry, so a submission whose answer was lost never makes a second case; dropped only
   * once the API has confirmed the case (clear) or refused the key as used (renewKey).
   */
  idempotencyKey: string | null
  update: (patch: Partial<Omit<Draft, 'attachments'>>) => void
  /** open the form from a livelihood zone or a category shortcut */
  preset: (preset: { zone?: ZoneCode; category?: CategoryCode }) => void
  /** open a zone's own form, with what its QR code chose (a housing project, a heat station) filled in */
  presetZone: (zone: ZoneCode, picked: Record<string, string>) => void
  /** one field of the zone form */
  setZoneField: (key: string, value: string) => void
  addAttachment: (attachment: DraftAttachment) => void
  attachmentUploaded: (localPath: string, fileId: string) => void
  removeAttachment: (localPath: string) => void
  takeKey: () => string
  renewKey: () => string
  clear: () => void
}

const randomPart = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
/** Matches the API's `^[A-Za-z0-9_:.-]{8,128}$`; unique per resident is all it needs. */
export const newIdempotencyKey = () => `case-${Date.now().toString(36)}-${randomPart()}${randomPart()}`

/**
 * A complaint form's draft, saved to storage under `name` so nothing is lost if the app is
 * killed. Typing and picking are written after a short pause, and at the latest when the page or
 * the app is left (flushStorage); the key and the attachments are written at once, because a
 * request or an upload may already be under way with them. Each form has its own draft, so
 * starting a joint complaint never eats an unfinished ordinary one.
 */
const createDraftStore = (name: string) =>
  create<DraftState>()(
    persist(
      (set, get) => {
        // the draft's text waits for a pause; what a request or an upload relies on is written now
        const setNow = (change: Partial<DraftState> | ((s: DraftState) => Partial<DraftState>)) => {
          set(change)
          flushStorage()
        }
        return {
          draft: EMPTY_DRAFT,
          idempotencyKey: null,
          update: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
          preset: ({ zone, category }) =>
            set((s) => {
              if (category) return { draft: { ...s.draft, category, zone: categoryOf(category).zone ?? null } }
              if (!zone) return s
              // keep a category the resident already picked if it belongs to the zone
              const current = s.draft.category ? categoryOf(s.draft.category) : null
              const keep = current?.zone === zone
              const first = CATEGORIES.find((c) => 'zone' in c && c.zone === zone)
              return { draft: { ...s.draft, zone, category: keep ? s.draft.category : (first?.code ?? null) } }
            }),
          presetZone: (zone, picked) =>
            set((s) => ({ draft: { ...s.draft, zone, category: ZONE_RULES[zone].category, zoneForm: { ...(s.draft.zoneForm ?? {}), ...picked } } })),
          setZoneField: (key, value) => set((s) => ({ draft: { ...s.draft, zoneForm: { ...(s.draft.zoneForm ?? {}), [key]: value } } })),
          addAttachment: (attachment) =>
            setNow((s) => ({ draft: { ...s.draft, attachments: [...s.draft.attachments, attachment] } })),
          attachmentUploaded: (localPath, fileId) =>
            setNow((s) => ({
              draft: { ...s.draft, attachments: s.draft.attachments.map((a) => (a.localPath === localPath ? { ...a, fileId } : a)) },
            })),
          removeAttachment: (localPath) =>
            setNow((s) => ({ draft: { ...s.draft, attachments: s.draft.attachments.filter((a) => a.localPath !== localPath) } })),
          takeKey: () => {
            const existing = get().idempotencyKey
            if (existing) return existing
            const key = newIdempotencyKey()
            setNow({ idempotencyKey: key })
            return key
          },
          renewKey: () => {
            const key = newIdempotencyKey()
            setNow({ idempotencyKey: key })
            return key
          },
          clear: () => setNow({ draft: EMPTY_DRAFT, idempotencyKey: null }),
        }
      },
      {
        name,
        storage: heldTaroStorage(),
        version: 1,
        partialize: ({ draft, idempotencyKey }) => ({ draft, idempotencyKey }),
        // a draft saved before a field existed gets the field's empty value, not undefined
        merge: (saved, current) => {
          const kept = (saved ?? {}) as Partial<Pick<DraftState, 'draft' | 'idempotencyKey'>>
          return { ...current, ...kept, draft: { ...EMPTY_DRAFT, ...kept.draft } }
        },
      },
    ),
  )

/** The ordinary complaint (我要反映). */
export const useDraftStore = createDraftStore('xinfang.draft')
/** A joint complaint being registered (发起联名). */
export const useJointDraftStore = createDraftStore('xinfang.joint-draft')
/** Each livelihood zone's own form (民生专区), one draft per zone: a half-written heating case never eats a housing one. */
export const zoneDraftStores: Record<ZoneCode, DraftStore> = {
  housing: createDraftStore('xinfang.zone-draft.housing'),
  wages: createDraftStore('xinfang.zone-draft.wages'),
  legal: createDraftStore('xinfang.zone-draft.legal'),
  heating: createDraftStore('xinfang.zone-draft.heating'),
}
export type DraftStore = typeof useDraftStore
