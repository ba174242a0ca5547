import { textLength } from '@xinfang/shared/limits'

export interface SuggesterOptions<T> {
  /** asks for a suggestion; may reject (network, rate limit): the form then just shows none */
  ask: (content: string) => Promise<T | null>
  /** the newest text's answer, or null when the text became too short to say anything */
  onAnswer: (answer: T | null) => void
  delayMs?: number
  minChars?: number
}

/** A pause long enough that the question is asked when the resident stops, not on every key. */
export const SUGGEST_DELAY_MS = 600
/** Fewer characters say too little to suggest anything from. */
export const SUGGEST_MIN_CHARS = 8

/**
 * Asks for suggestions as the resident types: once they pause, and only from enough text.
 * Every change of text starts a new turn; an answer counts only if no newer text was typed
 * since its question, so a slow answer never replaces a newer one. Failures are dropped:
 * suggestions are a help, and typing goes on whatever the network does.
 */
export function createSuggester<T>({ ask, onAnswer, delayMs = SUGGEST_DELAY_MS, minChars = SUGGEST_MIN_CHARS }: SuggesterOptions<T>) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let turn = 0
  let last: string | null = null

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    turn += 1
  }

  return {
    typed(content: string) {
      const text = content.trim()
      if (text === last) return
      last = text
      cancel()
      if (textLength(text) < minChars) return onAnswer(null)
      const mine = turn
      timer = setTimeout(() => {
        timer = undefined
        ask(text).then(
          (answer) => {
            if (mine === turn) onAnswer(answer)
          },
          () => undefined,
        )
      }, delayMs)
    },
    /** the form is gone: nothing more is asked, and nothing answered later is handed over */
    stop: cancel,
  }
}
