import type { NoticeTemplates } from '@xinfang/shared/contracts/notice-templates'
import { api } from './http'

/** The message templates to ask consent for, per platform (public: asked before any sign-in too). */
export const getNoticeTemplates = () => api.get<NoticeTemplates>('/api/v1/notices/templates', { auth: false })
