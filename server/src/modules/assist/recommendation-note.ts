import { unitName } from '@xinfang/shared/catalog'
import { CONFIDENT_AT } from './assistant'
import type { Recommendation } from './recommendation'

const percent = (score: number) => `${Math.round(score * 100)}%`

/**
 * The timeline's words for what the recommender decided at submission: dispatched at once on
 * its advice, or sent to triage because it was unsure, and why either way.
 */
export function recommendationNote(r: Recommendation): string {
  const top = r.units[0]
  if (!top || r.category === null) return '智能推荐无法判断归属，转信访部门人工分办'
  const why = r.reasons.filter((reason) => !reason.startsWith('把握不大')).join('；')
  if (r.confident) return `智能推荐${unitName(top.code)}（把握${percent(r.confidence)}）：${why}，直接派发`
  return `智能推荐把握不大（最可能是${unitName(top.code)}，把握${percent(r.confidence)}，低于${percent(CONFIDENT_AT)}）${why ? `：${why}` : ''}，转信访部门人工分办`
}
