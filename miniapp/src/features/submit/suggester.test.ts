import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSuggester } from './suggester'

/** A question whose answer the test releases (or fails) when it wants. */
function deferred() {
  const asked: { content: string; answer: (value: string) => void; fail: (error: Error) => void }[] = []
  const ask = vi.fn(
    (content: string) =>
      new Promise<string | null>((resolve, reject) => {
        asked.push({ content, answer: resolve, fail: reject })
      }),
  )
  return { ask, asked }
}

const LONG = '小区暖气一直不热，室温很低'
const LONGER = `${LONG}，老人冻感冒了`

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('suggestions while typing', () => {
  it('asks once the resident pauses, with the text they stopped at', async () => {
    const { ask, asked } = deferred()
    const answers: (string | null)[] = []
    const s = createSuggester({ ask, onAnswer: (a) => answers.push(a) })
    s.typed('小区暖气一直不热')
    s.typed(LONG)
    await vi.advanceTimersByTimeAsync(599)
    expect(ask).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(asked.map((q) => q.content)).toEqual([LONG])
    asked[0]!.answer('heating')
    await vi.runAllTimersAsync()
    expect(answers).toEqual(['heating'])
  })

  it('asks nothing for short text, and clears the suggestion when the text gets short again', async () => {
    const { ask } = deferred()
    const answers: (string | null)[] = []
    const s = createSuggester({ ask, onAnswer: (a) => answers.push(a) })
    s.typed('  暖气不热  ')
    await vi.advanceTimersByTimeAsync(1000)
    expect(ask).not.toHaveBeenCalled()
    expect(answers).toEqual([null])
  })

  it('drops a slow answer once newer text was typed, and keeps the newer one', async () => {
    const { ask, asked } = deferred()
    const answers: (string | null)[] = []
    const s = createSuggester({ ask, onAnswer: (a) => answers.push(a) })
    s.typed(LONG)
    await vi.advanceTimersByTimeAsync(600)
    s.typed(LONGER)
    await vi.advanceTimersByTimeAsync(600)
    expect(asked.map((q) => q.content)).toEqual([LONG, LONGER])
    asked[1]!.answer('newer')
    await vi.runAllTimersAsync()
    asked[0]!.answer('older')
    await vi.runAllTimersAsync()
    expect(answers).toEqual(['newer'])
  })

  it('drops an answer to text that was changed while the question was out, even before the next question', async () => {
    const { asked, ask } = deferred()
    const answers: (string | null)[] = []
    const s = createSuggester({ ask, onAnswer: (a) => answers.push(a) })
    s.typed(LONG)
    await vi.advanceTimersByTimeAsync(600)
    s.typed(LONGER)
    asked[0]!.answer('older')
    await vi.advanceTimersByTimeAsync(100)
    expect(answers).toEqual([])
  })

  it('stays silent on failures and does not ask again for the same text', async () => {
    const { ask, asked } = deferred()
    const answers: (string | null)[] = []
    const s = createSuggester({ ask, onAnswer: (a) => answers.push(a) })
    s.typed(LONG)
    await vi.advanceTimersByTimeAsync(600)
    asked[0]!.fail(new Error('网络不太好'))
    s.typed(`${LONG}  `)
    await vi.runAllTimersAsync()
    expect(ask).toHaveBeenCalledTimes(1)
    expect(answers).toEqual([])
  })

  it('hands nothing over after stop', async () => {
    const { ask, asked } = deferred()
    const answers: (string | null)[] = []
    const s = createSuggester({ ask, onAnswer: (a) => answers.push(a) })
    s.typed(LONG)
    await vi.advanceTimersByTimeAsync(600)
    s.typed(LONGER)
    s.stop()
    asked[0]!.answer('late')
    await vi.runAllTimersAsync()
    expect(ask).toHaveBeenCalledTimes(1)
    expect(answers).toEqual([])
  })
})
