import { describe, expect, it } from 'vitest'
import { fileNameOf } from './file-name'

describe('fileNameOf', () => {
  it('names the file for what it is and the words that tell it apart', () => {
    expect(fileNameOf('联名二维码', '2026-1207-0001', 'png')).toBe('联名二维码-2026-1207-0001.png')
  })

  it('drops what file systems refuse and whitespace, and keeps it short', () => {
    expect(fileNameOf('联名二维码', ' 小区/北门: "工地" 夜里*施工? <噪音> | 很大\n', 'png')).toBe('联名二维码-小区北门工地夜里施工噪音很大.png')
    expect(fileNameOf('联名二维码', '一二三四五六七八九十一二三四五六七八九十多出来的', 'png')).toBe('联名二维码-一二三四五六七八九十一二三四五六七八九十.png')
  })

  it('falls back to the plain name when nothing is left', () => {
    expect(fileNameOf('联名二维码', ' /// ', 'png')).toBe('联名二维码.png')
  })
})
