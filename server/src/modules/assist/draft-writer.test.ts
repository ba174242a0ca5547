import { LLM_DEV_CREDENTIALS } from '@xinfang/mocks/llm-platform'
import { describe, expect, it } from 'vitest'
import { useMocks } from '../../integrations/adapter-test-kit'
import { createLlmClient } from '../../integrations/llm'
import { createDraftWriter } from './draft-writer'

const mocksOf = useMocks()
const warnings: unknown[] = []
const silent = { warn: (...args: unknown[]) => void warnings.push(args) }
const writer = () => createDraftWriter(createLlmClient({ baseUrl: `${mocksOf().baseUrl}/llm/v1`, ...LLM_DEV_CREDENTIALS, timeoutMs: 300, retries: 1 }), silent)
const prompt = [{ role: 'user' as const, content: '来信内容：路灯坏了' }]

describe('the draft writer', () => {
  it('takes the model answer, streamed, and says so', async () => {
    expect(await writer()(prompt, () => 'template')).toMatchObject({ source: 'llm', model: LLM_DEV_CREDENTIALS.model, text: expect.stringContaining('路灯坏了') })
  })

  it('falls back to the template when the model is down or too slow, never failing the request', async () => {
    await mocksOf().injectFault({ platform: 'llm', mode: 'fail', count: 2 })
    expect(await writer()(prompt, () => 'template')).toEqual({ text: 'template', source: 'local', sourceLabel: '按模板生成', model: null })
    await mocksOf().injectFault({ platform: 'llm', mode: 'slow', delayMs: 1500, count: 2 })
    expect((await writer()(prompt, () => 'template')).source).toBe('local')
    expect(warnings.length).toBeGreaterThanOrEqual(2)
  })

  it('uses the template when no model is configured', async () => {
    expect((await createDraftWriter(null, silent)(prompt, () => 'template')).source).toBe('local')
    expect(await mocksOf().calls('llm')).toEqual([])
  })
})
