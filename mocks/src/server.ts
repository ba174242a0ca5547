import { buildMocks } from './app'
import { readMocksConfig, type MocksConfig } from './config'

function readConfigOrExit(): MocksConfig {
  try {
    return readMocksConfig(process.env)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}

const config = readConfigOrExit()
const app = buildMocks({ ...config.platforms, logger: true })

async function closeGracefully(signal: NodeJS.Signals): Promise<void> {
  app.log.info({ signal }, 'closing the platform mocks')
  await app.close()
  process.exit(0)
}
process.once('SIGTERM', closeGracefully)
process.once('SIGINT', closeGracefully)

await app.listen({ host: config.host, port: config.port })
