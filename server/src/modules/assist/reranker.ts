import type { FastifyBaseLogger } from 'fastify'
import { UNITS, unitName, type UnitCode } from '@xinfang/shared/catalog'
import { RANKING_SOURCES, type AssistUnits } from '@xinfang/shared/contracts/assist'
import { IntegrationError } from '../../integrations/http-client'
import type { ChatMessage, LlmClient } from '../../integrations/llm'
import { maskPiiInText } from './case-brief'
import type { Recommendation } from './recommendation'

const CANDIDATES = 3
const matters = new Map<string, string>(UNITS.map((u) => [u.code, u.matters]))

const SYSTEM =
  '你是郑州市信访部门的分办助手。根据群众来信，从候选责任单位中选出最应负责的一个。' +
  '只回答该单位的代码（例如 heating），不要解释。'

export const rerankPrompt = (text: string, candidates: readonly UnitCode[]): ChatMessage[] => [
  { role: 'system', content: SYSTEM },
  { role: 'user', content: `候选单位：\n${candidates.map((c) => `${c}：${unitName(c)}（${matters.get(c)}）`).join('\n')}\n来信：${maskPiiInText(text)}` },
]

/** The first candidate code the answer names as a word of its own (`heating`, not `preheating`). */
const named = (answer: string, candidates: readonly UnitCode[]) =>
  candidates
    .map((code) => ({ code, at: new RegExp(`(?<![a-z])${code}(?![a-z])`).exec(answer.toLowerCase())?.index ?? -1 }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.code ?? null

/**
 * A second opinion for triage: the outside model picks among the local model's top units.
 * Asked only by staff about a case already registered, so it never holds up a submission;
 * any failure, or an answer naming no candidate, keeps the local order.
 */
export function createReranker(llm: LlmClient | null, log: Pick<FastifyBaseLogger, 'warn'>) {
  return async function rerank(text: string, r: Recommendation): Promise<AssistUnits> {
    const units = r.units.map((u) => ({ ...u, name: unitName(u.code) }))
    const local = (why: string): AssistUnits => ({ units, source: 'local', sourceLabel: RANKING_SOURCES.local, model: null, reasons: [...r.reasons, why] })
    if (!llm) return local('未配置大模型，按本地模型排序')
    const candidates = r.units.slice(0, CANDIDATES).map((u) => u.code)
    try {
      const choice = named(await llm.complete(rerankPrompt(text, candidates), { maxTokens: 16, temperature: 0 }), candidates)
      if (!choice) return local('大模型的回答不在候选单位中，按本地模型排序')
      const reordered = [...units.filter((u) => u.code === choice), ...units.filter((u) => u.code !== choice)]
      return { units: reordered, source: 'llm', sourceLabel: RANKING_SOURCES.llm, model: llm.model, reasons: [...r.reasons, `大模型复核：最应负责的是${unitName(choice)}`] }
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error
      log.warn({ err: error, kind: error.kind }, 'the model failed; the local order is kept')
      return local('大模型暂时不可用，按本地模型排序')
    }
  }
}

export type Reranker = ReturnType<typeof createReranker>
