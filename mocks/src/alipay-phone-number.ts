import { createCipheriv, createPrivateKey } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { signText } from './alipay-rsa2'
import { devPhoneNumber } from './dev-identities'

export interface AlipayPhoneNumberOptions {
  /** the app's 接口内容加密 key: base64 of 16 bytes */
  aesKey: string
  platformPrivateKeyPem: string
}

/** `res.response` of my.getPhoneNumber, parsed: what the mini-program passes on to its server. */
export interface SealedPhoneNumber {
  response: string
  sign: string
  sign_type: 'RSA2'
  encrypt_type: 'AES'
  charset: 'UTF-8'
}

/**
 * What Alipay hands the mini-program for user `name`: the answer encrypted with the app's AES
 * key (AES-128-CBC, zero IV, PKCS#5) and signed with the platform key. Encrypted content is
 * signed as it stands in Alipay's JSON, i.e. with the surrounding double quotes.
 * @see https://opendocs.alipay.com/mini/api/getphonenumber
 */
export function sealPhoneNumber(name: string, { aesKey, platformPrivateKeyPem }: AlipayPhoneNumberOptions): SealedPhoneNumber {
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(aesKey, 'base64'), Buffer.alloc(16))
  const plain = JSON.stringify({ code: '10000', msg: 'Success', mobile: devPhoneNumber(name) })
  const response = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64')
  const sign = signText(`"${response}"`, createPrivateKey(platformPrivateKeyPem))
  return { response, sign, sign_type: 'RSA2', encrypt_type: 'AES', charset: 'UTF-8' }
}

/**
 * `/alipay/__dev`: what the phone itself would hand the mini-program, for harnesses and tests
 * that have no Alipay app. Not a platform API, so it is neither journaled nor faulted.
 */
export function alipayDevRoutes(options: AlipayPhoneNumberOptions): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: { name: string } }>(
      '/phone-number',
      { schema: { querystring: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 64 } } } } },
      async (request) => sealPhoneNumber(request.query.name, options),
    )
  }
}
