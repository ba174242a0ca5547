import type { IntakeSuggestion } from '@xinfang/shared/contracts/assist'
import type { CaseCreated, CreateCaseBody } from '@xinfang/shared/contracts/cases'
import type { CosignCreated, CreateCosignBody } from '@xinfang/shared/contracts/cosign'
import type { FileKind, FileRef } from '@xinfang/shared/contracts/files'
import type { HeatStation, HousingProject } from '@xinfang/shared/contracts/zones'
import { api } from '../../api/http'

/** POST /cases with the draft's Idempotency-Key: a retry with the same key never makes a second case. */
export const submitCase = (body: CreateCaseBody, idempotencyKey: string) =>
  api.post<CaseCreated>('/api/v1/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** One photo or voice note, multipart field `file`; `onProgress` gets 0-100. */
export const uploadFile = (filePath: string, kind: FileKind, onProgress?: (percent: number) => void) =>
  api.upload<FileRef>('/api/v1/files', { filePath, fileType: kind, onProgress })

/** POST /cosign: a joint complaint, registered like a case, with the codes neighbours scan. Same key rules as submitCase. */
export const submitJointCase = (body: CreateCosignBody, idempotencyKey: string) =>
  api.post<CosignCreated>('/api/v1/cosign', body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** What the assistant reads in the text so far: category, place and the unit they lead to. */
export const suggestIntake = (content: string) => api.post<IntakeSuggestion>('/api/v1/assist/intake', { content })
/** The housing projects the housing bureau lists (public), optionally one district's. */
export const listHousingProjects = (region?: string) =>
  api.get<{ items: HousingProject[] }>('/api/v1/zones/housing/projects', { query: { region }, auth: false })

/** The heating company's heat stations (public), optionally one district's. */
export const listHeatStations = (region?: string) => api.get<{ items: HeatStation[] }>('/api/v1/zones/heating/stations', { query: { region }, auth: false })
