import { loadConfig } from '../config'
import { createPiiCipher } from '../lib/pii'
import { openDatabase } from './client'
import { seedDemo } from './demo-seed'
import { ensureReferenceData } from './reference-data'

/** `npm run seed`: migrate, then reference data and the demo accounts. */
const config = loadConfig()
const { db, sqlite } = openDatabase({ file: config.databaseFile, synchronous: config.dbSynchronous })
try {
  ensureReferenceData(db)
  const added = await seedDemo(db, createPiiCipher(config.pii.key, config.pii.hashKey), { password: config.demo.password, env: config.env, now: new Date() })
  console.log(`seeded ${config.databaseFile}: reference data, ${added} demo staff accounts added`)
} finally {
  sqlite.close()
}
