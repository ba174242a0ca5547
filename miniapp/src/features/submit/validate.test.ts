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

describe('a zone form on the phone', () => {
  const NOW = new Date('2026-12-07T02:00:00Z')
  const heating: Draft = { ...EMPTY_DRAFT, content: '家里暖气一直不热', zone: 'heating', category: 'heating', ask: 'problem', zoneForm: { indoorTemp: '14.5', since: '2026-12-01', stationCode: 'hs-jinshui-0101', account: '' }, address: '农业院社区5号楼' }

  it('checks the zone fields in the words the API uses, and asks for what the zone needs', () => {
    expect(validateDraft(heating, 0, NOW)).toEqual({})
    expect(validateDraft({ ...heating, zoneForm: { since: '2026-12-01' } }, 0, NOW).zoneForm).toBe('请填写「室内温度（℃）」')
    expect(validateDraft({ ...heating, zoneForm: { indoorTemp: '14', since: '2026-12-08' } }, 0, NOW).zoneForm).toBe('「从哪天开始」不能晚于今天')
    expect(validateDraft({ ...heating, address: ' ' }, 0, NOW).address).toBe('请填写「详细地址」')
    // the station places a heating case; without one the resident picks the district
    expect(validateDraft({ ...heating, zoneForm: { indoorTemp: '14', since: '2026-12-01' } }, 0, NOW).region).toBe('请选择「所在区县」')
    expect(validateDraft({ ...heating, zone: 'wages', zoneForm: { employer: '某公司', site: '某工地', periodFrom: '2026-05', periodTo: '2026-08', amountOwed: '100' } }, 0, NOW).region).toBe('请选择「所在区县」')
  })

  it('sends the ask and the filled fields only, in a body the API contract accepts', () => {
    const body = toCreateCaseBody(heating)
    expect(body).toMatchObject({ zone: 'heating', ask: 'problem', zoneForm: { indoorTemp: '14.5', since: '2026-12-01', stationCode: 'hs-jinshui-0101' } })
    expect(body.zoneForm).not.toHaveProperty('account')
    expect(Value.Check(CreateCaseBodySchema, body)).toBe(true)
    // the ordinary form sends neither
    expect(toCreateCaseBody({ ...heating, zoneForm: null })).not.toHaveProperty('zoneForm')
  })
})
