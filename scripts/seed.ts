import { spawnSync } from 'node:child_process'
import { devEnv } from './dev-env'

/** `npm run seed`: migrations, reference data and demo accounts into the demo database. */
const env = devEnv()
const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/db/seed-cli.ts'], { env: env.server, stdio: 'inherit' })
process.exit(result.status ?? 1)
