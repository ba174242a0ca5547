import { loadConfig } from '../config'
import { createPiiCipher } from '../lib/pii'
import { seedDemo } from './demo-seed'
import { openDatabase } from './open-database'
import { ensureReferenceData } from './reference-data'

/** `npm run seed`: migrate, then reference data and the demo accounts, on the configured engine. */
const config = loadConfig()
const db = await openDatabase({ url: config.databaseUrl, file: config.databaseFile, synchronous: config.dbSynchronous })
try {
  await ensureReferenceData(db)
  const added = await seedDemo(db, createPiiCipher(config.pii.key, config.pii.hashKey), { password: config.demo.password, env: config.env, now: new Date() })
  console.log(`seeded ${config.databaseUrl ? 'PostgreSQL' : config.databaseFile}: reference data, ${added} demo staff accounts added`)
} finally {
  await db.close()
}
