import { describe, expect, it } from 'vitest'
import type { LlmClient } from '../../integrations/llm'
import { createAssistant } from './assistant'
import { createReranker } from './reranker'

const quiet = { warn: () => {} }
const answering = (answer: string): LlmClient => ({ model: 'test-model', complete: async () => answer })
const text = '小区物业不管事，暖气也不热，物业费还涨了，联系电话13812345678'
const recommendation = createAssistant().recommend(text)
const localOrder = recommendation.units.map((u) => u.code)

describe('the reranker', () => {
  it('puts the candidate the model names first, even inside a sentence', async () => {
    const third = localOrder[2]!
    const result = await createReranker(answering(`最应负责的是 ${third}。`), quiet)(text, recommendation)
    expect(result.units.map((u) => u.code)).toEqual([third, ...localOrder.filter((c) => c !== third)])
    expect(result).toMatchObject({ source: 'llm', model: 'test-model' })
  })

  it('keeps the local order when the answer names no candidate, or only a unit outside the top three', async () => {
    const outside = localOrder[4]!
    for (const answer of ['不确定', outside, `pre${localOrder[1]}`]) {
      const result = await createReranker(answering(answer), quiet)(text, recommendation)
      expect(result.source).toBe('local')
      expect(result.units.map((u) => u.code)).toEqual(localOrder)
    }
  })

  it('sends the letter with its phone number masked', async () => {
    let sent = ''
    const spy: LlmClient = { model: 'm', complete: async (messages) => ((sent = JSON.stringify(messages)), localOrder[0]!) }
    await createReranker(spy, quiet)(text, recommendation)
    expect(sent).toContain('138****5678')
    expect(sent).not.toContain('13812345678')
  })
})
