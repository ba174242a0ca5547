import { describe, expect, it } from 'vitest'
import { Value } from 'typebox/value'
import { ActionBodySchemas, type StaffActionName } from '@xinfang/shared/contracts/cases'
import { ACTION_FORMS, formBody, formProblem, type FieldSpec, type FormValues } from './action-forms'

const actions = Object.keys(ActionBodySchemas) as StaffActionName[]

/** Values a careful staff member would enter: every field filled at its minimum. */
function filled(fields: readonly FieldSpec[], short = false): FormValues {
  const values: FormValues = {}
  for (const f of fields) {
    if (f.kind === 'text') values[f.name] = '办'.repeat(short ? Math.max(0, f.min - 1) : Math.max(f.min, 1))
    if (f.kind === 'choice') values[f.name] = f.options[0]?.value
    if (f.kind === 'days') values[f.name] = String(f.max)
    if (f.kind === 'target') values[f.name] = { kind: 'unit', unit: 'housing', region: 'city' }
    if (f.kind === 'switch') values[f.name] = true
  }
  return values
}

describe('staff action forms', () => {
  it('has a form for every action of ActionBodySchemas, and no other', () => {
    expect(Object.keys(ACTION_FORMS).sort()).toEqual([...actions].sort())
  })

  it.each(actions)('%s: a filled form makes a body the server accepts', (action) => {
    const values = filled(ACTION_FORMS[action])
    expect(formProblem(action, values)).toBeNull()
    const body = formBody(action, values)
    expect([...Value.Errors(ActionBodySchemas[action], body)].map((e) => e.message)).toEqual([])
  })

  it.each(actions)('%s: the form refuses what the server would refuse', (action) => {
    const values = filled(ACTION_FORMS[action], true)
    const body = formBody(action, values)
    if (Value.Check(ActionBodySchemas[action], body)) expect(formProblem(action, values)).toBeNull()
    else expect(formProblem(action, values)).toMatch(/「.+」/)
  })

  it('offers the assistant\'s draft for the reply texts, and only there', () => {
    const drafted = actions.filter((action) => ACTION_FORMS[action].some((f) => f.kind === 'text' && f.drafted))
    expect(drafted.sort()).toEqual(['decide_rereview', 'decide_review', 'reply'])
    for (const action of drafted) expect(ACTION_FORMS[action].find((f) => f.kind === 'text' && f.drafted)?.name).toBe('text')
  })

  it('sends days as a number, leaves optional blanks out, and asks again for the reassign target only when upheld', () => {
    expect(formBody('request_extension', { days: '15', reason: ' 需要现场勘验 ' })).toEqual({ days: 15, reason: '需要现场勘验' })
    expect(formProblem('request_extension', { days: '31', reason: '需要现场勘验' })).toBe('「延长几个工作日（1–30）」请填1到30之间的整数')
    expect(formBody('accept', { note: '  ' })).toEqual({})
    const target = { kind: 'office', region: 'jinshui.huayuanlu' }
    expect(formBody('decide_objection', { upheld: false, reason: '属于本单位', reassignTo: target })).toEqual({ upheld: false, reason: '属于本单位' })
    expect(formBody('decide_objection', { upheld: true, reason: '不属于', reassignTo: target })).toEqual({ upheld: true, reason: '不属于', reassignTo: target })
    expect(formProblem('reply', { text: '已经处理完毕，请查收答复。' })).toBe('请选择「办理结果（如实选择）」')
  })
})
