import type { ApiClient } from './client'
import { DEMO_PASSWORD } from './stack'

/** Signs in through the platform mocks the way each front door does; `dev:<name>` is stable per name. */
export async function loginResident(api: ApiClient, name: string, platform: 'wechat' | 'alipay' | 'cityapp' = 'cityapp') {
  const body = platform === 'wechat' ? { code: `dev:${name}` } : platform === 'alipay' ? { authCode: `dev:${name}` } : { ticket: `dev:${name}` }
  const response = await api.post(`/api/v1/auth/${platform}`, body)
  if (response.status !== 200) throw new Error(`login ${platform} ${name}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as { token: string; refreshToken: string; user: { id: string; kind: 'resident' } }
}

export async function loginStaff(api: ApiClient, username: string) {
  const response = await api.post('/api/v1/auth/staff', { username, password: DEMO_PASSWORD })
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as { token: string; refreshToken: string; user: { id: string; kind: 'staff'; role: string; unit: string; region: string; displayName: string } }
}

/** A minimal JPEG: real magic bytes, enough for the server's sniffing. */
export const TINY_JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64')

export async function uploadFile(api: ApiClient, token: string, bytes: Uint8Array, name = 'photo.jpg', type = 'image/jpeg') {
  const form = new FormData()
  form.append('file', new Blob([bytes], { type }), name)
  return api.post('/api/v1/files', form, { token })
}
