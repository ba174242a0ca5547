import path from 'node:path'
import fp from 'fastify-plugin'
import { createCosignContext } from './cosign-context'
import { qrImages } from './qr-images'
import { cosignRoutes, warningRoutes } from './routes'

/** Joint complaints (联名) at /cosign, and their early warnings for staff at /warnings. */
export default fp(
  async (fastify) => {
    const ctx = createCosignContext(fastify)
    const qr = qrImages(ctx, fastify.platforms.qrcodes, path.join(fastify.config.dataDir, 'qr'))
    await fastify.register(cosignRoutes(ctx, qr), { prefix: '/cosign' })
    await fastify.register(warningRoutes(ctx), { prefix: '/warnings' })
  },
  { name: 'cosign', dependencies: ['auth', 'security', 'platforms', 'case-context'], encapsulate: true },
)
