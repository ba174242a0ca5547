import { useEffect, useRef, useState } from 'react'
import type { IntakeSuggestion } from '@xinfang/shared/contracts/assist'
import { signedInQuietly } from '../../platform/login'
import { suggestIntake } from './api'
import { useDraftState } from './draft-context'
import { createSuggester } from './suggester'

const ask = async (content: string) => ((await signedInQuietly()) ? suggestIntake(content) : null)

/** The assistant's suggestion for the content as the resident is writing it (the draft's, so also after a restart). */
export function useIntakeSuggestion(): IntakeSuggestion | null {
  const content = useDraftState((s) => s.draft.content)
  const [suggestion, setSuggestion] = useState<IntakeSuggestion | null>(null)
  const suggester = useRef<ReturnType<typeof createSuggester<IntakeSuggestion>> | null>(null)

  useEffect(() => {
    const created = createSuggester({ ask, onAnswer: setSuggestion })
    suggester.current = created
    return created.stop
  }, [])

  useEffect(() => {
    suggester.current?.typed(content)
  }, [content])

  return suggestion
}
