import readline from 'node:readline'
import { createAssistant } from './assistant'

/**
 * `npm run -s assist:predict`: JSON lines `{"id", "content"}` on stdin, one JSON line
 * `{"id", "units", "region", "zone"}` per input line on stdout, in order, through the same
 * recommender the API decorates itself with. A line that cannot be read still gets its answer
 * line (empty units), so outputs stay aligned with inputs, and a warning on stderr.
 */
const assistant = createAssistant()
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
let lineNo = 0

for await (const line of lines) {
  lineNo += 1
  if (!line.trim()) continue
  let id: unknown = null
  let content: unknown
  try {
    ;({ id = null, content } = JSON.parse(line) as { id?: unknown; content?: unknown })
  } catch {
    process.stderr.write(`line ${lineNo}: not JSON\n`)
  }
  if (typeof content !== 'string') {
    if (content !== undefined || id !== null) process.stderr.write(`line ${lineNo}: no "content" string\n`)
    process.stdout.write(`${JSON.stringify({ id, units: [], region: null, zone: null })}\n`)
    continue
  }
  const r = assistant.recommend(content)
  process.stdout.write(`${JSON.stringify({ id, units: r.units.map((u) => u.code), region: r.region, zone: r.zone })}\n`)
}
