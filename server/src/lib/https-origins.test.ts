import { describe, expect, it } from 'vitest'
import { parseHttpsOrigins } from './https-origins'

describe('parseHttpsOrigins', () => {
  it('reads a comma-separated list, normalised as browsers compare origins', () => {
    expect(parseHttpsOrigins(' https://SDK.CityApp.example , https://api.cityapp.example:8443/,https://sdk.cityapp.example:443')).toEqual({
      origins: ['https://sdk.cityapp.example', 'https://api.cityapp.example:8443'],
      problems: [],
    })
  })

  it('reads nothing from an empty text', () => {
    expect(parseHttpsOrigins('')).toEqual({ origins: [], problems: [] })
    expect(parseHttpsOrigins(' , ')).toEqual({ origins: [], problems: [] })
  })

  it('punycodes an internationalised host, as the browser sends it', () => {
    expect(parseHttpsOrigins('https://郑州.example').origins).toEqual(['https://xn--6rt074i.example'])
  })

  it.each([
    ['http://sdk.cityapp.example', 'plain http'],
    ['sdk.cityapp.example', 'no scheme'],
    ['https://sdk.cityapp.example/jssdk.js', 'a path'],
    ['https://sdk.cityapp.example?v=1', 'a query'],
    ['https://user:pw@sdk.cityapp.example', 'credentials'],
    ['https://*.cityapp.example', 'a wildcard'],
    ["https://sdk.cityapp.example;script-src", 'a directive break'],
    ["https://a'b.example", 'a quote'],
    ['https://', 'no host'],
  ])('refuses %s (%s), naming it', (entry) => {
    const { origins, problems } = parseHttpsOrigins(`https://ok.example,${entry}`)
    expect(origins).toEqual(['https://ok.example'])
    expect(problems).toEqual([`"${entry}" is not an https origin (https://host or https://host:port, nothing after it)`])
  })
})
