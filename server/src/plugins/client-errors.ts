import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { ERRORS } from '@xinfang/shared/errors'

/**
 * What a connection gets when Node's HTTP parser refuses the request before Fastify sees it (an
 * address or headers over 16 KB, a malformed request line): the same error shape as every
 * other answer, so a client never meets a bare status line.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return
  const code = error.code === 'HPE_HEADER_OVERFLOW' ? 'REQUEST_TOO_LARGE' : 'VALIDATION_FAILED'
  const { status, message } = ERRORS[code]
  const body = JSON.stringify({ code, message })
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}
