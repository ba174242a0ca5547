import { describe, expect, it } from 'vitest'
import { sniff } from './sniff'

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)))

describe('sniff', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    ['WEBP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['GIF', bytes('GIF89a'), 'image/gif'],
    ['HEIC', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['M4A', bytes([0, 0, 0, 28], 'ftypM4A ', [0, 0, 0, 0]), 'audio/mp4'],
    ['WAV', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), 'audio/wav'],
    ['MP3 with ID3', bytes('ID3', [4, 0]), 'audio/mpeg'],
    ['MP3 frame', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['ADTS AAC', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['AMR', bytes('#!AMR\n'), 'audio/amr'],
    ['WeChat SILK', bytes([0x02], '#!SILK_V3'), 'audio/silk'],
  ])('recognises %s from its bytes', (_name, head, mime) => {
    expect(sniff(head)?.mime).toBe(mime)
  })

  it('refuses what is not a photo or a recording, whatever it is called', () => {
    expect(sniff(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull()
    expect(sniff(bytes('%PDF-1.7'))).toBeNull()
    expect(sniff(bytes('MZ', [0x90, 0]))).toBeNull()
    expect(sniff(bytes('<?php echo 1; ?>'))).toBeNull()
    expect(sniff(new Uint8Array())).toBeNull()
  })
})
