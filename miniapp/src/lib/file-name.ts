/** Characters no phone or desktop accepts in a file name, and whitespace, which some WebViews cut at. */
const UNSAFE = /[\\/:*?"<>|\s\u0000-\u001f]+/g
const MAX_WORDS = 20

/** `<what>-<words>.<ext>`: a name the resident recognises in Downloads, safe on every system. */
export function fileNameOf(what: string, words: string, ext: string): string {
  const clean = [...words.replace(UNSAFE, '')].slice(0, MAX_WORDS).join('')
  return clean ? `${what}-${clean}.${ext}` : `${what}.${ext}`
}
