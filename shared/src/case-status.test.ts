import { describe, it, expect } from 'vitest'
import {
  ACTION_RULES,
  CASE_ACTIONS,
  CASE_STATUSES,
  ROLES,
  STATUS_LABELS,
  allowedActions,
  isCaseAction,
  isCaseStatus,
  isRole,
  isTerminal,
  transition,
  type CaseAction,
  type CaseStatus,
  type Role,
} from './case-status'

// The lifecycle written out independently of ACTION_RULES, straight from the design:
// [action, from states, to ('same': recorded, status unchanged), roles].
const IN_HAND: CaseStatus[] = ['registered', 'mediating', 'accepted', 'reviewing', 'rereviewing']
const OPEN: CaseStatus[] = ['registered', 'mediating', 'accepted', 'review_requested', 'reviewing', 'rereview_requested', 'rereviewing']
const SPEC: [CaseAction, CaseStatus[], CaseStatus | 'same', Role[]][] = [
  ['accept', ['registered'], 'accepted', ['office', 'handler']],
  ['reject', ['registered'], 'rejected', ['office', 'handler']],
  ['forward', ['registered'], 'forwarded', ['office']],
  ['start_mediation', ['registered'], 'mediating', ['office', 'grid']],
  ['mediation_succeeded', ['mediating'], 'closed', ['office', 'grid']],
  ['mediation_failed', ['mediating'], 'registered', ['office', 'grid']],
  ['reply', ['accepted'], 'replied', ['handler', 'office']],
  ['close', ['replied'], 'closed', ['office', 'handler', 'system']],
  ['request_review', ['replied', 'closed'], 'review_requested', ['resident']],
  ['accept_review', ['review_requested'], 'reviewing', ['office']],
  ['decide_review', ['reviewing'], 'replied', ['office']],
  ['request_rereview', ['replied', 'closed'], 'rereview_requested', ['resident']],
  ['accept_rereview', ['rereview_requested'], 'rereviewing', ['office']],
  ['decide_rereview', ['rereviewing'], 'closed', ['office']],
  ['assign', IN_HAND, 'same', ['office']],
  ['object', ['registered', 'accepted'], 'same', ['handler', 'office']],
  ['decide_objection', ['registered', 'accepted'], 'same', ['office']],
  ['request_info', IN_HAND, 'same', ['office', 'handler', 'grid']],
  ['report_verification', IN_HAND, 'same', ['grid']],
  ['request_extension', ['accepted'], 'same', ['handler', 'office']],
  ['decide_extension', ['accepted'], 'same', ['office', 'leader']],
  ['supervise', OPEN, 'same', ['supervisor', 'leader', 'office']],
]

const allowedCases = SPEC.flatMap(([action, froms, to, roles]) =>
  froms.flatMap((from) => roles.map((role) => ({ action, from, to: to === 'same' ? from : to, role }))),
)

describe('allowed transitions', () => {
  it.each(allowedCases)('$role may $action from $from to $to', ({ action, from, to, role }) => {
    expect(transition(from, action, role)).toEqual({ ok: true, to })
  })

  it('allows nothing the spec does not, and says why for every refusal', () => {
    for (const status of CASE_STATUSES) {
      for (const action of CASE_ACTIONS) {
        for (const role of ROLES) {
          const spec = SPEC.find(([a]) => a === action)
          if (!spec) throw new Error(`no spec for ${action}`)
          const [, froms, to, roles] = spec
          const expected = !roles.includes(role)
            ? { ok: false, reason: 'forbidden_role' }
            : !froms.includes(status)
              ? { ok: false, reason: 'invalid_state' }
              : { ok: true, to: to === 'same' ? status : to }
          expect(transition(status, action, role), `${role} ${action} @ ${status}`).toEqual(expected)
        }
      }
    }
  })
})

describe('representative denials', () => {
  it('refuses the wrong state', () => {
    expect(transition('replied', 'accept', 'office')).toEqual({ ok: false, reason: 'invalid_state' })
    expect(transition('registered', 'reply', 'handler')).toEqual({ ok: false, reason: 'invalid_state' })
    expect(transition('accepted', 'request_review', 'resident')).toEqual({ ok: false, reason: 'invalid_state' })
    expect(transition('rejected', 'close', 'system')).toEqual({ ok: false, reason: 'invalid_state' })
  })

  it('refuses the wrong role, whatever the state', () => {
    expect(transition('registered', 'accept', 'resident')).toEqual({ ok: false, reason: 'forbidden_role' })
    expect(transition('registered', 'forward', 'handler')).toEqual({ ok: false, reason: 'forbidden_role' })
    expect(transition('replied', 'request_review', 'office')).toEqual({ ok: false, reason: 'forbidden_role' })
    expect(transition('accepted', 'reply', 'admin')).toEqual({ ok: false, reason: 'forbidden_role' })
    expect(transition('review_requested', 'accept_review', 'supervisor')).toEqual({ ok: false, reason: 'forbidden_role' })
    expect(transition('closed', 'accept', 'resident')).toEqual({ ok: false, reason: 'forbidden_role' })
  })
})

describe('allowedActions', () => {
  it('lists what a role can do now', () => {
    expect(allowedActions('registered', 'office')).toEqual(['accept', 'reject', 'forward', 'start_mediation', 'assign', 'object', 'decide_objection', 'request_info', 'supervise'])
    expect(allowedActions('registered', 'handler')).toEqual(['accept', 'reject', 'object', 'request_info'])
    expect(allowedActions('registered', 'grid')).toEqual(['start_mediation', 'request_info', 'report_verification'])
    expect(allowedActions('mediating', 'grid')).toEqual(['mediation_succeeded', 'mediation_failed', 'request_info', 'report_verification'])
    expect(allowedActions('accepted', 'handler')).toEqual(['object', 'request_info', 'request_extension', 'reply'])
    expect(allowedActions('replied', 'resident')).toEqual(['request_review', 'request_rereview'])
    expect(allowedActions('replied', 'system')).toEqual(['close'])
    expect(allowedActions('closed', 'resident')).toEqual(['request_review', 'request_rereview'])
    expect(allowedActions('accepted', 'resident')).toEqual([])
  })

  it('gives supervisors and leaders only supervision (and leaders extension approval), admins nothing', () => {
    for (const status of CASE_STATUSES) {
      expect(allowedActions(status, 'admin')).toEqual([])
      expect(allowedActions(status, 'supervisor')).toEqual(OPEN.includes(status) ? ['supervise'] : [])
      expect(allowedActions(status, 'leader')).toEqual([...(status === 'accepted' ? ['decide_extension'] : []), ...(OPEN.includes(status) ? ['supervise'] : [])])
    }
  })
})

describe('terminal states and labels', () => {
  it('treats only rejected and forwarded as terminal; closed may still be reviewed', () => {
    expect(CASE_STATUSES.filter(isTerminal)).toEqual(['rejected', 'forwarded'])
    expect(isTerminal('closed')).toBe(false)
  })

  it('labels every status and action in Chinese', () => {
    expect(STATUS_LABELS.accepted).toBe('办理中')
    expect(STATUS_LABELS.registered).toBe('已登记')
    for (const s of CASE_STATUSES) expect(STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u)
    for (const a of CASE_ACTIONS) expect(ACTION_RULES[a].label).toMatch(/\p{Script=Han}/u)
  })

  it('guards untrusted strings', () => {
    expect(isCaseStatus('reviewing')).toBe(true)
    expect(isCaseStatus('done')).toBe(false)
    expect(isCaseAction('decide_review')).toBe(true)
    expect(isCaseAction('delete')).toBe(false)
    expect(isRole('grid')).toBe(true)
    expect(isRole('root')).toBe(false)
  })
})
