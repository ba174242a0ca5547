import { createDecipheriv, createPublicKey } from 'node:crypto'
import { verifyRsa2Text } from './alipay-signature'
import { IntegrationError, type IntegrationErrorKind } from './http-client'
import { asJsonObject, textField } from './json-fields'
import { MAINLAND_MOBILE, type VerifiedPhone } from './verified-phone'

export interface AlipayPhoneOptions {
  /** the app's 接口内容加密 key from the console: base64 of 16 bytes (AES-128) */
  aesKey: string
  /** The "Alipay public key" from the console: the platform's, not the app's own. */
  alipayPublicKeyPem: string
}

/** The two fields of `res.response` (a JSON text) that my.getPhoneNumber gives the mini-program. */
export interface AlipaySignedPhone {
  /** base64 AES-128-CBC ciphertext of `{"code","msg","mobile"}` */
  response: string
  /** Alipay's RSA2 signature over the ciphertext, as the JSON string `"<response>"` */
  sign: string
}

export interface AlipayPhoneClient {
  /** Checks Alipay's signature, then decrypts the number; no network call. */
  phoneNumber(signed: AlipaySignedPhone): Promise<VerifiedPhone>
}

const OPERATION = 'my.getPhoneNumber'
// the app lacks the 获取会员手机号 capability: ours to fix in the console, not the resident's
const APP_NOT_AUTHORIZED_CODE = '40006'

/**
 * The phone number Alipay hands the mini-program encrypted with our AES key and signed with its
 * own. The signature is what proves Alipay issued it: the ciphertext alone could have been made
 * by anyone holding the key, or replayed from another resident's device, so it is checked first.
 * @see https://opendocs.alipay.com/mini/api/getphonenumber
 * @see https://opendocs.alipay.com/common/02mse3 (敏感信息加解密)
 */
export function createAlipayPhoneClient({ aesKey, alipayPublicKeyPem }: AlipayPhoneOptions): AlipayPhoneClient {
  // checked once, so a broken key fails at boot rather than at the first resident
  const key = Buffer.from(aesKey, 'base64')
  if (key.length !== 16) throw new Error('the Alipay AES key must be base64 of 16 bytes')
  const alipayPublicKey = createPublicKey(alipayPublicKeyPem)

  return {
    async phoneNumber({ response, sign }) {
      // Alipay signs the ciphertext as it appears in its JSON answer: wrapped in double quotes
      if (!verifyRsa2Text(`"${response}"`, sign, alipayPublicKey)) throw fail('rejected', 'signature does not verify with the Alipay public key')
      const content = asJsonObject(decrypt(response, key))
      // Alipay signed it, so it was encrypted with the key the console holds, and ours differs
      if (content === null) throw fail('unavailable', 'signed, but does not decrypt with our AES key: check the configured key')
      const code = textField(content, 'code')
      if (code !== '10000') {
        const kind = code === APP_NOT_AUTHORIZED_CODE ? 'unavailable' : 'rejected'
        throw fail(kind, `refused with ${code ?? 'no code'} ${textField(content, 'sub_code') ?? ''}`.trim(), { code, subCode: textField(content, 'sub_code') })
      }
      const phone = textField(content, 'mobile')
      if (phone === undefined || !MAINLAND_MOBILE.test(phone)) throw fail('rejected', 'not a mainland mobile number')
      return { phone }
    },
  }
}

/** AES-128-CBC with a zero IV and PKCS#5 padding, as Alipay encrypts; null when it does not decrypt to JSON. */
function decrypt(ciphertext: string, key: Buffer): unknown {
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, Buffer.alloc(16))
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8')
    return JSON.parse(plain)
  } catch {
    return null
  }
}

function fail(kind: IntegrationErrorKind, message: string, detail?: Record<string, unknown>): IntegrationError {
  return new IntegrationError({ platform: 'alipay', kind, message: `${OPERATION}: ${message}`, detail })
}
