import { describe, expect, it } from 'vitest'
import { dammDigit } from '@xinfang/shared/tracking-number'
import { digitsOf, formatAsTyped, trackingInputState } from './tracking-input'

const VALID = `12345678901${dammDigit('12345678901')}`

describe('typing a tracking number', () => {
  it('groups digits in fours as they are typed and drops anything else', () => {
    expect(formatAsTyped('1234')).toBe('1234')
    expect(formatAsTyped('12345')).toBe('1234-5')
    expect(formatAsTyped('1234 5678 9012 99')).toBe('1234-5678-9012')
    expect(formatAsTyped('１２３４５')).toBe('1234-5')
    expect(formatAsTyped('abc')).toBe('')
    expect(digitsOf('1234-5678-9012')).toBe('123456789012')
  })

  it('checks the Damm digit before any lookup', () => {
    expect(trackingInputState(formatAsTyped('12345'))).toBe('incomplete')
    expect(trackingInputState(formatAsTyped(VALID))).toBe('valid')
    const swapped = `${VALID.slice(0, 3)}${VALID[4]}${VALID[3]}${VALID.slice(5)}`
    expect(trackingInputState(formatAsTyped(swapped))).toBe('invalid')
  })
})
