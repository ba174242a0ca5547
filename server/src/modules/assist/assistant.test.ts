import { categoryOf } from '@xinfang/shared/categories'
import { describe, expect, it } from 'vitest'
import { createAssistant } from './assistant'

const assistant = createAssistant()
const recommend = (text: string) => assistant.recommend(text)

describe('the recommender on hard cases', () => {
  it('keeps a heating complaint with heating although it blames the property company', () => {
    const r = recommend('屋里暖气片冰凉，找物业说不归他们管，让我们找热力，热力又说是小区内部管道的问题，老人冻得直咳嗽')
    expect(r.units[0]!.code).toBe('heating')
    expect(r).toMatchObject({ category: 'heating', zone: 'heating' })
  })

  it('keeps unpaid wages with the labour bureau although the letter mentions a mortgage and school fees', () => {
    const r = recommend('在工地上给人扎钢筋干了五个月，包工头一分钱没结，家里房贷还压着，孩子下学期学费也交不上')
    expect(r.units[0]!.code).toBe('hrss')
    expect(r).toMatchObject({ category: 'unpaid_wages', zone: 'wages' })
  })

  it('sends a fraud report to the police, in the 政法服务 zone', () => {
    const r = recommend('有人打电话说是公安局的，说我银行卡涉嫌洗钱，让我把钱转到什么安全账户，转了三万多才反应过来')
    expect(r.units[0]!.code).toBe('police')
    expect(r).toMatchObject({ category: 'fraud', zone: 'legal' })
  })

  it('puts a police matter outside the fraud category in the 政法服务 zone too', () => {
    const r = recommend('楼下烧烤店的客人每天喝到凌晨三点划拳吵闹，打110也只是来劝一下')
    expect(r.units[0]!.code).toBe('police')
    expect(r.zone).toBe('legal')
  })

  it('ranks the runner-up units behind the best, scores falling', () => {
    const { units } = recommend('在医院住院花了三万多，出院结算的时候医保只报了一小部分')
    expect(units.length).toBeGreaterThanOrEqual(3)
    expect(units.map((u) => u.score)).toEqual([...units.map((u) => u.score)].sort((a, b) => b - a))
  })
})

describe('where the complaint is', () => {
  it('finds the district from a township alone', () => {
    expect(recommend('俺是辛店镇的，村里的低保名额给了村干部亲戚').region).toBe('xinzheng')
  })

  it('pre-fills the street when a seed street is named', () => {
    expect(recommend('花园路街道一个小区门口天天有人摆摊卖菜')).toMatchObject({ region: 'jinshui', street: 'jinshui.huayuanlu' })
  })

  it('prefers the longer name: 新郑机场 is in the airport zone, not 新郑市', () => {
    expect(recommend('新郑机场附近的村子征地补偿一直没发').region).toBe('hangkonggang')
  })

  it('gives no region when none is named, and does not take 上街 (to go shopping) for 上街区', () => {
    expect(recommend('孩子上街买东西被人抢了手机').region).toBeNull()
    expect(recommend('公交车老是不进站').region).toBeNull()
  })

  it('says why, in plain Chinese', () => {
    const r = recommend('二七区这边的暖气一直不热，屋里才十四度')
    expect(r.reasons.join('')).toMatch(/提到“.+”/)
    expect(r.reasons.join('')).toContain('二七区')
  })
})

describe('its answers agree with the catalog', () => {
  it('chooses a category of the top unit, and the zone that category or unit implies', () => {
    for (const text of ['物业费涨了服务没变', '孩子入学划片太远', '村里的账目不公开', '养老金迟迟不发', '判决了对方就是不执行']) {
      const r = recommend(text)
      expect(categoryOf(r.category!).unit).toBe(r.units[0]!.code)
    }
  })

  it('is unsure about text that says nothing, and suggests no category for an empty one', () => {
    expect(recommend('你好，在吗').confident).toBe(false)
    expect(recommend('。。。')).toMatchObject({ category: null, zone: null, confident: false, confidence: 0 })
  })

  it('is quick: a thousand recommendations in well under a second', () => {
    const text = '金水区花园路街道我们小区的暖气一直不热，物业说是热力公司的事，热力公司说是小区管网的问题，屋里才十五度，老人孩子都冻感冒了'
    const start = performance.now()
    for (let i = 0; i < 1000; i += 1) recommend(text)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})

describe('recommendationNote', () => {
  it('says on the timeline whether the case was dispatched on the advice or sent to triage, and why', async () => {
    const { recommendationNote } = await import('./recommendation-note')
    expect(recommendationNote(recommend('二七区这边暖气片一点都不热，屋里才十三度，热力公司也不来人'))).toMatch(/^智能推荐郑州热力集团有限公司（把握\d+%）：提到“.+直接派发$/)
    expect(recommendationNote(recommend('你好，在吗'))).toMatch(/把握不大.*转信访部门人工分办$/)
  })
})
