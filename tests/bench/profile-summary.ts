import fs from 'node:fs'
import path from 'node:path'

/**
 * `npm run bench:profile -- <file.cpuprofile>... [--top=25] [--last=seconds]`: where a CPU profile's time went, without
 * opening DevTools: self time by function and by package (node_modules/<name>, our own files,
 * node's internals, garbage collection, idle), in percent of the samples that were not idle.
 */
interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const ROOT = process.cwd()

/** what a frame belongs to: a package, one of our workspaces' files, or node itself */
function ownerOf(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)'
  if (frame.url.startsWith('node:')) return 'node internals'
  const file = frame.url.replace(/^file:\/\//, '')
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)
  if (modules) return modules[1]!
  return path.relative(ROOT, file)
}

/** `lastSeconds`: only the samples of the profile's final seconds (the last load of a bench run, not the start-up and the loads before it) */
export function summarize(profile: Profile, top = 25, lastSeconds = Infinity): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  const total = profile.timeDeltas.reduce((sum, d) => sum + d, 0)
  let at = 0
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0
    if (total - at <= lastSeconds * 1e6) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const byFunction = new Map<string, number>()
  const byOwner = new Map<string, number>()
  let busy = 0
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue
    busy += us
    const owner = ownerOf(frame)
    const fn = `${frame.functionName || '(anonymous)'} ${owner}${frame.url ? `:${frame.lineNumber + 1}` : ''}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us)
  }
  const table = (entries: Map<string, number>) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${((us / busy) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n')
  return `busy ${(busy / 1e6).toFixed(1)} s of CPU\n\nby owner\n${table(byOwner)}\n\nby function (self time)\n${table(byFunction)}`
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const args = process.argv.slice(2)
  const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25)
  const last = Number(args.find((a) => a.startsWith('--last='))?.slice(7) ?? Infinity)
  const files = args.filter((a) => !a.startsWith('--'))
  if (files.length === 0) throw new Error('usage: npm run bench:profile -- <file.cpuprofile>... [--top=25] [--last=seconds]')
  for (const file of files) console.log(`${file}\n${summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, top, last)}\n`)
}
