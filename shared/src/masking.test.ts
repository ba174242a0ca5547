import { describe, it, expect } from 'vitest'
import { isMobilePhone, isValidIdNumber, maskIdNumber, maskName, maskPhone } from './masking'

// Check characters computed independently with the GB 11643 weights.
const VALID_IDS = ['11010519491231002X', '440524188001010014', '41010519900307123X', '410182198506150042', '410105200002293012']

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone(' 138 1234 1234 ')).toBe('138****1234')
    expect(maskPhone('138-1234-1234')).toBe('138****1234')
  })

  it('keeps a +86 prefix recognisable', () => {
    expect(maskPhone('+8613812341234')).toBe('+86 138****1234')
    expect(maskPhone('+86 138 1234 1234')).toBe('+86 138****1234')
    expect(maskPhone('008613812341234')).toBe('+86 138****1234')
  })

  it('keeps the area code of a landline and masks the local number', () => {
    expect(maskPhone('0371-12345678')).toBe('0371-****5678')
    expect(maskPhone('037112345678')).toBe('0371-****5678')
    expect(maskPhone('(0371) 6123456')).toBe('0371-***3456')
    expect(maskPhone('010-87654321')).toBe('010-****4321')
  })

  it('never shows more than the ends of anything else', () => {
    expect(maskPhone('')).toBe('')
    expect(maskPhone('12345')).toBe('*2345')
    expect(maskPhone('99912345678901')).toBe('999*******8901')
  })
})

describe('maskIdNumber', () => {
  it('keeps the first and last four of 18- and 15-digit numbers', () => {
    expect(maskIdNumber('41010519900307123X')).toBe('4101**********123X')
    expect(maskIdNumber('41010519900307123x')).toBe('4101**********123X')
    expect(maskIdNumber('410105900307123')).toBe('4101*******7123')
  })

  it('masks short input entirely', () => {
    expect(maskIdNumber('12345678')).toBe('********')
    expect(maskIdNumber('')).toBe('')
  })
})

describe('maskName', () => {
  it('keeps the first character only', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('李')).toBe('*')
    expect(maskName('  王小明 ')).toBe('王**')
    expect(maskName('')).toBe('')
  })

  it('keeps the separator of minority names and counts rare characters once', () => {
    expect(maskName('买买提·艾力')).toBe('买**·**')
    expect(maskName('𠮷𠮷')).toBe('𠮷*')
    expect(maskName('张𠮷')).toBe('张*')
  })
})

describe('isValidIdNumber', () => {
  it('accepts valid numbers, lowercase x included', () => {
    for (const id of VALID_IDS) expect(isValidIdNumber(id), id).toBe(true)
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
  })

  it('rejects any single wrong digit through the checksum', () => {
    for (const id of VALID_IDS) {
      for (let i = 0; i < 17; i += 1) {
        const digit = Number(id[i])
        const changed = `${id.slice(0, i)}${(digit + 1) % 10}${id.slice(i + 1)}`
        // A changed first digit of 0 fails the structure check instead; still refused.
        expect(isValidIdNumber(changed), changed).toBe(false)
      }
    }
    expect(isValidIdNumber('110105194912310021')).toBe(false)
  })

  it('rejects impossible birth dates and wrong shapes', () => {
    // Correct check characters, impossible dates: Feb 30th, month 13, 1799.
    expect(isValidIdNumber('410105199002301232')).toBe(false)
    expect(isValidIdNumber('410105199013011230')).toBe(false)
    expect(isValidIdNumber('410105179901011230')).toBe(false)
    expect(isValidIdNumber('410105900307123')).toBe(false)
    expect(isValidIdNumber('41010519900307123')).toBe(false)
    expect(isValidIdNumber('4101051990030712X3')).toBe(false)
    expect(isValidIdNumber('')).toBe(false)
  })
})

describe('isMobilePhone', () => {
  it('accepts mainland mobile numbers 13x-19x', () => {
    for (const p of ['13012345678', '15912345678', '19912345678', '16612345678']) expect(isMobilePhone(p), p).toBe(true)
  })

  it('rejects other prefixes, lengths, landlines and unnormalised input', () => {
    for (const p of ['12012345678', '1381234123', '138123412345', '03711234567', '+8613812341234', '138 1234 1234']) {
      expect(isMobilePhone(p), p).toBe(false)
    }
  })
})
