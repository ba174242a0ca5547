import { describe, expect, it } from 'vitest'
import { EMPTY_DRAFT } from '../../stores/draft'
import { contentLength, validateDraft } from './validate'

describe('checking the draft before sending', () => {
  it('asks for at least five characters, in the API own words', () => {
    expect(validateDraft({ ...EMPTY_DRAFT, content: '  暖气  ' }, 0)).toEqual({ content: '「诉求内容」至少要写5个字' })
    expect(validateDraft({ ...EMPTY_DRAFT, content: '暖气不热了' }, 0)).toEqual({})
  })

  it('caps the content at 2000 characters, counting characters not UTF-16 units', () => {
    expect(validateDraft({ ...EMPTY_DRAFT, content: '好'.repeat(2001) }, 0)).toEqual({ content: '「诉求内容」最多2000个字' })
    expect(contentLength('𠀀𠀀')).toBe(2)
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
