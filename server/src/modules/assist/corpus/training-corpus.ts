import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { REGION_CODES, type RegionCode } from '@xinfang/shared/catalog'
import { isCategoryCode, type CategoryCode } from '@xinfang/shared/categories'
import { GAZETTEER } from './gazetteer'
import { LEXICON } from './lexicon'
import { TOPICS } from './training-topics'

export interface LabeledExample {
  text: string
  category: Exclude<CategoryCode, 'other'>
}

const here = path.dirname(fileURLToPath(import.meta.url))
export const HANDWRITTEN_FILE = path.join(here, 'train-handwritten.jsonl')
export const HELDOUT_FILE = path.join(here, 'heldout.jsonl')
/** written after the model and its settings were frozen, and never used to change them */
export const FRESH_HELDOUT_FILE = path.join(here, 'heldout-fresh.jsonl')

/** A small seeded generator, so the corpus (and so the model) is the same on every start. */
function mulberry32(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const OPENERS = ['我是{p}的，', '俺家住{p}，', '{p}这边，', '我在{p}住，', '反映个事，{p}的，', '你好，我家在{p}，', '{p}', '']
const ESTATES = ['幸福家园', '锦华苑', '阳光小区', '老纺织厂家属院', '碧桂园', '建业小区', '东方花园', '城中村', '安置小区', '电力家属院']
const ATTEMPTS = ['', '', '打了12345热线也没解决，', '反映了好几次了，', '找过社区，社区说管不了，', '去街道问过，让等通知，', '拖了快半年了，', '已经不是第一回了，']
const ASKS = ['希望有关部门管一管', '这事该找谁', '请尽快给解决', '能不能给个说法', '咋办啊', '求帮助', '到底有没有人管', '请领导重视一下', '']

// Second topics that mislead a keyword matcher: the label stays the complaint's main matter.
const ASIDES = [
  '家里老人还等着看病吃药', '孩子上学的钱都没着落', '房贷每个月还得照还', '打过110，警察说这事不归他们管', '去法院问了说要先走别的程序',
  '找律师咨询过，律师说得先找主管部门', '物业说他们管不了', '社区让找街道，街道让找区里', '冬天暖气也不热，日子更难熬', '低保那点钱根本不够花',
  '工资也拖着没发', '医保也报不了多少', '坐公交去一趟要两个小时', '村里也不管', '投诉到12315也没回音', '环保局的人来看过一眼就走了',
]

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!

function placeMention(rand: () => number): string {
  const region = pick(rand, REGION_CODES) as RegionCode
  const entry = GAZETTEER[region]
  const roll = rand()
  if (roll < 0.4) return pick(rand, entry.names)
  if (roll < 0.8) return pick(rand, entry.streets)[0]
  return `${pick(rand, entry.names)}${pick(rand, ESTATES)}`
}

function generated(perCategory: number, seed: number): LabeledExample[] {
  const rand = mulberry32(seed)
  const out: LabeledExample[] = []
  for (const [category, topic] of Object.entries(TOPICS) as [LabeledExample['category'], (typeof TOPICS)[keyof typeof TOPICS]][]) {
    for (let i = 0; i < perCategory; i += 1) {
      const opener = rand() < 0.7 ? pick(rand, OPENERS).replace('{p}', placeMention(rand)) : ''
      const core = topic.cores[i % topic.cores.length]!
      const detail = rand() < 0.6 ? `，${pick(rand, topic.details)}` : ''
      const aside = rand() < 0.3 ? `，${pick(rand, ASIDES)}` : ''
      const attempt = pick(rand, ATTEMPTS)
      const ask = pick(rand, ASKS)
      const text = `${opener}${core}${detail}${aside}，${attempt}${ask}`.replace(/，+$/, '').replace(/，，/g, '，')
      out.push({ text, category })
    }
  }
  return out
}

const FRAMES = ['关于{a}的事，{b}', '{a}和{b}的问题', '反映{a}，还有{b}', '{a}，{b}，{c}，这该找谁', '{a}的问题一直没解决', '想问问{a}和{c}的事']

/** Short sentences over a category's vocabulary: each word at least once, then in pairs and threes. */
function vocabulary(perCategory: number, seed: number): LabeledExample[] {
  const rand = mulberry32(seed)
  const out: LabeledExample[] = []
  for (const [category, words] of Object.entries(LEXICON) as [LabeledExample['category'], readonly string[]][]) {
    for (const word of words) out.push({ text: `${word}的问题`, category })
    for (let i = 0; i < perCategory; i += 1) {
      const text = pick(rand, FRAMES).replace('{a}', pick(rand, words)).replace('{b}', pick(rand, words)).replace('{c}', pick(rand, words))
      out.push({ text, category })
    }
  }
  return out
}

export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T)
}

function handwritten(): LabeledExample[] {
  return readJsonl<{ text: string; category: string }>(HANDWRITTEN_FILE).map(({ text, category }) => {
    if (!isCategoryCode(category) || category === 'other') throw new Error(`train-handwritten.jsonl: unknown category ${category}`)
    return { text, category }
  })
}

/** The whole training set: the hand-written lines, each twice, the generated letters and the vocabulary sentences. */
export function trainingExamples(): LabeledExample[] {
  const written = handwritten()
  return [...written, ...written, ...generated(60, 20_261_129), ...vocabulary(30, 1_129)]
}
