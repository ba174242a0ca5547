import { describe, expect, it } from 'vitest'
import { parseChineseNumber } from './chinese-number'
import { extractFacts } from './facts'

describe('parseChineseNumber', () => {
  it.each([
    ['两千三百', 2300], ['一万四千', 14000], ['三千八', 3800], ['一万五', 15000], ['十五万', 150000],
    ['一千零五', 1005], ['1.5万', 15000], ['1万2', 12000], ['2300', 2300], ['２８', 28],
  ])('reads %s as %d', (text, value) => expect(parseChineseNumber(text)).toBe(value))

  it('refuses what is not a number', () => {
    expect(parseChineseNumber('')).toBeNull()
    expect(parseChineseNumber('三天')).toBeNull()
  })
})

describe('extractFacts', () => {
  it('finds amounts written the way people write them, in yuan', () => {
    const { amounts } = extractFacts('欠我一万四千多，车位一个十五万，两千三百块被转走，又交了1.5万元押金，工资一千五')
    expect(amounts).toEqual([
      { text: '一万四千多', yuan: 14000 },
      { text: '十五万', yuan: 150000 },
      { text: '两千三百块', yuan: 2300 },
      { text: '1.5万元', yuan: 15000 },
      { text: '一千五', yuan: 1500 },
    ])
  })

  it('does not take counts of people, land or time for money', () => {
    expect(extractFacts('三千多户居民，两万亩地，一千多人，干了七个月').amounts).toEqual([])
  })

  it('finds dates, buildings and rooms, and named companies', () => {
    const facts = extractFacts('我在郑州宏达建筑劳务有限公司干活，住3号楼2单元1201室，2023年5月12号入职，上个月起没发工资，春节以后老板也不见了；在一家叫“麦香园”的蛋糕店买的')
    expect(facts.dates).toEqual(['2023年5月12号', '上个月', '春节以后'])
    expect(facts.buildings).toEqual(['3号楼', '2单元', '1201室'])
    expect(facts.companies).toEqual(['郑州宏达建筑劳务有限公司', '麦香园'])
  })

  it('leaves a generic 公司 unnamed', () => {
    expect(extractFacts('公司拖欠工资，一家科技公司也这样').companies).toEqual([])
  })
})
