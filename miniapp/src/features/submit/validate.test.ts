import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { CreateCaseBodySchema } from '@xinfang/shared/contracts/cases'
import { ADDRESS_MAX, CONTENT_MAX, CONTENT_MIN, MAX_ATTACHMENTS, textLength } from '@xinfang/shared/limits'
import { EMPTY_DRAFT, toCreateCaseBody, type Draft } from '../../stores/draft'
import { validateDraft } from './validate'

describe('checking the draft before sending', () => {
  it('asks for at least five characters, in the API own words', () => {
    expect(validateDraft({ ...EMPTY_DRAFT, content: '  暖气  ' }, 0)).toEqual({ content: '「诉求内容」至少要写5个字' })
    expect(validateDraft({ ...EMPTY_DRAFT, content: '暖气不热了' }, 0)).toEqual({})
  })

  it('caps the content at 2000 characters, counting characters not UTF-16 units', () => {
    expect(validateDraft({ ...EMPTY_DRAFT, content: '好'.repeat(2001) }, 0)).toEqual({ content: '「诉求内容」最多2000个字' })
    expect(textLength('𠀀𠀀')).toBe(2)
  })

  it('accepts a mainland mobile number or none', () => {
    const base = { ...EMPTY_DRAFT, content: '暖气不热了' }
    expect(validateDraft({ ...base, contactPhone: '13812345678' }, 0)).toEqual({})
    expect(validateDraft({ ...base, contactPhone: '' }, 0)).toEqual({})
    expect(validateDraft({ ...base, contactPhone: '1381234' }, 0).contactPhone).toMatch(/11位手机号码/)
    expect(validateDraft({ ...base, contactPhone: '12812345678' }, 0).contactPhone).toBeDefined()
  })

  it('waits for every attachment to be uploaded', () => {
    expect(validateDraft({ ...EMPTY_DRAFT, content: '暖气不热了' }, 1).attachments).toMatch(/没有上传成功/)
  })
})

describe('the form and the API contract draw the same lines', () => {
  const apiAccepts = (draft: Draft) => Value.Check(CreateCaseBodySchema, toCreateCaseBody(draft))
  const uploaded = (n: number) => Array.from({ length: n }, (_, i) => ({ localPath: `p${i}`, kind: 'image' as const, fileId: `f_${String(i).padStart(8, '0')}` }))

  it.each([CONTENT_MIN - 1, CONTENT_MIN, CONTENT_MAX, CONTENT_MAX + 1])('content of %i characters: both send it or neither does', (n) => {
    const draft = { ...EMPTY_DRAFT, content: '好'.repeat(n) }
    expect(validateDraft(draft, 0).content === undefined).toBe(apiAccepts(draft))
  })

  it('the address field stops where the API does', () => {
    expect(apiAccepts({ ...EMPTY_DRAFT, content: '暖气不热了', address: '号'.repeat(ADDRESS_MAX) })).toBe(true)
    expect(apiAccepts({ ...EMPTY_DRAFT, content: '暖气不热了', address: '号'.repeat(ADDRESS_MAX + 1) })).toBe(false)
  })

  it('the form offers as many attachments as the API takes', () => {
    expect(apiAccepts({ ...EMPTY_DRAFT, content: '暖气不热了', attachments: uploaded(MAX_ATTACHMENTS) })).toBe(true)
    expect(apiAccepts({ ...EMPTY_DRAFT, content: '暖气不热了', attachments: uploaded(MAX_ATTACHMENTS + 1) })).toBe(false)
  })
})
