import { createHttpClient, IntegrationError, urlUnder, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'

export interface CityAppClientOptions {
  /** The city app's account service, or the mocks' /cityapp */
  baseUrl: string
  clientId: string
  clientSecret: string
  timeoutMs: number
  retries: number
}

/** A resident as the city app's real-name service vouches for them. */
export interface CityAppIdentity {
  subject: string
  name: string
  phone: string
  idNumber: string
  verified: boolean
}

export interface CityAppClient {
  /** Trades the ticket the city app hands our H5 page for the resident's real-name identity. */
  exchangeTicket(ticket: string): Promise<CityAppIdentity>
}

const TICKET_GRANT_TYPE = 'urn:cityapp:ticket'

/**
 * The city super-app publishes no spec to us; this follows the contract in
 * mocks/README.md: an OAuth 2 extension grant for the ticket, then userinfo.
 */
export function createCityAppClient({ baseUrl, clientId, clientSecret, timeoutMs, retries }: CityAppClientOptions): CityAppClient {
  const http = createHttpClient({ platform: 'cityapp', timeoutMs, retries })
  const tokenUrl = urlUnder(baseUrl, 'oauth2/token')
  const userinfoUrl = urlUnder(baseUrl, 'oauth2/userinfo')

  async function accessTokenFor(ticket: string): Promise<string> {
    const { status, body } = await http.request({
      operation: 'oauth2/token',
      method: 'POST',
      url: tokenUrl,
      form: { grant_type: TICKET_GRANT_TYPE, ticket, client_id: clientId, client_secret: clientSecret },
    })
    const answer = asJsonObject(body)
    if (status === 200) {
      const accessToken = textField(answer, 'access_token')
      if (accessToken === undefined) throw fail('bad_response', 'oauth2/token: answer without access_token', { status })
      return accessToken
    }
    const error = textField(answer, 'error')
    const detail = { status, error, errorDescription: textField(answer, 'error_description') }
    // invalid_grant is the ticket's fault; invalid_client and the rest are ours (credentials, request shape)
    if (error === 'invalid_grant') throw fail('rejected', 'oauth2/token: ticket refused', detail)
    throw fail('unavailable', `oauth2/token: refused our request (${error ?? `HTTP ${status}`})`, detail)
  }

  return {
    async exchangeTicket(ticket) {
      if (ticket === '') throw fail('rejected', 'oauth2/token: empty ticket')
      const accessToken = await accessTokenFor(ticket)
      const { status, body } = await http.request({
        operation: 'oauth2/userinfo',
        method: 'GET',
        url: userinfoUrl,
        headers: { authorization: `Bearer ${accessToken}` },
      })
      // a token issued a moment ago being refused is the platform's trouble, not the resident's
      if (status !== 200) throw fail('unavailable', `oauth2/userinfo: HTTP ${status}`, { status })

      const answer = asJsonObject(body)
      const identity = {
        subject: textField(answer, 'sub'),
        name: textField(answer, 'name'),
        phone: textField(answer, 'mobile'),
        idNumber: textField(answer, 'id_card_no'),
      }
      const { subject, name, phone, idNumber } = identity
      if (subject === undefined || name === undefined || phone === undefined || idNumber === undefined) {
        const missing = Object.entries(identity).filter(([, value]) => value === undefined).map(([field]) => field)
        throw fail('bad_response', `oauth2/userinfo: answer lacks ${missing.join(', ')}`)
      }
      return { subject, name, phone, idNumber, verified: answer?.real_name_verified === true }
    },
  }
}

function fail(kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'cityapp', kind, message, detail })
}
