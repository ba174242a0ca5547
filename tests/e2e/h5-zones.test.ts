import { describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { DEMO_PASSWORD } from '../support/stack'
import { openH5 } from './h5-browser'
import { H5_OUTPUT, useH5Stack } from './h5-stack'

const TRACKING_NO = /\d{4}-\d{4}-\d{4}/
const h5Stack = useH5Stack()

describe('H5 livelihood zones in headless Chromium', () => {
  it('a housing project QR opens the housing zone with the project chosen; the case goes to both offices with its answer clock', async () => {
    const { stack } = h5Stack()
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open('/')
      await h5.signIn(`买房人${Date.now().toString(36).slice(-4)}`)
      // as the QR code in the sales office opens it
      await h5.open('/pages/zone/index?zone=housing&pick=hp-jinshui-jinxiu')
      await h5.see('楼盘交付')
      await h5.see('锦绣华庭')
      expect(await h5.text()).toContain('需要办理的问题：3个工作日内答复')

      // sending with the matter unanswered is stopped on the phone, in the API's words
      await h5.current().locator('textarea').fill('合同约定去年6月交房，到现在还没交，开发商一直拖着不给说法。')
      await h5.tapButton('提交')
      await h5.see('请填写「楼栋」')

      await h5.current().getByText('反映问题，需要办理').click()
      await h5.current().locator('input[placeholder="例如 3号楼"]').fill('3号楼')
      await h5.current().getByText('交付逾期', { exact: true }).click()
      await h5.screenshot('zone-housing-form', { fullPage: true })
      await h5.tapButton('提交')
      await h5.see('提交成功')
      const result = await h5.text()
      expect(result).toMatch(TRACKING_NO)
      expect(result).toContain('住房和城乡建设局')
      expect(result).toContain('金水区信访局')
      expect(result).toMatch(/应答复时间：.*前（3个工作日内答复）/)

      await h5.tapButton('查看这件诉求')
      await h5.see('办理过程')
      expect(await h5.text()).toContain('应答复时间（3个工作日内答复）')
      const caseId = new URL(h5.page.url().replace('/#/', '/')).searchParams.get('id')
      const office = await loginStaff(stack.api, 'jinshui.office')
      const detail = (await stack.api.get(`/api/v1/cases/${caseId}`, { token: office.token })).body
      expect(detail).toMatchObject({ zone: 'housing', category: 'housing_delivery', street: 'jinshui.huayuanlu', zoneClock: { triage: 'complex' } })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 120_000)

  it('a heating question from the home page carries the one-hour clock, told to the minute', async () => {
    const { stack } = h5Stack()
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open('/')
      await h5.signIn(`供暖户${Date.now().toString(36).slice(-4)}`)
      await h5.tapTab('首页')
      await h5.current().getByText('冬季供暖').first().click()
      await h5.see('暖气不热、停暖、漏水，直接转热力公司')
      await h5.current().locator('textarea').fill('请问今年什么时候开始供暖？我家暖气还是凉的。')
      await h5.current().getByText('咨询', { exact: true }).click()
      await h5.see('1小时内答复')
      await h5.current().locator('input[placeholder="填写室内温度（℃）"]').fill('15')
      await h5.current().getByText('选择日期').click()
      // today, as the picker opens on it
      await h5.page.locator('.weui-picker:visible').getByText('确定', { exact: true }).click()
      await h5.current().getByText('选择区县').click()
      await h5.pick('金水区')
      await h5.current().getByRole('textbox', { name: /详细地址/ }).fill('农业院社区5号楼2单元301')
      await h5.tapButton('提交')
      await h5.see('提交成功')
      expect(await h5.text()).toMatch(/应答复时间：\d{4}年\d+月\d+日 \d{2}:\d{2}前（1小时内答复）/)
      expect(await h5.text()).toContain('郑州热力集团有限公司')
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 120_000)

  it('the district office works its 民生专区 queue: the hour question first, counting down, and the zones figures above it', async () => {
    const { stack } = h5Stack()
    const resident = await loginResident(stack.api, `住户${Date.now().toString(36).slice(-4)}`)
    const file = (body: Record<string, unknown>) => stack.api.post('/api/v1/cases', body, { token: resident.token })
    const problem = await file({ content: '新房交付一年了，墙面大面积开裂渗水。', zone: 'housing', ask: 'problem', zoneForm: { projectId: 'hp-jinshui-nongke', building: '5号楼', matter: 'quality' } })
    const question = await file({ content: '请问房屋质量保修期是几年？', zone: 'housing', ask: 'consult', zoneForm: { projectId: 'hp-jinshui-nongke', building: '5号楼', matter: 'quality' } })
    expect([problem.status, question.status]).toEqual([201, 201])
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    try {
      await h5.open()
      await h5.tapTab('我的')
      await h5.current().getByText('工作人员入口').click()
      await h5.see('供各级信访部门')
      await h5.current().locator('input').nth(0).fill('jinshui.office')
      await h5.current().locator('input[type=password]').fill(DEMO_PASSWORD)
      await h5.tapButton('登录工作台')
      await h5.see('今日新增')
      await h5.current().locator('.wb-queue--zones').click()
      await h5.see('民生专区 · 近30天')
      await h5.see(question.body.trackingNo)
      const items = await h5.current().locator('.wb-item').allInnerTexts()
      const at = (no: string) => items.findIndex((text) => text.includes(no))
      // the hour's question before the three days' problem, counting down in minutes
      expect(at(question.body.trackingNo)).toBeGreaterThanOrEqual(0)
      expect(at(question.body.trackingNo)).toBeLessThan(at(problem.body.trackingNo))
      expect(items[at(question.body.trackingNo)]).toMatch(/应答复 · 还剩 \d+ 分钟/)
      expect(items[at(problem.body.trackingNo)]).not.toMatch(/还剩 \d+ 分钟/)
      expect(await h5.current().locator('.wb-zone-stats').innerText()).toMatch(/楼盘交付\s*[1-9]\d* 件/)
      await h5.screenshot('zone-workbench-queue', { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 120_000)
})
