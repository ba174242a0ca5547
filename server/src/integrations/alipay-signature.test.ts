import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalize, extractSignedResponse, signRsa2, verifyRsa2, verifyRsa2Text } from './alipay-signature'

const METHOD = 'alipay.system.oauth.token'

describe('canonicalize', () => {
  it('sorts by name, drops sign and empty values, and leaves values unencoded', () => {
    expect(
      canonicalize({ timestamp: '2024-05-01 08:00:00', sign: 'x', app_id: '2021', code: 'dev:张伟&co=1', empty: '', gone: undefined, Zeta: 'z' }),
    ).toBe('Zeta=z&app_id=2021&code=dev:张伟&co=1&timestamp=2024-05-01 08:00:00')
  })
})

describe('RSA2 signatures', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const params = { app_id: '2021', method: METHOD, code: 'dev:alice', timestamp: '2024-05-01 08:00:00' }

  it('verify what they signed and nothing else', () => {
    const signature = signRsa2(params, privateKey)
    expect(verifyRsa2(params, signature, publicKey)).toBe(true)
    expect(verifyRsa2({ ...params, sign: signature, sign_ignored: '' }, signature, publicKey)).toBe(true)
    expect(verifyRsa2({ ...params, code: 'dev:mallory' }, signature, publicKey)).toBe(false)
    expect(verifyRsa2(params, signature, generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)).toBe(false)
    expect(verifyRsa2Text('app_id=2021', 'not base64 at all', publicKey)).toBe(false)
  })
})

describe('extractSignedResponse', () => {
  it('returns the response value byte for byte, through nesting, escapes and Chinese text', () => {
    const value =
      '{ "user_id" : "2088000000000001", "note":"a \\"quoted\\" }brace{ and ]bracket[ \\\\", ' +
      '"nested":{"list":[1,{"deep":"}"}],"ok":true,"none":null},"名字":"张伟 \\u4e2d"}'
    const body = `{"sign":"abc==",  "alipay_system_oauth_token_response" :${value}\n}`
    expect(extractSignedResponse(body, METHOD)).toEqual({ key: 'alipay_system_oauth_token_response', text: value })
  })

  it('ignores the key where it appears inside strings or deeper objects', () => {
    const decoy = '{"alipay_system_oauth_token_response":{"user_id":"1"}}'
    const body = `{"trace":${JSON.stringify(decoy)},"other":${decoy},"alipay_system_oauth_token_response":{"user_id":"2"},"sign":"s"}`
    expect(extractSignedResponse(body, METHOD)?.text).toBe('{"user_id":"2"}')
  })

  it('falls back to error_response', () => {
    const error = '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid","sub_msg":"授权码code无效"}'
    expect(extractSignedResponse(`{"error_response":${error},"sign":"s"}`, METHOD)).toEqual({ key: 'error_response', text: error })
  })

  it('finds nothing in bodies that are not one well-formed object with the response', () => {
    expect(extractSignedResponse('{"sign":"s"}', METHOD)).toBeNull()
    expect(extractSignedResponse('[{"alipay_system_oauth_token_response":{}}]', METHOD)).toBeNull()
    expect(extractSignedResponse('{"alipay_system_oauth_token_response":{"a":"unterminated}', METHOD)).toBeNull()
    expect(extractSignedResponse('{"alipay_system_oauth_token_response":{}} trailing', METHOD)).toBeNull()
    expect(extractSignedResponse('<html>502 Bad Gateway</html>', METHOD)).toBeNull()
  })

  it('refuses a body that repeats the response key, since which one was signed is unclear', () => {
    const body = '{"alipay_system_oauth_token_response":{"user_id":"1"},"alipay_system_oauth_token_response":{"user_id":"2"}}'
    expect(extractSignedResponse(body, METHOD)).toBeNull()
  })
})
