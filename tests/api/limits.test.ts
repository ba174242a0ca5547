import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERRORS } from '@xinfang/shared/errors'
import { ADDRESS_MAX, CONTENT_MAX, CONTENT_MIN, fileTooLargeMessage, MAX_ATTACHMENTS, MAX_IMAGE_BYTES } from '@xinfang/shared/limits'
import { describeIssue } from '@xinfang/shared/validation-messages'
import { loginResident, TINY_JPEG, uploadFile } from '../support/actors'
import { expectError } from '../support/client'
import { startStack, type Stack } from '../support/stack'

// The API with its default configuration enforces exactly the limits the app reads from shared/limits.

let stack: Stack
let token = ''

beforeAll(async () => {
  stack = await startStack()
  token = (await loginResident(stack.api, 'limits')).token
}, 60_000)
afterAll(() => stack.close())

const photoOf = (bytes: number) => Buffer.concat([TINY_JPEG, Buffer.alloc(bytes - TINY_JPEG.length)])
const submit = (body: Record<string, unknown>) => stack.api.post('/api/v1/cases', { region: 'jinshui', ...body }, { token })

describe('the API draws the lines the form draws', () => {
  it('takes a photo of exactly the shared size and refuses one byte more, saying the size', async () => {
    expect((await uploadFile(stack.api, token, photoOf(MAX_IMAGE_BYTES))).status).toBe(201)
    const refused = expectError(await uploadFile(stack.api, token, photoOf(MAX_IMAGE_BYTES + 1)), 413, 'FILE_TOO_LARGE')
    expect(refused.message).toBe(ERRORS.FILE_TOO_LARGE.message)
    expect(refused.message).toContain('10MB')
  })

  it('says the size in force when a deployment lowers it', () => {
    expect(fileTooLargeMessage({ image: 65_536, audio: 5 * 1024 * 1024 })).toBe('文件太大了，图片请小于64KB，语音请小于5MB')
  })

  it('takes content from CONTENT_MIN to CONTENT_MAX characters, counted after trimming as the form counts', async () => {
    expect((await submit({ content: '好'.repeat(CONTENT_MAX) })).status).toBe(201)
    expectError(await submit({ content: '好'.repeat(CONTENT_MAX + 1) }), 400, 'VALIDATION_FAILED')
    expect((await submit({ content: '𠀀'.repeat(CONTENT_MIN) })).status).toBe(201)
    // five UTF-16 units, three characters: too short for the form, so too short here
    const short = expectError(await submit({ content: `  ${'𠀀'.repeat(2)}好  ` }), 400, 'VALIDATION_FAILED')
    expect(short.message).toBe(describeIssue({ keyword: 'minLength', instancePath: '/content', params: { limit: CONTENT_MIN } }))
  })

  it('takes an address of ADDRESS_MAX characters and no more', async () => {
    expect((await submit({ content: '路灯坏了很久', address: '号'.repeat(ADDRESS_MAX) })).status).toBe(201)
    expectError(await submit({ content: '路灯坏了很久', address: '号'.repeat(ADDRESS_MAX + 1) }), 400, 'VALIDATION_FAILED')
  })

  it('takes MAX_ATTACHMENTS attachments and no more', async () => {
    const ids: string[] = []
    for (let i = 0; i <= MAX_ATTACHMENTS; i++) ids.push(String((await uploadFile(stack.api, token, photoOf(TINY_JPEG.length + i))).body.id))
    expectError(await submit({ content: '路灯坏了很久', attachments: ids }), 400, 'VALIDATION_FAILED')
    expect((await submit({ content: '路灯坏了很久', attachments: ids.slice(0, MAX_ATTACHMENTS) })).status).toBe(201)
  })
})
