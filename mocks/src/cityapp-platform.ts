import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { cityAppPushRoutes } from './cityapp-push'
import { cityAppIdentity } from './dev-identities'
import type { OneTimeCodes } from './one-time-codes'
import type { OptOuts } from './opt-outs'
import { stringField } from './request-fields'

export interface CityAppMockOptions {
  clientId: string
  clientSecret: string
}

interface AccessGrant {
  name: string
  expiresAt: number
}

const TICKET_GRANT_TYPE = 'urn:cityapp:ticket'
const ACCESS_TOKEN_TTL_SECONDS = 7200

/** Shaped like the ticket the city app hands an H5 page it opens: `ST-` and 27 URL-safe characters. */
export function newCityAppTicket(): string {
  return 'ST-' + randomBytes(20).toString('base64url')
}

/**
 * The city super-app's account and push services under /cityapp. It publishes no spec to
 * us, so this is an OAuth 2 token exchange with an extension grant for the
 * ticket (RFC 6749 §4.5), an OIDC-style userinfo call and a signed push API;
 * mocks/README.md is the contract the adapters are written against.
 */
export function cityAppRoutes(options: CityAppMockOptions, tickets: OneTimeCodes, optOuts: OptOuts): FastifyPluginAsync {
  const accessTokens = new Map<string, AccessGrant>()

  return async (app) => {
    await app.register(cityAppPushRoutes(options, optOuts), { prefix: '/push/v1' })

    app.post('/oauth2/token', async (request, reply) => {
      const client = clientCredentials(request.headers.authorization, request.body)
      if (client.id !== options.clientId || client.secret !== options.clientSecret) {
        if (client.viaBasicAuth) reply.header('www-authenticate', 'Basic realm="cityapp"')
        return reply.code(401).send(oauthError('invalid_client', 'client authentication failed'))
      }
      if (stringField(request.body, 'grant_type') !== TICKET_GRANT_TYPE) {
        return reply.code(400).send(oauthError('unsupported_grant_type', `grant_type must be ${TICKET_GRANT_TYPE}`))
      }
      const ticket = stringField(request.body, 'ticket')
      if (!ticket) return reply.code(400).send(oauthError('invalid_request', 'ticket is required'))

      const redemption = tickets.redeem(ticket)
      if (redemption.status === 'used') return reply.code(400).send(oauthError('invalid_grant', 'ticket has already been used'))
      if (redemption.status === 'unknown') return reply.code(400).send(oauthError('invalid_grant', 'ticket is invalid or expired'))

      const accessToken = randomBytes(32).toString('base64url')
      accessTokens.set(accessToken, { name: redemption.name, expiresAt: Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000 })
      // RFC 6749 §5.1: token answers must not be cached
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache')
      return { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, scope: 'realname' }
    })

    app.get('/oauth2/userinfo', async (request, reply) => {
      const token = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
      const grant = token === undefined ? undefined : accessTokens.get(token)
      if (grant === undefined || grant.expiresAt <= Date.now()) {
        if (token !== undefined) accessTokens.delete(token)
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="cityapp", error="invalid_token"')
          .send(oauthError('invalid_token', 'access token is missing, invalid or expired'))
      }
      const identity = cityAppIdentity(grant.name)
      return {
        sub: identity.sub,
        name: identity.name,
        mobile: identity.mobile,
        id_card_no: identity.idCardNo,
        real_name_verified: true,
        verify_level: 'L2',
      }
    })
  }
}

/** Client credentials from HTTP Basic (RFC 6749's preferred way) or from the body. */
function clientCredentials(authorization: string | undefined, body: unknown) {
  const basic = /^Basic (\S+)$/i.exec(authorization ?? '')?.[1]
  if (basic !== undefined) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return {
      id: formDecode(decoded.slice(0, Math.max(colon, 0))),
      secret: formDecode(decoded.slice(colon + 1)),
      viaBasicAuth: true,
    }
  }
  return { id: stringField(body, 'client_id'), secret: stringField(body, 'client_secret'), viaBasicAuth: false }
}

// RFC 6749 §2.3.1 has clients form-encode both halves before joining them
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return text
  }
}

function oauthError(error: string, description: string) {
  return { error, error_description: description }
}
