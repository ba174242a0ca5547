import { createHash } from 'node:crypto'

// Every mock platform accepts `dev:<name>` wherever a login code or ticket goes,
// so developers and tests can be "alice" without a phone. Everything here is a
// pure function of the name (and app id where the real platform scopes ids per
// app), so tests can assert exact values and a restart changes nobody.

const DEV_CODE_PREFIX = 'dev:'
const MAX_DEV_NAME_LENGTH = 64

/** The name inside a `dev:<name>` code, or null for any other code. */
export function parseDevCode(code: string): string | null {
  if (!code.startsWith(DEV_CODE_PREFIX)) return null
  const name = code.slice(DEV_CODE_PREFIX.length)
  return name.length > 0 && name.length <= MAX_DEV_NAME_LENGTH ? name : null
}

const DEV_PHONE_CODE_PREFIX = 'dev-phone:'

/**
 * The name inside a `dev-phone:<name>` or `dev-phone:<name>:<anything>` phone code, or null.
 * Phone codes are single-use even in development (the API must cope with a spent one), so a
 * harness that needs alice's number twice varies the part after the second colon.
 */
export function parseDevPhoneCode(code: string): string | null {
  if (!code.startsWith(DEV_PHONE_CODE_PREFIX)) return null
  const name = code.slice(DEV_PHONE_CODE_PREFIX.length).split(':')[0] ?? ''
  return name.length > 0 && name.length <= MAX_DEV_NAME_LENGTH ? name : null
}

function seedBytes(algorithm: 'sha256' | 'sha512', ...parts: string[]): Buffer {
  // NUL cannot occur in app ids or names, so distinct part lists never collide
  return createHash(algorithm).update(parts.join('\u0000')).digest()
}

function seedDigits(count: number, ...parts: string[]): string {
  const value = seedBytes('sha256', ...parts).readBigUInt64BE(0) % 10n ** BigInt(count)
  return value.toString().padStart(count, '0')
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

function seedAlphanumeric(length: number, ...parts: string[]): string {
  const bytes = seedBytes('sha512', ...parts)
  return Array.from(bytes.subarray(0, length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('')
}

/** 28 characters starting with `o`, like real openids; scoped to the mini-program. */
export function wechatOpenId(appId: string, name: string): string {
  return 'o' + seedBytes('sha256', 'wechat-openid', appId, name).toString('base64url').slice(0, 27)
}

/** Same shape as an openid, but shared by every app of one WeChat open-platform account. */
export function wechatUnionId(name: string): string {
  return 'o' + seedBytes('sha256', 'wechat-unionid', name).toString('base64url').slice(0, 27)
}

/** 16 digits starting with 2088, like every Alipay user id; the same in every app. */
export function alipayUserId(name: string): string {
  return '2088' + seedDigits(12, 'alipay-user-id', name)
}

/** Newer Alipay apps see an app-scoped open_id instead: `0` and 46 letters or digits. */
export function alipayOpenId(appId: string, name: string): string {
  return '0' + seedAlphanumeric(46, 'alipay-open-id', appId, name)
}

export interface CityAppDevIdentity {
  sub: string
  name: string
  mobile: string
  idCardNo: string
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤'
const GIVEN_NAME_CHARACTERS = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯婷雪琳晨欣怡涵思源嘉豪俊博轩佳诺瑞鑫'
// Mainland mobile prefixes in real use across the three carriers.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '199']
// 中原区, 二七区, 管城回族区, 金水区, 上街区, 惠济区: the Zhengzhou districts petitions come from.
const ZHENGZHOU_DISTRICT_CODES = ['410102', '410103', '410104', '410105', '410106', '410108']
const ID_CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARACTERS = '10X98765432'
const EARLIEST_BIRTH = Date.UTC(1950, 0, 1)
const LATEST_BIRTH = Date.UTC(2004, 11, 31)
const DAY_MS = 86_400_000

/** The real-name identity the city app vouches for behind the ticket `dev:<name>`. */
export function cityAppIdentity(name: string): CityAppDevIdentity {
  return {
    sub: seedUuid(name),
    name: chineseName(name),
    mobile: devPhoneNumber(name),
    idCardNo: residentIdNumber(name),
  }
}

/**
 * The mainland mobile of user `name`, the same whichever platform vouches for it (the city app,
 * WeChat's or Alipay's phone-number API), as one person has one number.
 */
export function devPhoneNumber(name: string): string {
  return pick(MOBILE_PREFIXES, seedBytes('sha256', 'cityapp-mobile-prefix', name)) + seedDigits(8, 'cityapp-mobile', name)
}

/** GB 11643 check character for the first 17 characters of an ID number. */
export function idNumberCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * (ID_CHECK_WEIGHTS[index] ?? 0), 0)
  return ID_CHECK_CHARACTERS.charAt(sum % 11)
}

function residentIdNumber(name: string): string {
  const area = pick(ZHENGZHOU_DISTRICT_CODES, seedBytes('sha256', 'cityapp-area', name))
  const days = Number(seedDigits(6, 'cityapp-birth', name)) % Math.floor((LATEST_BIRTH - EARLIEST_BIRTH) / DAY_MS)
  const birthDate = new Date(EARLIEST_BIRTH + days * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')
  const first17 = area + birthDate + seedDigits(3, 'cityapp-sequence', name)
  return first17 + idNumberCheckCharacter(first17)
}

function chineseName(name: string): string {
  // A Chinese dev name is taken as the real name, so `dev:张伟` shows 张伟 everywhere.
  if (/^[\p{Script=Han}·]+$/u.test(name)) return name
  const bytes = seedBytes('sha256', 'cityapp-name', name)
  const givenLength = (bytes[0] ?? 0) % 3 === 0 ? 1 : 2
  const given = Array.from(bytes.subarray(2, 2 + givenLength), (byte) => GIVEN_NAME_CHARACTERS.charAt(byte % GIVEN_NAME_CHARACTERS.length))
  return SURNAMES.charAt((bytes[1] ?? 0) % SURNAMES.length) + given.join('')
}

function seedUuid(name: string): string {
  const hex = seedBytes('sha256', 'cityapp-sub', name).toString('hex')
  // version 8 is RFC 9562's slot for vendor-defined ids such as this hash
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function pick<T>(choices: readonly T[], bytes: Buffer): T {
  const choice = choices[bytes.readUInt32BE(0) % choices.length]
  if (choice === undefined) throw new Error('pick from an empty list')
  return choice
}
