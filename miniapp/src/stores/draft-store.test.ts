import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// Taro's storage as an in-memory map; nothing else of Taro is touched by the stores.
const storage = vi.hoisted(() => new Map<string, unknown>())
vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  },
}))

import { EMPTY_DRAFT, toCreateCaseBody, toCreateCosignBody } from './draft'
import { WRITE_DELAY_MS } from './taro-storage'

const KEY_PATTERN = /^[A-Za-z0-9_:.-]{8,128}$/ // IdempotencyHeadersSchema

/** A fresh copy of the store module, as after the app was killed and opened again. */
async function relaunch() {
  vi.resetModules()
  const stores = await import('./draft-store')
  // the storage module of this launch: what leaving the page or the app calls
  const { flushStorage } = await import('./taro-storage')
  return { ...stores, flushStorage }
}

const saved = () => JSON.parse(String(storage.get('xinfang.draft'))) as { state: { draft: { content: string }; idempotencyKey: string | null } }

beforeEach(() => {
  storage.clear()
  // a write a previous launch still held must not land in this test's storage
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('draft persistence', () => {
  it('writes typing after a short pause, the newest text only', async () => {
    const { useDraftStore } = await relaunch()
    useDraftStore.getState().update({ content: '暖气' })
    useDraftStore.getState().update({ content: '暖气不热' })
    vi.advanceTimersByTime(WRITE_DELAY_MS - 1)
    expect(storage.has('xinfang.draft')).toBe(false)
    vi.advanceTimersByTime(1)
    expect(saved().state.draft.content).toBe('暖气不热')
    // typing on: still written at least every WRITE_DELAY_MS, not only once the resident stops
    useDraftStore.getState().update({ content: '暖气不热，' })
    vi.advanceTimersByTime(WRITE_DELAY_MS / 2)
    useDraftStore.getState().update({ content: '暖气不热，很冷' })
    vi.advanceTimersByTime(WRITE_DELAY_MS / 2)
    expect(saved().state.draft.content).toBe('暖气不热，很冷')
  })

  it('keeps what was typed just before leaving: leaving writes it at once', async () => {
    const first = await relaunch()
    first.useDraftStore.getState().update({ content: '刚写完这一句就切走了' })
    first.flushStorage()
    const second = await relaunch()
    expect(second.useDraftStore.getState().draft.content).toBe('刚写完这一句就切走了')
  })

  it('writes the key and the attachments at once, with the text typed before them', async () => {
    const { useDraftStore } = await relaunch()
    useDraftStore.getState().update({ content: '小区暖气一直不热' })
    useDraftStore.getState().addAttachment({ localPath: 'wxfile://tmp/1.jpg', kind: 'image', fileId: null })
    expect(saved().state.draft).toMatchObject({ content: '小区暖气一直不热', attachments: [{ localPath: 'wxfile://tmp/1.jpg' }] })
    useDraftStore.getState().update({ content: '小区暖气一直不热，老人冻感冒了' })
    const key = useDraftStore.getState().takeKey()
    expect(saved().state).toMatchObject({ idempotencyKey: key, draft: { content: '小区暖气一直不热，老人冻感冒了' } })
  })

  it('comes back after a restart, attachments and key included', async () => {
    const first = await relaunch()
    first.useDraftStore.getState().update({ content: '小区暖气一直不热', region: 'jinshui', street: 'jinshui.huayuanlu', contactPhone: '13812345678' })
    first.useDraftStore.getState().addAttachment({ localPath: 'wxfile://tmp/1.jpg', kind: 'image', fileId: null })
    first.useDraftStore.getState().attachmentUploaded('wxfile://tmp/1.jpg', 'f_abcdefgh')
    const key = first.useDraftStore.getState().takeKey()

    const second = await relaunch()
    const { draft, idempotencyKey } = second.useDraftStore.getState()
    expect(draft).toMatchObject({ content: '小区暖气一直不热', region: 'jinshui', street: 'jinshui.huayuanlu', contactPhone: '13812345678' })
    expect(draft.attachments).toEqual([{ localPath: 'wxfile://tmp/1.jpg', kind: 'image', fileId: 'f_abcdefgh' }])
    expect(idempotencyKey).toBe(key)
  })

  it('keeps the joint complaint apart from the ordinary one', async () => {
    const { useDraftStore, useJointDraftStore } = await relaunch()
    useDraftStore.getState().update({ content: '我自己的事' })
    useJointDraftStore.getState().update({ content: '小区大家的事' })
    vi.advanceTimersByTime(WRITE_DELAY_MS)
    const again = await relaunch()
    expect(again.useDraftStore.getState().draft.content).toBe('我自己的事')
    expect(again.useJointDraftStore.getState().draft.content).toBe('小区大家的事')
    again.useJointDraftStore.getState().clear()
    expect(again.useDraftStore.getState().draft.content).toBe('我自己的事')
  })

  it('keeps actions out of storage', async () => {
    const { useDraftStore } = await relaunch()
    useDraftStore.getState().update({ anonymous: true })
    vi.advanceTimersByTime(WRITE_DELAY_MS)
    expect(Object.keys(saved().state).sort()).toEqual(['draft', 'idempotencyKey'])
  })
})

describe('idempotency key lifecycle', () => {
  it('has no key until the first attempt, then one valid key for every retry', async () => {
    const { useDraftStore } = await relaunch()
    expect(useDraftStore.getState().idempotencyKey).toBeNull()
    const key = useDraftStore.getState().takeKey()
    expect(key).toMatch(KEY_PATTERN)
    expect(saved().state.idempotencyKey).toBe(key)
    // a retry after a lost answer, even after editing the draft, sends the same key
    useDraftStore.getState().update({ content: '补充一句' })
    expect(useDraftStore.getState().takeKey()).toBe(key)
  })

  it('survives the app being killed between the attempt and the retry', async () => {
    const first = await relaunch()
    const key = first.useDraftStore.getState().takeKey()
    const second = await relaunch()
    expect(second.useDraftStore.getState().takeKey()).toBe(key)
  })

  it('is cleared with the draft only once the case is confirmed', async () => {
    const { useDraftStore } = await relaunch()
    useDraftStore.getState().update({ content: '小区暖气一直不热' })
    const key = useDraftStore.getState().takeKey()
    useDraftStore.getState().clear()
    expect(useDraftStore.getState()).toMatchObject({ draft: EMPTY_DRAFT, idempotencyKey: null })
    expect(saved().state).toEqual({ draft: EMPTY_DRAFT, idempotencyKey: null })
    const next = useDraftStore.getState().takeKey()
    expect(next).not.toBe(key)
  })

  it('is replaced when the API says the key was already used for other content', async () => {
    const { useDraftStore } = await relaunch()
    const key = useDraftStore.getState().takeKey()
    const renewed = useDraftStore.getState().renewKey()
    expect(renewed).not.toBe(key)
    expect(renewed).toMatch(KEY_PATTERN)
    expect(useDraftStore.getState().takeKey()).toBe(renewed)
  })
})

describe('presets and the request body', () => {
  it('a zone picks its first category, and keeps a category already in the zone', async () => {
    const { useDraftStore } = await relaunch()
    useDraftStore.getState().preset({ zone: 'housing' })
    expect(useDraftStore.getState().draft).toMatchObject({ zone: 'housing', category: 'housing_delivery' })
    useDraftStore.getState().update({ category: 'property_certificate' })
    useDraftStore.getState().preset({ zone: 'housing' })
    expect(useDraftStore.getState().draft.category).toBe('property_certificate')
    useDraftStore.getState().preset({ zone: 'heating' })
    expect(useDraftStore.getState().draft).toMatchObject({ zone: 'heating', category: 'heating' })
  })

  it('a category brings its zone, or none', async () => {
    const { useDraftStore } = await relaunch()
    useDraftStore.getState().preset({ category: 'fraud' })
    expect(useDraftStore.getState().draft).toMatchObject({ category: 'fraud', zone: 'legal' })
    useDraftStore.getState().preset({ category: 'education' })
    expect(useDraftStore.getState().draft).toMatchObject({ category: 'education', zone: null })
  })

  it('sends trimmed content, leaves blanks out and attaches only uploaded files', async () => {
    const body = toCreateCaseBody({
      ...EMPTY_DRAFT,
      content: '  暖气一直不热  ',
      region: 'jinshui',
      address: ' ',
      attachments: [
        { localPath: 'a', kind: 'image', fileId: 'f_aaaaaaaa' },
        { localPath: 'b', kind: 'image', fileId: null },
      ],
    })
    expect(body).toEqual({ content: '暖气一直不热', anonymous: false, region: 'jinshui', attachments: ['f_aaaaaaaa'] })
  })

  it('never sends a joint complaint as anonymous', () => {
    expect(toCreateCosignBody({ ...EMPTY_DRAFT, content: ' 小区大家的事 ', anonymous: true, region: 'jinshui' })).toEqual({ content: '小区大家的事', region: 'jinshui' })
  })

  it('adds, marks uploaded and removes attachments by local path', async () => {
    const { useDraftStore } = await relaunch()
    const s = useDraftStore.getState()
    s.addAttachment({ localPath: 'a', kind: 'image', fileId: null })
    s.addAttachment({ localPath: 'v', kind: 'audio', fileId: null, seconds: 12 })
    s.attachmentUploaded('v', 'f_vvvvvvvv')
    s.removeAttachment('a')
    expect(useDraftStore.getState().draft.attachments).toEqual([{ localPath: 'v', kind: 'audio', fileId: 'f_vvvvvvvv', seconds: 12 }])
  })
})
