import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/**
 * An online backup through SQLite's backup API: consistent even while the server writes (WAL
 * lets this reader work beside it), page by page so the server is never blocked for long.
 * The copy is checked before it is reported done.
 */
export async function backupDatabase(source: string, destination: string): Promise<{ pages: number; bytes: number }> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`)
  fs.mkdirSync(path.dirname(destination), { recursive: true })
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const { totalPages } = await db.backup(destination)
    const copy = new Database(destination, { readonly: true })
    try {
      const check = copy.pragma('integrity_check', { simple: true })
      if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`)
    } finally {
      copy.close()
    }
    return { pages: totalPages, bytes: fs.statSync(destination).size }
  } finally {
    db.close()
  }
}
