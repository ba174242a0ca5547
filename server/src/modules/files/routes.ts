import multipart from '@fastify/multipart'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorResponseSchema, IdSchema } from '@xinfang/shared/contracts/common'
import { FileRefSchema } from '@xinfang/shared/contracts/files'
import { fileTooLargeMessage } from '@xinfang/shared/limits'
import { AppError } from '../../lib/app-error'
import { newId } from '../../lib/ids'
import { createFileRepository } from './file-repository'
import { BlobNotFoundError } from './blob-store'
import { createBlobStore } from './create-blob-store'
import { fileRef, fileUrlSigner } from './file-views'
import { sniff } from './sniff'

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 404: ErrorResponseSchema, 413: ErrorResponseSchema, 415: ErrorResponseSchema }

/** Photos and voice notes for cases: uploaded first, then attached by id when submitting. */
const fileRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { uploads, fileStore, integrations, auth } = fastify.config
  const repository = createFileRepository(fastify.db)
  const storage = createBlobStore(fileStore, { ...integrations, log: fastify.log })
  fastify.addHook('onClose', () => storage.close())
  const signer = fileUrlSigner(auth.jwtSecret)
  const limitFor = { image: uploads.maxImageBytes, audio: uploads.maxAudioBytes }
  // the limits in force, which a deployment may have set below the shared ones
  const tooLarge = fileTooLargeMessage(limitFor)

  await fastify.register(multipart, {
    limits: { fileSize: Math.max(uploads.maxImageBytes, uploads.maxAudioBytes), files: 1, fields: 5, parts: 6 },
  })

  fastify.post(
    '/',
    {
      schema: { tags: ['files'], summary: '上传照片或语音（multipart 字段 file）', security: [{ bearer: [] }], consumes: ['multipart/form-data'], response: { 201: FileRefSchema, ...errors } },
      preHandler: fastify.requireUser,
    },
    async (request, reply) => {
      const part = await request.file()
      if (!part) throw new AppError('FILE_MISSING')
      const upload = await storage.receive(part.file)
      const sniffed = sniff(upload.head)
      const problem = part.file.truncated
        ? 'FILE_TOO_LARGE'
        : upload.size === 0
          ? 'FILE_MISSING'
          : !sniffed
            ? 'UNSUPPORTED_FILE_TYPE'
            : upload.size > limitFor[sniffed.kind]
              ? 'FILE_TOO_LARGE'
              : null
      if (problem || !sniffed) {
        await storage.discard(upload)
        throw problem === 'FILE_TOO_LARGE' ? new AppError(problem, tooLarge) : new AppError(problem ?? 'UNSUPPORTED_FILE_TYPE')
      }
      const id = newId('f')
      const storageKey = `${id.slice(2, 4)}/${id}`
      await storage.keep(upload, storageKey, { mime: sniffed.mime })
      const { actor } = request
      const row = await repository.insert({
        id,
        ownerType: actor.type,
        ownerId: actor.id,
        kind: sniffed.kind,
        mime: sniffed.mime,
        size: upload.size,
        sha256: upload.sha256,
        storageKey,
        createdAt: fastify.clock.now(),
      })
      return reply.status(201).send(fileRef(row, signer, fastify.clock.now()))
    },
  )

  fastify.get(
    '/:id/content',
    {
      schema: {
        tags: ['files'],
        summary: '查看文件（签名链接，随诉求详情下发）',
        params: Type.Object({ id: IdSchema }, { additionalProperties: false }),
        querystring: Type.Object({ exp: Type.Integer({ minimum: 0 }), sig: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: Type.Unknown({ description: '文件内容' }), 404: ErrorResponseSchema, 400: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const { exp, sig } = request.query
      // an expired or forged link looks exactly like a missing file
      const row = signer.verify(id, exp, sig, fastify.clock.now()) ? await repository.findById(id) : null
      if (!row) throw new AppError('FILE_NOT_FOUND')
      const content = await storage.open(row.storageKey).catch((error: unknown) => {
        if (!(error instanceof BlobNotFoundError)) throw error
        // a row whose bytes are gone: lost, or never copied to the bucket when the store changed
        request.log.warn({ fileId: id, storageKey: row.storageKey }, 'file recorded but not in the store')
        throw new AppError('FILE_NOT_FOUND')
      })
      return reply
        .header('content-type', row.mime)
        .header('content-length', row.size)
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline')
        .send(content)
    },
  )
}

export default fileRoutes
