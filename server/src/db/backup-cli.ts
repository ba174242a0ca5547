import path from 'node:path'
import { backupDatabase } from './backup'

/**
 * `npm run backup [-- destination]`: copies DATA_DIR/xinfang.db while the server runs.
 * Needs no secrets: the copy holds personal data only in its encrypted form.
 */
const dataDir = path.resolve(process.env.DATA_DIR ?? './data')
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-')
const destination = path.resolve(process.argv[2] ?? path.join(dataDir, 'backups', `xinfang-${stamp}.db`))
const { pages, bytes } = await backupDatabase(path.join(dataDir, 'xinfang.db'), destination)
console.log(`backed up ${pages} pages (${bytes} bytes) to ${destination}`)
