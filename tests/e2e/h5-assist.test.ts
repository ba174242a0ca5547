import { describe, expect, it } from 'vitest'
import { loginResident, loginStaff } from '../support/actors'
import { DEMO_PASSWORD } from '../support/stack'
import { openH5, type H5Session } from './h5-browser'
import { H5_OUTPUT, stepper, useH5Stack } from './h5-stack'

const h5Stack = useH5Stack()

const HEATING = '金水区花园路街道我们小区暖气一直不热，屋里才十四度，热力公司说在调试，老人孩子都冻感冒了。'
const HEATING_UNIT = '郑州热力集团有限公司'
/** What the form's pickers show, in order: category, district, street. */
const pickers = (h5: H5Session) => h5.current().locator('.picker-box').allInnerTexts()

describe('the assistant in H5, against the real API and mocks', () => {
  it('a resident types a heating complaint, takes the suggestion, and the case goes to the heating company', async () => {
    const { stack } = h5Stack()
    const h5 = await openH5(stack.baseUrl, H5_OUTPUT)
    const { step } = stepper(h5, 'assist-resident')
    try {
      await step('signed-in', async () => {
        await h5.open()
        await h5.tapTab('我的')
        await h5.tapButton('登录')
        await h5.see('请登录')
        await h5.current().locator('input').first().fill(`居民${Date.now().toString(36).slice(-4)}`)
        await h5.tapButton('登录')
        await h5.see('当前登录')
        await h5.tapTab('首页')
        await h5.current().getByText('我要反映').first().click()
        await h5.see('遇到了什么问题？')
      })
      await step('suggested', async () => {
        // key by key, as a resident types: the form asks only once they pause
        await h5.current().locator('textarea').pressSequentially(HEATING, { delay: 15 })
        await h5.see(`冬季供暖 · 金水区花园路街道 → ${HEATING_UNIT}`)
        expect(await h5.current().locator('.suggest__line').innerText()).toMatch(/^(看起来是|可能是)：/)
        expect(await h5.current().locator('.suggest__why').innerText()).toContain('花园路街道')
        expect(await pickers(h5)).toEqual([expect.stringContaining('点这里选择'), expect.stringContaining('选择区县')])
      }, { fullPage: true })
      await step('filled', async () => {
        await h5.tapButton('用这个')
        await h5.current().locator('.suggest').waitFor({ state: 'detached' })
        const shown = await pickers(h5)
        expect(shown.map((t) => t.replace('›', '').trim())).toEqual(['冬季供暖', '金水区', '花园路街道'])
        // filled like a manual choice: in the saved draft, so a reload keeps it
        await h5.page.reload()
        await h5.see('遇到了什么问题？')
        expect((await pickers(h5)).map((t) => t.replace('›', '').trim())).toEqual(['冬季供暖', '金水区', '花园路街道'])
        expect(await h5.text()).toContain('民生专区「冬季供暖」')
      }, { fullPage: true })
      await step('submitted', async () => {
        await h5.tapButton('提交')
        await h5.see('提交成功')
        expect(await h5.text()).toContain(HEATING_UNIT)
        await h5.tapButton('查看这件诉求')
        await h5.see('办理过程')
        expect(await h5.text()).toContain(HEATING_UNIT)
      }, { fullPage: true })
      expect(h5.problems()).toEqual([])
    } finally {
      await h5.close()
    }
  }, 120_000)

  it('the heating company gets a reply draft into the reply box and a summary of the case', async () => {
    const { stack } = h5Stack()
    const resident = await loginResident(stack.api, `assist-${Date.now().toString(36).slice(-4)}`)
    const created = await stack.api.post('/api/v1/cases', { content: HEATING, category: 'heating', region: 'jinshui', street: 'jinshui.huayuanlu' }, { token: resident.token })
    expect(created.status).toBe(201)
    const { id, trackingNo } = created.body as { id: string; trackingNo: string }
    const handler = await loginStaff(stack.api, 'heating.handler')
    expect((await stack.api.post(`/api/v1/cases/${id}/actions/accept`, {}, { token: handler.token })).status).toBe(200)

    const staff = await openH5(stack.baseUrl, H5_OUTPUT)
    const { step } = stepper(staff, 'assist-workbench')
    const replyBox = () => staff.current().locator('.wb-form textarea')
    try {
      await step('case', async () => {
        await staff.open('/workbench/pages/login/index')
        await staff.current().locator('input').nth(0).fill('heating.handler')
        await staff.current().locator('input[type=password]').fill(DEMO_PASSWORD)
        await staff.tapButton('登录工作台')
        await staff.page.waitForURL(/workbench\/pages\/home/)
        await staff.open(`/workbench/pages/case/index?id=${id}`)
        await staff.see('反映人')
      })
      await step('summary', async () => {
        await staff.tapButton('案情摘要')
        await staff.current().locator('.section-title', { hasText: '案情摘要' }).waitFor()
        expect(await staff.text()).toMatch(/(智能助手生成|按模板生成)，仅供参考/)
      }, { fullPage: true })
      await step('draft', async () => {
        await staff.current().locator('.wb-action__button').getByText('出具答复意见', { exact: true }).click()
        await replyBox().fill('已联系')
        await staff.tapButton('生成答复草稿')
        // what the staff member typed is replaced only once they say so
        await staff.page.locator('.taro-modal__content', { hasText: '替换已写的内容？' }).waitFor()
        await staff.page.locator('.taro-model__confirm').click()
        await expect.poll(() => replyBox().inputValue()).toContain(trackingNo)
        expect(await staff.current().locator('.wb-draft .wb-draft__source').innerText()).toMatch(/「(智能助手生成|按模板生成)」的草稿/)
      }, { fullPage: true })
      expect(staff.problems()).toEqual([])
    } finally {
      await staff.close()
    }
  }, 120_000)
})
