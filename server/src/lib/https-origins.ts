/** What a CSP source expression may hold for a host: letters, digits, dots and dashes (IDN as punycode), a port. */
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$/

/**
 * A comma-separated list of exact https origins (`https://host[:port]`), for a Content-Security-
 * Policy. Each is normalised as browsers compare origins (lower case, no :443); anything else
 * (http, a path, a wildcard, a character that would end the CSP directive) is refused with why,
 * so a typo is caught at boot rather than leaving the city app's SDK blocked, or the CSP opened.
 */
export function parseHttpsOrigins(text: string): { origins: string[]; problems: string[] } {
  const origins: string[] = []
  const problems: string[] = []
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const url = URL.canParse(entry) ? new URL(entry) : null
    const exact = url && url.protocol === 'https:' && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash
    if (!url || !exact || !PLAIN_HOST.test(url.host) || !/^https:\/\/[^/]+\/?$/i.test(entry)) {
      problems.push(`"${entry}" is not an https origin (https://host or https://host:port, nothing after it)`)
      continue
    }
    if (!origins.includes(url.origin)) origins.push(url.origin)
  }
  return { origins, problems }
}
