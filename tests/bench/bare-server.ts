import Fastify from 'fastify'

/**
 * The ceiling: a bare Fastify route answering fixed JSON, on the same machine, measured in
 * the same run. Our routes are reported as a fraction of what it manages.
 */
const app = Fastify({ logger: false })
const body = { id: 'c_fixed', status: 'registered', statusLabel: '已登记', trackingNo: '1234-5678-9012' }
app.get('/fixed', async () => body)
const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) })
console.log(`Server listening at ${url}`)
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
