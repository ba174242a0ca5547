import fs from 'node:fs'
import path from 'node:path'

/**
 * Where PostgreSQL's own programs (pg_dump, pg_restore, initdb) are: PG_BIN if set, else beside
 * the initdb on PATH (following a lone link to the real directory), else the newest
 * /usr/lib/postgresql/<version>/bin (Debian's layout, off PATH by default).
 */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PG_BIN) return env.PG_BIN
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const initdb = dir && path.join(dir, 'initdb')
    if (initdb && fs.existsSync(initdb)) return path.dirname(fs.realpathSync(initdb))
  }
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : []
  versions.sort((a, b) => Number(b) - Number(a))
  if (versions[0] === undefined) throw new Error('PostgreSQL programs not found: set PG_BIN, or put them on PATH (Debian: apt-get install -y postgresql)')
  return path.join(root, versions[0], 'bin')
}
