/**
 * Limits the form enforces as it is typed and the API enforces on arrival. Kept apart from the
 * TypeBox contracts so the mini-programs can import them without bundling TypeBox.
 */
export const CONTENT_MIN = 5
export const CONTENT_MAX = 2000
export const MAX_ATTACHMENTS = 9
