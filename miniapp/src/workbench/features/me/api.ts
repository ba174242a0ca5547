import type { NoticeSettings, NoticeSettingsView } from '@xinfang/shared/contracts/notice-settings'
import { api } from '../../../api/http'

/** My work-notice settings and where the notices go. */
export const getNoticeSettings = () => api.get<NoticeSettingsView>('/api/v1/workbench/notice-settings')

/** Replaces my settings as a whole; answers them as saved. */
export const saveNoticeSettings = (settings: NoticeSettings) => api.put<NoticeSettingsView>('/api/v1/workbench/notice-settings', settings)
