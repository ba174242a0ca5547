import type { AssistDraft } from '@xinfang/shared/contracts/assist'
import type { CaseDetail, StaffActionName } from '@xinfang/shared/contracts/cases'
import type { Assignees, RevealField, RevealResult } from '@xinfang/shared/contracts/workbench'
import { api } from '../../../api/http'

const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`

/**
 * A staff action (POST /cases/:id/actions/<action>); the answer is the case as it now stands.
 * The body is built from the action's form (action-forms.ts) and checked by the server against
 * ActionBodySchemas; the key makes a retried tap harmless.
 */
export const takeAction = (id: string, action: StaffActionName, body: Record<string, unknown>, idempotencyKey: string) =>
  api.post<CaseDetail>(`${casePath(id)}/actions/${action}`, body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** The full value of one masked field; the server records who looked, when, at which case. */
export const revealField = (id: string, field: RevealField) => api.post<RevealResult>(`${casePath(id)}/reveal`, { field })

/** Whom this staff member may hand the case to: units, lower-level offices, grid members. */
export const getAssignees = (caseId: string) => api.get<Assignees>('/api/v1/workbench/assignees', { query: { caseId } })

/** A draft of the reply (答复意见书) for staff to check and edit; `sourceLabel` says whether the model or a template wrote it. */
export const draftReply = (id: string) => api.post<AssistDraft>(`/api/v1/assist/cases/${encodeURIComponent(id)}/draft-reply`)

/** The case in a few lines, for staff picking it up; written like draftReply. */
export const summarizeCase = (id: string) => api.post<AssistDraft>(`/api/v1/assist/cases/${encodeURIComponent(id)}/summary`)
