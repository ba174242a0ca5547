import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_ATTACHMENTS } from '@xinfang/shared/limits'
import type { FileKind } from '@xinfang/shared/contracts/files'
import { messageOf } from '../../api/api-error'
import { ensureSignedIn } from '../../platform/login'
import { useDraftState, useFormDraft } from './draft-context'
import { uploadFile } from './api'

export interface UploadState {
  progress: number
  failed: boolean
  message?: string
}

/**
 * Uploads each attachment as soon as it is added, with progress. The draft keeps the local
 * path and, once uploaded, the file id; progress and failures live here, so after a restart an
 * attachment without an id shows as "not uploaded" with a retry.
 */
export function useUploads() {
  const store = useFormDraft()
  const attachments = useDraftState((s) => s.draft.attachments)
  const [states, setStates] = useState<Record<string, UploadState>>({})
  const running = useRef(new Set<string>())

  const set = (path: string, state: UploadState) => setStates((all) => ({ ...all, [path]: state }))

  const upload = useCallback(async (localPath: string, kind: FileKind) => {
    if (running.current.has(localPath)) return
    running.current.add(localPath)
    set(localPath, { progress: 0, failed: false })
    try {
      // a photo may be the first thing a new resident does: sign in before uploading it
      if (!(await ensureSignedIn())) {
        set(localPath, { progress: 0, failed: true, message: '请先登录' })
        return
      }
      const ref = await uploadFile(localPath, kind, (progress) => set(localPath, { progress, failed: false }))
      store.getState().attachmentUploaded(localPath, ref.id)
      set(localPath, { progress: 100, failed: false })
    } catch (e) {
      set(localPath, { progress: 0, failed: true, message: messageOf(e) })
    } finally {
      running.current.delete(localPath)
    }
  }, [store])

  const add = useCallback(
    (localPath: string, kind: FileKind, seconds?: number) => {
      const draft = store.getState().draft
      if (draft.attachments.length >= MAX_ATTACHMENTS || draft.attachments.some((a) => a.localPath === localPath)) return
      store.getState().addAttachment({ localPath, kind, fileId: null, seconds })
      void upload(localPath, kind)
    },
    [store, upload],
  )

  const remove = useCallback((localPath: string) => {
    store.getState().removeAttachment(localPath)
    setStates(({ [localPath]: _removed, ...rest }) => rest)
  }, [store])

  // attachments restored from storage without an id were cut off mid-upload: offer a retry
  useEffect(() => {
    for (const a of store.getState().draft.attachments) {
      if (!a.fileId && !running.current.has(a.localPath)) set(a.localPath, { progress: 0, failed: true, message: '没有上传完' })
    }
  }, [])

  const stateOf = (localPath: string): UploadState | undefined => states[localPath]
  const pending = attachments.filter((a) => !a.fileId).length
  return { attachments, stateOf, add, remove, retry: upload, pending }
}

export type Uploads = ReturnType<typeof useUploads>
