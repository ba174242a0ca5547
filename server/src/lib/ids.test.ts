import { describe, expect, it } from 'vitest'
import { IdSchema } from '@xinfang/shared/contracts/common'
import { Value } from 'typebox/value'
import { newId, newTimeOrderedId } from './ids'

describe('newTimeOrderedId', () => {
  it('sorts as the times it was made at, whatever the random part', () => {
    const times = [0, 1, 255, 256, 1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((ms) => new Date(ms))
    const ids = times.map((t) => newTimeOrderedId('c', t))
    expect([...ids].sort()).toEqual(ids)
  })

  it('is unguessable within one millisecond and a valid resource id', () => {
    const at = new Date('2026-11-30T01:00:00Z')
    const ids = new Set(Array.from({ length: 1000 }, () => newTimeOrderedId('c', at)))
    expect(ids.size).toBe(1000)
    for (const id of ids) expect(Value.Check(IdSchema, id)).toBe(true)
  })
})

describe('newId', () => {
  it('never hands out the same random bytes twice, across pool refills', () => {
    // 16 bytes each: 2000 ids span several 4 KB refills of the pool
    const ids = Array.from({ length: 2000 }, () => newId('x'))
    expect(new Set(ids).size).toBe(ids.length)
  })
})
