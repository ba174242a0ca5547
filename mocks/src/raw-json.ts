import type { FastifyInstance, FastifyRequest } from 'fastify'

/**
 * JSON bodies parsed as usual, with the exact bytes kept beside them: a signature covers the
 * body as sent, not as re-serialised. For the routes of `app` (an encapsulated scope) only.
 */
export function keepRawJson(app: FastifyInstance): (request: FastifyRequest) => string {
  const rawBodies = new WeakMap<FastifyRequest, string>()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    rawBodies.set(request, String(body))
    try {
      done(null, JSON.parse(String(body)))
    } catch {
      done(Object.assign(new Error('body is not JSON'), { statusCode: 400 }), undefined)
    }
  })
  return (request) => rawBodies.get(request) ?? ''
}
