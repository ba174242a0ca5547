import { createContext, useContext } from 'react'
import { useDraftStore, type DraftStore } from '../../stores/draft-store'

/**
 * The draft the form's fields write to: the ordinary complaint's, unless the form is registering
 * a joint complaint (SubmitForm picks). The fields are the same; the drafts are kept apart. The
 * value is the store itself, fixed for the form's life, never the draft: each field subscribes to
 * its own slice (useDraftState), so typing never re-renders through the context.
 */
export const DraftContext = createContext<DraftStore>(useDraftStore)

/** The form's draft store, for reading state in handlers (`.getState()`). */
export const useFormDraft = (): DraftStore => useContext(DraftContext)

/** A slice of the form's draft, re-rendering when it changes (like calling the store hook). */
export const useDraftState = <T,>(select: (state: ReturnType<DraftStore['getState']>) => T): T => useContext(DraftContext)(select)
