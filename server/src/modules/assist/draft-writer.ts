import type { FastifyBaseLogger } from 'fastify'
import { DRAFT_SOURCES, type AssistDraft } from '@xinfang/shared/contracts/assist'
import { IntegrationError } from '../../integrations/http-client'
import type { ChatMessage, LlmClient } from '../../integrations/llm'

/**
 * A draft from the model when one is configured and answers in time, else from the template.
 * The model is a help, never a dependency: any failure (timeout, refusal, garbage, an empty
 * answer) is logged and the template answers instead, so staff always get a draft.
 */
export function createDraftWriter(llm: LlmClient | null, log: Pick<FastifyBaseLogger, 'warn'>) {
  const local = (text: string): AssistDraft => ({ text, source: 'local', sourceLabel: DRAFT_SOURCES.local, model: null })

  return async function write(messages: ChatMessage[], fallback: () => string): Promise<AssistDraft> {
    if (!llm) return local(fallback())
    try {
      const text = (await llm.complete(messages, { stream: true })).trim()
      if (text) return { text, source: 'llm', sourceLabel: DRAFT_SOURCES.llm, model: llm.model }
      log.warn({ model: llm.model }, 'the model answered with nothing; the template draft is used')
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error
      log.warn({ err: error, kind: error.kind }, 'the model failed; the template draft is used')
    }
    return local(fallback())
  }
}

export type DraftWriter = ReturnType<typeof createDraftWriter>
