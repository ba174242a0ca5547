import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'

// Words jieba's general dictionary splits apart but that carry a complaint's meaning whole.
const DOMAIN_WORDS = [
  '暖气片', '采暖费', '暖气费', '热力公司', '换热站', '报停', '不热', '维修基金', '维修资金', '物业费', '交房', '逾期交房', '烂尾', '保交楼',
  '房产证', '不动产证', '不动产权证', '办证', '包工头', '农民工', '欠薪', '社保', '养老金', '工伤认定', '占道经营', '违建', '私搭乱建',
  '路灯', '垃圾清运', '渣土车', '井盖', '二次供水', '刷单', '安全账户', '法律援助', '人民调解', '强制执行', '执行局', '终本', '立案',
  '扬尘', '油烟', '偷排', '预付卡', '办卡', '跑路', '翻新机', '地沟油', '网约车', '老年卡', '划片', '学区', '补课', '校外培训',
  '医保卡', '异地就医', '门诊慢特病', '低保', '特困供养', '残疾人补贴', '养老院', '殡仪馆', '婚姻登记', '收养登记', '拆迁', '征地',
  '过渡费', '回迁', '不动产登记', '土地流转', '承包地', '村集体', '种粮补贴', '答复意见书', '复查', '工单',
]

/** Punctuation, digits and the words every complaint uses, which say nothing about whose it is. */
const NOISE = /^[\s\p{P}\p{S}0-9a-zA-Z]+$/u
const STOP = new Set([
  '的', '了', '是', '我', '俺', '我们', '俺们', '他', '他们', '你', '也', '都', '就', '在', '有', '说', '又', '还', '和', '跟', '给', '让', '把',
  '这', '那', '个', '一', '啊', '吗', '呢', '吧', '不', '没', '没有', '到', '去', '来', '要', '能', '会', '着', '过', '对', '被', '从', '这个',
  '那个', '什么', '怎么', '咋', '啥', '现在', '已经', '一直', '可是', '但是', '就是', '还是', '自己', '一下', '这边', '那边', '这种',
])

export interface Featurizer {
  /** The text's features: jieba words, and character pairs that catch what segmentation misses. */
  features(text: string): string[]
  /** jieba's words, for explaining a decision in the resident's own terms */
  words(text: string): string[]
}

export function createFeaturizer(extraWords: readonly string[]): Featurizer {
  const jieba = Jieba.withDict(dict)
  // a high frequency keeps a place or domain word whole when jieba weighs the cuts
  jieba.loadDict(Buffer.from([...DOMAIN_WORDS, ...extraWords].map((w) => `${w} 50000 n`).join('\n')))

  const words = (text: string) => jieba.cut(text, true).filter((w) => !NOISE.test(w) && !STOP.has(w))

  return {
    words,
    features(text) {
      const out = new Set<string>()
      for (const w of words(text)) out.add(w)
      const han = text.replace(/[^\u4e00-\u9fa5]+/g, '|')
      for (let i = 0; i + 1 < han.length; i += 1) {
        const pair = han.slice(i, i + 2)
        if (!pair.includes('|')) out.add(`~${pair}`)
      }
      return [...out]
    },
  }
}
