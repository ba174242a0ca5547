import { useEffect, useState } from 'react'
import type { IntakeSuggestion } from '@xinfang/shared/contracts/assist'
import { signedInQuietly } from '../../platform/login'
import { suggestIntake } from './api'
import { useFormDraft } from './draft-context'
import { createSuggester } from './suggester'

const ask = async (content: string) => ((await signedInQuietly()) ? suggestIntake(content) : null)

/**
 * The assistant's suggestion for the content as the resident is writing it (the draft's, so also
 * after a restart). The text is followed through the store, not rendered: a key re-renders the
 * content field alone, and the strip only when a suggestion comes.
 */
export function useIntakeSuggestion(): IntakeSuggestion | null {
  const store = useFormDraft()
  const [suggestion, setSuggestion] = useState<IntakeSuggestion | null>(null)

  useEffect(() => {
    const suggester = createSuggester({ ask, onAnswer: setSuggestion })
    suggester.typed(store.getState().draft.content)
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.draft.content !== previous.draft.content) suggester.typed(state.draft.content)
    })
    return () => {
      unsubscribe()
      suggester.stop()
    }
  }, [store])

  return suggestion
}
