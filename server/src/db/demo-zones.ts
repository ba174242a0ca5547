import type { Database } from './database'

/**
 * Demo housing projects and heat stations for the zones' forms. In production the housing bureau
 * and the heating company keep these lists; the names here are made up and belong to nobody.
 */
export const DEMO_HOUSING_PROJECTS = [
  { id: 'hp-jinshui-jinxiu', name: '锦绣华庭', developer: '郑州锦程置业有限公司', address: '金水区花园路与农业路交叉口东北角', regionCode: 'jinshui', streetCode: 'jinshui.huayuanlu', promisedDelivery: '2025-06-30' },
  { id: 'hp-jinshui-nongke', name: '农科路壹号院', developer: '河南嘉和房地产开发有限公司', address: '金水区农科路38号', regionCode: 'jinshui', streetCode: 'jinshui.huayuanlu', promisedDelivery: '2026-03-31' },
  { id: 'hp-erqi-qiantang', name: '钱塘春晓', developer: '郑州润泽置业有限公司', address: '二七区钱塘路与解放路交叉口西南', regionCode: 'erqi', streetCode: 'erqi.jiefanglu', promisedDelivery: '2024-12-31' },
  { id: 'hp-zhengdong-ruyi', name: '如意湖畔·云著', developer: '郑东新区龙湖置业有限公司', address: '郑东新区如意湖东路与商务外环交叉口', regionCode: 'zhengdong', streetCode: 'zhengdong.ruyihu', promisedDelivery: '2026-09-30' },
  { id: 'hp-huiji-jiangshan', name: '江山府', developer: '郑州天和房地产开发有限公司', address: '惠济区江山路与天河路交叉口东南', regionCode: 'huiji', streetCode: 'huiji.xincheng', promisedDelivery: '2025-10-31' },
  { id: 'hp-gaoxin-wutong', name: '梧桐苑三期', developer: '郑州高新城建开发有限公司', address: '高新区梧桐街与冬青街交叉口', regionCode: 'gaoxin', streetCode: 'gaoxin.wutong', promisedDelivery: '2025-12-31' },
] as const

export const DEMO_HEAT_STATIONS = [
  { code: 'hs-jinshui-0101', name: '花园路1号换热站', address: '金水区花园路农业院社区内', regionCode: 'jinshui', streetCode: 'jinshui.huayuanlu' },
  { code: 'hs-jinshui-0102', name: '农科路换热站', address: '金水区农科路与文博西路交叉口', regionCode: 'jinshui', streetCode: 'jinshui.huayuanlu' },
  { code: 'hs-jinshui-0201', name: '经八路换热站', address: '金水区经八路纬五路社区', regionCode: 'jinshui', streetCode: 'jinshui.jingbalu' },
  { code: 'hs-erqi-0101', name: '解放路换热站', address: '二七区解放路钱塘路社区', regionCode: 'erqi', streetCode: 'erqi.jiefanglu' },
  { code: 'hs-zhongyuan-0101', name: '伏牛路换热站', address: '中原区伏牛路社区', regionCode: 'zhongyuan', streetCode: 'zhongyuan.linshanzhai' },
  { code: 'hs-guancheng-0101', name: '书院街换热站', address: '管城回族区书院街社区', regionCode: 'guancheng', streetCode: 'guancheng.beixiajie' },
] as const

/** Adds the demo projects and stations that are missing; safe on every start and on several nodes at once. */
export async function seedDemoZones(db: Database, now: Date): Promise<number> {
  const { housingProjects, heatStations } = db.tables
  return db.transaction(async (tx) => {
    await db.lockKey(tx, 'bootstrap:demo-zones')
    const projects = new Set((await tx.select({ id: housingProjects.id }).from(housingProjects)).map((p) => p.id))
    const stations = new Set((await tx.select({ code: heatStations.code }).from(heatStations)).map((s) => s.code))
    const newProjects = DEMO_HOUSING_PROJECTS.filter((p) => !projects.has(p.id)).map((p) => ({ ...p, createdAt: now }))
    const newStations = DEMO_HEAT_STATIONS.filter((s) => !stations.has(s.code)).map((s) => ({ ...s, createdAt: now }))
    if (newProjects.length > 0) await tx.insert(housingProjects).values(newProjects)
    if (newStations.length > 0) await tx.insert(heatStations).values(newStations)
    return newProjects.length + newStations.length
  })
}
