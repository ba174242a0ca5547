import type { CosignCreated, CosignPublic, SignResult } from '@xinfang/shared/contracts/cosign'
import { api } from '../../api/http'

const pathOf = (token: string) => `/api/v1/cosign/${encodeURIComponent(token)}`

/** The public page a scan opens; signed in, the API adds `mine` (signed? the representative?). */
export const getCosign = (token: string) => api.get<CosignPublic>(pathOf(token))
export const signCosign = (token: string) => api.post<SignResult>(`${pathOf(token)}/sign`)
export const withdrawCosign = (token: string) => api.delete<SignResult>(`${pathOf(token)}/sign`)
/** The representative stops the signing; the complaint goes on being handled. */
export const closeCosign = (token: string) => api.post<CosignPublic>(`${pathOf(token)}/close`)

/** The code residents of this platform scan: CosignCreated.qr has one per platform, keyed like TARO_ENV. */
export const QR_PLATFORM = process.env.TARO_ENV

/** The API's path of this platform's code for a token (the path CosignCreated.qr names), made absolute. */
export const qrImageOf = (token: string) => api.url(`${pathOf(token)}/qr/${QR_PLATFORM}`)

/** A code path the API handed out, made absolute for <Image>. */
export const absolute = (path: string) => api.url(path)

/** The representative's own campaign for a case of theirs: its token, codes and link. */
export const getOwnCosign = (caseId: string) => api.get<CosignCreated>(`/api/v1/cosign/case/${encodeURIComponent(caseId)}`)
