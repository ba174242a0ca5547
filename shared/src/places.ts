import { REGIONS, isRegionCode, type RegionCode } from './catalog'

// Jurisdiction tree: city > district/county > street/township > community > grid.
// Codes are dotted paths (`jinshui.huayuanlu.nongyeyuan.g01`) so "is this case in
// my jurisdiction" is a string comparison the database can index. The data below
// is the seed; the server may hold more streets, communities and grids, so the
// structural functions work on any well-formed code, the naming ones on known codes.

export const PLACE_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const
export type PlaceLevel = (typeof PLACE_LEVELS)[number]

export interface Place {
  readonly code: string
  readonly name: string
  readonly level: PlaceLevel
  readonly parent: string | null
}

export const CITY = 'city'
const CITY_NAME = '郑州市'

// [code, name] pairs, pinyin codes. Towns (镇/乡) sit at the street level.
const STREETS: Record<RegionCode, readonly (readonly [string, string])[]> = {
  zhongyuan: [['linshanzhai', '林山寨街道'], ['jianshelu', '建设路街道'], ['mianfanglu', '棉纺路街道'], ['qinlinglu', '秦岭路街道'], ['tongbailu', '桐柏路街道'], ['sanguanmiao', '三官庙街道'], ['ruhelu', '汝河路街道']],
  erqi: [['jiefanglu', '解放路街道'], ['minggonglu', '铭功路街道'], ['yimalu', '一马路街道'], ['mifengzhang', '蜜蜂张街道'], ['wulibao', '五里堡街道'], ['dehuajie', '德化街街道'], ['huaihelu', '淮河路街道'], ['mazhai', '马寨镇']],
  guancheng: [['beixiajie', '北下街街道'], ['xidajie', '西大街街道'], ['nanguan', '南关街道'], ['chengdonglu', '城东路街道'], ['dongdajie', '东大街街道'], ['erligang', '二里岗街道'], ['shibalihe', '十八里河街道']],
  jinshui: [['huayuanlu', '花园路街道'], ['jingbalu', '经八路街道'], ['renminlu', '人民路街道'], ['duling', '杜岭街道'], ['wenhualu', '文化路街道'], ['fengchanlu', '丰产路街道'], ['dongfenglu', '东风路街道'], ['weilailu', '未来路街道'], ['dashiqiao', '大石桥街道'], ['nanyanglu', '南阳路街道']],
  shangjie: [['jiyuanlu', '济源路街道'], ['zhongxinlu', '中心路街道'], ['xinanlu', '新安路街道'], ['gongyelu', '工业路街道'], ['kuangshan', '矿山街道'], ['xiawo', '峡窝镇']],
  huiji: [['xincheng', '新城街道'], ['changxinglu', '长兴路街道'], ['yingbinlu', '迎宾路街道'], ['liuzhai', '刘寨街道'], ['laoyachen', '老鸦陈街道'], ['huayuankou', '花园口镇'], ['guxing', '古荥镇']],
  zhengdong: [['ruyihu', '如意湖街道'], ['longzihu', '龙子湖街道'], ['boxuelu', '博学路街道'], ['jichenglu', '祭城路街道'], ['shangdulu', '商都路街道']],
  gaoxin: [['wutong', '梧桐街道'], ['shifo', '石佛街道'], ['gouzhao', '沟赵街道'], ['fengyang', '枫杨街道'], ['shuangqiao', '双桥街道']],
  jingkai: [['minghu', '明湖街道'], ['chaohe', '潮河街道'], ['jiulong', '九龙街道'], ['jinghang', '京航街道'], ['qiancheng', '前程街道']],
  hangkonggang: [['xingang', '新港街道'], ['binhe', '滨河街道'], ['minggang', '明港街道'], ['yinhe', '银河街道'], ['longwang', '龙王街道']],
  zhongmou: [['qingnianlu', '青年路街道'], ['guanghuijie', '广惠街街道'], ['guandu', '官渡镇'], ['langchenggang', '狼城岗镇'], ['wantan', '万滩镇'], ['yanminghu', '雁鸣湖镇']],
  gongyi: [['xiaoyi', '孝义街道'], ['xinhualu', '新华路街道'], ['dufulu', '杜甫路街道'], ['zijinglu', '紫荆路街道'], ['mihe', '米河镇'], ['zhanjie', '站街镇']],
  xingyang: [['suohe', '索河街道'], ['jingchenglu', '京城路街道'], ['yulong', '豫龙镇'], ['guangwu', '广武镇'], ['sishui', '汜水镇'], ['jiayu', '贾峪镇']],
  xinmi: [['qingpingjie', '青屏街街道'], ['xinhualu', '新华路街道'], ['xidajie', '西大街街道'], ['kuangqu', '矿区街道'], ['chaohua', '超化镇'], ['quliang', '曲梁镇']],
  xinzheng: [['xinjianlu', '新建路街道'], ['xinhualu', '新华路街道'], ['xinyan', '新烟街道'], ['longhu', '龙湖镇'], ['xuedian', '薛店镇'], ['mengzhuang', '孟庄镇'], ['guodian', '郭店镇']],
  dengfeng: [['songyang', '嵩阳街道'], ['shaolin', '少林街道'], ['zhongyue', '中岳街道'], ['gaocheng', '告成镇'], ['dajindian', '大金店镇'], ['ludian', '卢店镇']],
}

// Communities for one street per district; each gets grids g01 and g02.
const COMMUNITIES: Record<string, readonly (readonly [string, string])[]> = {
  'zhongyuan.linshanzhai': [['funiulu', '伏牛路社区'], ['baihualu', '百花路社区']],
  'erqi.jiefanglu': [['qiantanglu', '钱塘路社区'], ['yuanlingjie', '苑陵街社区']],
  'guancheng.beixiajie': [['shuyuanjie', '书院街社区'], ['shangchenglu', '商城路社区']],
  'jinshui.huayuanlu': [['nongyeyuan', '农业院社区'], ['nongkelu', '农科路社区']],
  'jinshui.jingbalu': [['weiwulu', '纬五路社区'], ['jingqilu', '经七路社区']],
  'shangjie.jiyuanlu': [['chaoyang', '朝阳社区'], ['xiangyang', '向阳社区']],
  'huiji.xincheng': [['jiangshanlu', '江山路社区'], ['tianhelu', '天河路社区']],
  'zhengdong.ruyihu': [['ruyidong', '如意东社区'], ['ruyixi', '如意西社区']],
  'gaoxin.wutong': [['dongqing', '冬青社区'], ['cuizhu', '翠竹社区']],
  'jingkai.minghu': [['minghu', '明湖社区'], ['binhe', '滨河社区']],
  'hangkonggang.xingang': [['xingang', '新港社区'], ['huaxia', '华夏社区']],
  'zhongmou.qingnianlu': [['dongguan', '东关社区'], ['beiguan', '北关社区']],
  'gongyi.xiaoyi': [['xiaonan', '孝南社区'], ['xiaobei', '孝北社区']],
  'xingyang.suohe': [['yanwulu', '演武路社区'], ['chenggaolu', '成皋路社区']],
  'xinmi.qingpingjie': [['qingping', '青屏社区'], ['dongdajie', '东大街社区']],
  'xinzheng.xinjianlu': [['renminlu', '人民路社区'], ['jincheng', '金城社区']],
  'dengfeng.songyang': [['songyang', '嵩阳社区'], ['shuyuanhe', '书院河社区']],
}
const GRIDS = [['g01', '第一网格'], ['g02', '第二网格']] as const

const buildPlaces = (): Place[] => {
  const places: Place[] = [{ code: CITY, name: CITY_NAME, level: 'city', parent: null }]
  for (const region of REGIONS) {
    places.push({ code: region.code, name: region.name, level: 'district', parent: CITY })
    for (const [streetKey, streetName] of STREETS[region.code]) {
      const street = `${region.code}.${streetKey}`
      places.push({ code: street, name: streetName, level: 'street', parent: region.code })
      for (const [communityKey, communityName] of COMMUNITIES[street] ?? []) {
        const community = `${street}.${communityKey}`
        places.push({ code: community, name: communityName, level: 'community', parent: street })
        for (const [gridKey, gridSuffix] of GRIDS) {
          const name = `${communityName}${gridSuffix}`
          places.push({ code: `${community}.${gridKey}`, name, level: 'grid', parent: community })
        }
      }
    }
  }
  return places
}

export const PLACES: readonly Place[] = buildPlaces()
const byCode = new Map(PLACES.map((p) => [p.code, p]))

const SEGMENT = /^[a-z0-9]+$/

// Segments of a well-formed code below the city, or null. The first segment must be
// one of the 16 contract regions; deeper levels only need to look like codes.
const segmentsOf = (code: string): string[] | null => {
  const parts = code.split('.')
  if (parts.length > 4 || !isRegionCode(parts[0])) return null
  return parts.every((p) => SEGMENT.test(p)) ? parts : null
}

/** Well-formed: `city`, or a region code followed by up to three lowercase segments. */
export const isPlaceCode = (code: unknown): code is string =>
  typeof code === 'string' && (code === CITY || segmentsOf(code) !== null)

export const isKnownPlace = (code: string): boolean => byCode.has(code)

export const placeLevel = (code: string): PlaceLevel | null => {
  if (code === CITY) return 'city'
  const parts = segmentsOf(code)
  return parts ? (PLACE_LEVELS[parts.length] ?? null) : null
}

export const parentOf = (code: string): string | null => {
  const parts = segmentsOf(code)
  if (!parts) return null
  return parts.length === 1 ? CITY : parts.slice(0, -1).join('.')
}

/** Strict ancestors, city first; empty for the city and for malformed codes. */
export const ancestorsOf = (code: string): string[] => {
  const parts = segmentsOf(code)
  if (!parts) return []
  return [CITY, ...parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'))]
}

/** True when `code` is `ancestor` or lies below it; compares whole segments. */
export const isWithin = (code: string, ancestor: string): boolean => {
  if (!isPlaceCode(code) || !isPlaceCode(ancestor)) return false
  return ancestor === CITY || code === ancestor || code.startsWith(`${ancestor}.`)
}

export const districtOf = (code: string): RegionCode | null => {
  const first = segmentsOf(code)?.[0]
  return isRegionCode(first) ? first : null
}

export const placeName = (code: string): string | null => byCode.get(code)?.name ?? null

/**
 * District down to the place, as written on letters: 金水区花园路街道农业院社区. A grid's
 * own name already repeats its community's, so that prefix is not written twice.
 */
export const fullPlaceName = (code: string): string | null => {
  if (code === CITY) return CITY_NAME
  if (!byCode.has(code)) return null
  let full = ''
  let previous = ''
  for (const c of [...ancestorsOf(code).slice(1), code]) {
    const name = byCode.get(c)?.name ?? ''
    full += previous && name.startsWith(previous) ? name.slice(previous.length) : name
    previous = name
  }
  return full
}

const childrenOf = (parent: string): Place[] => PLACES.filter((p) => p.parent === parent)

export const streetsOf = (region: RegionCode): Place[] => childrenOf(region)
export const communitiesOf = (street: string): Place[] =>
  placeLevel(street) === 'street' ? childrenOf(street) : []
export const gridsOf = (community: string): Place[] =>
  placeLevel(community) === 'community' ? childrenOf(community) : []
