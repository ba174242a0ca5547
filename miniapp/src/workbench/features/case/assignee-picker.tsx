import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { isUnitCode } from '@xinfang/shared/catalog'
import type { AssignTarget } from '@xinfang/shared/contracts/cases'
import type { Assignees } from '@xinfang/shared/contracts/workbench'
import { messageOf } from '../../../api/api-error'
import { ErrorBlock, Loading } from '../../../components/feedback'
import { getAssignees } from './api'
import './case.scss'

interface Option {
  key: string
  label: string
  target: AssignTarget
}

const sameTarget = (a: AssignTarget | null, b: AssignTarget) => a !== null && JSON.stringify(a) === JSON.stringify(b)

/** The three kinds of assignee, each a group of big choices. */
function groupsOf(assignees: Assignees): { title: string; options: Option[] }[] {
  return [
    {
      title: '职能部门和单位',
      options: assignees.units.flatMap((u): Option[] =>
        isUnitCode(u.unit) ? [{ key: `u-${u.unit}-${u.region}`, label: u.name, target: { kind: 'unit', unit: u.unit, region: u.region } }] : [],
      ),
    },
    {
      title: '下级信访部门',
      options: assignees.offices.map((o): Option => ({ key: `o-${o.region}`, label: o.name, target: { kind: 'office', region: o.region } })),
    },
    {
      title: '网格员（核实情况）',
      options: assignees.gridMembers.map((g): Option => ({ key: `g-${g.id}`, label: `${g.name}（${g.regionName}）`, target: { kind: 'grid', staffId: g.id } })),
    },
  ].filter((g) => g.options.length > 0)
}

/** Whom the case can go to, from the server (it knows this staff member's jurisdiction). */
export function AssigneePicker({ caseId, value, onChange }: { caseId: string; value: AssignTarget | null; onChange: (target: AssignTarget | null) => void }) {
  const [assignees, setAssignees] = useState<Assignees | null>(null)
  const [error, setError] = useState('')
  const load = () => {
    setError('')
    getAssignees(caseId).then(setAssignees, (e: unknown) => setError(messageOf(e)))
  }
  useEffect(load, [caseId])

  if (error) return <ErrorBlock message={error} onRetry={load} />
  if (!assignees) return <Loading text='正在加载可交办的单位…' />
  const groups = groupsOf(assignees)
  if (groups.length === 0) return <Text className='muted line'>没有可以交办的单位</Text>
  return (
    <View>
      {groups.map((group) => (
        <View key={group.title} className='wb-assignees'>
          <Text className='muted line'>{group.title}</Text>
          {group.options.map((o) => {
            const on = sameTarget(value, o.target)
            return (
              <View key={o.key} className={on ? 'wb-option wb-option--on' : 'wb-option'} onClick={() => onChange(on ? null : o.target)}>
                <Text>{o.label}</Text>
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
