// Field names whose values tests never need and logs must never show.
const SECRET_FIELDS = ['secret', 'appsecret', 'client_secret', 'access_token']
const SECRET_QUERY_PARAM = new RegExp(`([?&](?:${SECRET_FIELDS.join('|')})=)[^&#]*`, 'gi')

/** A shallow copy of a parsed query or body with secret values replaced. */
export function redactSecrets(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, SECRET_FIELDS.includes(key.toLowerCase()) ? '[redacted]' : field]),
  )
}

/** WeChat takes its app secret and access token in the query string, which request logs would otherwise print. */
export function redactSecretsInUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAM, '$1[redacted]')
}
