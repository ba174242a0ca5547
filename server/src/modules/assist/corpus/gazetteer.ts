import type { RegionCode } from '@xinfang/shared/catalog'

/**
 * Where a complaint is, from the names people type. Per district: the ways residents name the
 * district itself, its streets and townships (the seed streets in shared/src/places.ts carry
 * their key so a hit can pre-fill the street picker; the others only name the district), and
 * well-known places. Short forms (花园路 for 花园路街道) are derived in gazetteer.ts; a short form
 * that two districts share (新华路, 西大街, 刘寨) is dropped there rather than guessed.
 */
export interface GazetteerRegion {
  /** the district named outright, full and colloquial */
  names: readonly string[]
  /** [full name, seed street key or null, extra colloquial forms] */
  streets: readonly (readonly [name: string, key: string | null, extra?: readonly string[]])[]
  /** landmarks, markets, estates and roads everyone places in this district */
  places: readonly string[]
}

export const GAZETTEER: Record<RegionCode, GazetteerRegion> = {
  zhongyuan: {
    names: ['中原区'],
    streets: [
      ['林山寨街道', 'linshanzhai'], ['建设路街道', 'jianshelu'], ['棉纺路街道', 'mianfanglu'], ['秦岭路街道', 'qinlinglu'],
      ['桐柏路街道', 'tongbailu'], ['三官庙街道', 'sanguanmiao'], ['汝河路街道', 'ruhelu'], ['绿东村街道', null],
      ['航海西路街道', null], ['中原西路街道', null], ['须水街道', null], ['莲湖街道', null],
    ],
    places: ['碧沙岗', '西流湖', '中原万达', '郑州西站', '伏牛路', '百花路', '化工路', '陇海西路', '中原路', '须水镇'],
  },
  erqi: {
    names: ['二七区', '二七'],
    streets: [
      ['解放路街道', 'jiefanglu'], ['铭功路街道', 'minggonglu'], ['一马路街道', 'yimalu'], ['蜜蜂张街道', 'mifengzhang'],
      ['五里堡街道', 'wulibao'], ['德化街街道', 'dehuajie'], ['淮河路街道', 'huaihelu'], ['马寨镇', 'mazhai'],
      ['大学路街道', null], ['建中街街道', null], ['福华街街道', null], ['人和路街道', null], ['长江路街道', null],
      ['嵩山路街道', null], ['京广路街道', null], ['侯寨乡', null, ['侯寨']], ['樱桃沟街道', null, ['樱桃沟']],
    ],
    places: ['二七广场', '二七塔', '二七万达', '郑州火车站', '郑州站', '银基商贸城', '敦睦路', '大学路', '火车站西广场', '齐礼阎'],
  },
  guancheng: {
    names: ['管城回族区', '管城区', '管城'],
    streets: [
      ['北下街街道', 'beixiajie'], ['西大街街道', 'xidajie'], ['南关街道', 'nanguan'], ['城东路街道', 'chengdonglu'],
      ['东大街街道', 'dongdajie'], ['二里岗街道', 'erligang'], ['十八里河街道', 'shibalihe', ['十八里河镇']],
      ['陇海马路街道', null], ['紫荆山南路街道', null], ['航海东路街道', null], ['南曹街道', null, ['南曹乡', '南曹']], ['金岱街道', null, ['金岱']],
    ],
    places: ['城隍庙', '商城遗址', '书院街', '货站街', '紫荆山南路', '郑州商代遗址'],
  },
  jinshui: {
    names: ['金水区', '金水'],
    streets: [
      ['花园路街道', 'huayuanlu'], ['经八路街道', 'jingbalu'], ['人民路街道', 'renminlu'], ['杜岭街道', 'duling'],
      ['文化路街道', 'wenhualu'], ['丰产路街道', 'fengchanlu'], ['东风路街道', 'dongfenglu'], ['未来路街道', 'weilailu'],
      ['大石桥街道', 'dashiqiao'], ['南阳路街道', 'nanyanglu'], ['北林路街道', null], ['凤凰台街道', null], ['兴达路街道', null],
      ['国基路街道', null], ['杨金路街道', null], ['丰庆路街道', null], ['南阳新村街道', null], ['庙李街道', null, ['庙李']],
    ],
    places: ['紫荆山公园', '农业路', '国贸360', '曼哈顿广场', '经三路', '纬五路', '金水路', '北环', '农科路', '省体育中心', '黄河路', '政七街'],
  },
  shangjie: {
    names: ['上街区'],
    streets: [
      ['济源路街道', 'jiyuanlu'], ['中心路街道', 'zhongxinlu'], ['新安路街道', 'xinanlu'], ['工业路街道', 'gongyelu'],
      ['矿山街道', 'kuangshan'], ['峡窝镇', 'xiawo', ['峡窝']],
    ],
    places: ['上街机场', '中铝河南分公司', '上街铝厂'],
  },
  huiji: {
    names: ['惠济区', '惠济'],
    streets: [
      ['新城街道', 'xincheng'], ['长兴路街道', 'changxinglu'], ['迎宾路街道', 'yingbinlu'], ['刘寨街道', 'liuzhai'],
      ['老鸦陈街道', 'laoyachen'], ['花园口镇', 'huayuankou'], ['古荥镇', 'guxing'], ['大河路街道', null],
    ],
    places: ['黄河游览区', '黄河风景名胜区', '江山路', '天河路', '英才街', '惠济万达', '保合寨'],
  },
  zhengdong: {
    names: ['郑东新区', '郑东'],
    streets: [
      ['如意湖街道', 'ruyihu'], ['龙子湖街道', 'longzihu'], ['博学路街道', 'boxuelu'], ['祭城路街道', 'jichenglu', ['祭城']],
      ['商都路街道', 'shangdulu'], ['白沙镇', null, ['白沙园区']], ['杨桥街道', null], ['豫兴街道', null],
    ],
    places: ['郑东CBD', '会展中心', '大玉米', '郑州东站', '高铁东站', '心怡路', '龙湖金融岛', '龙子湖高校园区', '金水东路', '农业南路', '七里河', '北龙湖', '东风南路'],
  },
  gaoxin: {
    names: ['高新区', '高新技术开发区', '高新开发区'],
    streets: [
      ['梧桐街道', 'wutong'], ['石佛街道', 'shifo', ['石佛']], ['沟赵街道', 'gouzhao', ['沟赵乡', '沟赵']],
      ['枫杨街道', 'fengyang'], ['双桥街道', 'shuangqiao'],
    ],
    places: ['科学大道', '大学科技园', '郑大新校区', '郑州大学新校区', '瑞达路', '长椿路', '冬青街', '莲花街', '西四环', '国家大学科技园', '须水河'],
  },
  jingkai: {
    names: ['经开区', '经济开发区', '经济技术开发区'],
    streets: [
      ['明湖街道', 'minghu'], ['潮河街道', 'chaohe'], ['九龙街道', 'jiulong', ['九龙镇']], ['京航街道', 'jinghang'],
      ['前程街道', 'qiancheng'], ['祥云街道', null], ['朝凤路街道', null],
    ],
    places: ['国际物流园区', '宇通客车', '经开第八大街', '经南八路', '滨河国际新城', '经北一路', '航海东路第'],
  },
  hangkonggang: {
    names: ['航空港区', '航空港', '港区', '空港', '航空港经济综合实验区'],
    streets: [
      ['新港街道', 'xingang'], ['滨河街道', 'binhe'], ['明港街道', 'minggang'], ['银河街道', 'yinhe'], ['龙王街道', 'longwang', ['龙王乡']],
      ['张庄街道', null, ['张庄镇']], ['八岗街道', null, ['八岗镇', '八岗']], ['冯堂街道', null, ['冯堂']], ['岗李街道', null, ['岗李乡', '岗李']],
    ],
    places: ['新郑机场', '新郑国际机场', '郑州机场', '富士康', '园博园', '双鹤湖', '苑陵故城'],
  },
  zhongmou: {
    names: ['中牟县', '中牟'],
    streets: [
      ['青年路街道', 'qingnianlu'], ['广惠街街道', 'guanghuijie'], ['官渡镇', 'guandu'], ['狼城岗镇', 'langchenggang'],
      ['万滩镇', 'wantan'], ['雁鸣湖镇', 'yanminghu'], ['韩寺镇', null], ['姚家镇', null], ['黄店镇', null], ['大孟镇', null],
      ['刘集镇', null], ['郑庵镇', null], ['三官庙乡', null],
    ],
    places: ['方特', '电影小镇', '绿博园', '中牟县城', '建业电影小镇'],
  },
  gongyi: {
    names: ['巩义市', '巩义', '巩县'],
    streets: [
      ['孝义街道', 'xiaoyi'], ['新华路街道', 'xinhualu'], ['杜甫路街道', 'dufulu'], ['紫荆路街道', 'zijinglu'], ['米河镇', 'mihe'],
      ['站街镇', 'zhanjie'], ['永安路街道', null], ['回郭镇', null], ['芝田镇', null], ['北山口镇', null], ['西村镇', null],
      ['大峪沟镇', null], ['河洛镇', null], ['康店镇', null], ['小关镇', null], ['竹林镇', null], ['鲁庄镇', null],
      ['涉村镇', null], ['夹津口镇', null], ['新中镇', null],
    ],
    places: ['康百万庄园', '杜甫故里', '宋陵', '巩义站'],
  },
  xingyang: {
    names: ['荥阳市', '荥阳'],
    streets: [
      ['索河街道', 'suohe'], ['京城路街道', 'jingchenglu'], ['豫龙镇', 'yulong'], ['广武镇', 'guangwu'], ['汜水镇', 'sishui'],
      ['贾峪镇', 'jiayu'], ['乔楼镇', null], ['王村镇', null], ['高村乡', null], ['刘河镇', null], ['崔庙镇', null], ['城关乡', null],
    ],
    places: ['环翠峪', '楚河汉界', '荥阳古城', '虎牢关'],
  },
  xinmi: {
    names: ['新密市', '新密'],
    streets: [
      ['青屏街街道', 'qingpingjie'], ['新华路街道', 'xinhualu'], ['西大街街道', 'xidajie'], ['矿区街道', 'kuangqu'],
      ['超化镇', 'chaohua'], ['曲梁镇', 'quliang', ['曲梁街道']], ['牛店镇', null], ['平陌镇', null], ['大隗镇', null],
      ['刘寨镇', null], ['白寨镇', null], ['岳村镇', null], ['来集镇', null], ['苟堂镇', null], ['米村镇', null], ['袁庄乡', null],
    ],
    places: ['伏羲山', '新密老城'],
  },
  xinzheng: {
    names: ['新郑市', '新郑'],
    streets: [
      ['新建路街道', 'xinjianlu'], ['新华路街道', 'xinhualu'], ['新烟街道', 'xinyan'], ['龙湖镇', 'longhu'], ['薛店镇', 'xuedian'],
      ['孟庄镇', 'mengzhuang'], ['郭店镇', 'guodian'], ['和庄镇', null], ['梨河镇', null], ['辛店镇', null], ['观音寺镇', null],
      ['八千乡', null], ['城关乡', null],
    ],
    places: ['黄帝故里', '始祖山', '具茨山', '龙湖大学城', '新郑老城'],
  },
  dengfeng: {
    names: ['登封市', '登封'],
    streets: [
      ['嵩阳街道', 'songyang'], ['少林街道', 'shaolin'], ['中岳街道', 'zhongyue'], ['告成镇', 'gaocheng'], ['大金店镇', 'dajindian'],
      ['卢店镇', 'ludian'], ['颍阳镇', null], ['东华镇', null], ['宣化镇', null], ['徐庄镇', null], ['石道乡', null], ['君召乡', null],
      ['唐庄镇', null], ['大冶镇', null], ['白坪乡', null],
    ],
    places: ['嵩山', '少林寺', '中岳庙', '观星台', '嵩阳书院', '太室山', '少室山'],
  },
}

/**
 * Short forms that are everyday words or name roads in several cities, so they never count on
 * their own (上街 is "go shopping", 新城 "new town", 矿区 "a mining area").
 */
export const TOO_COMMON = new Set([
  '上街', '新城', '矿区', '矿山', '工业路', '中心路', '前程', '银河', '滨河', '双桥', '梧桐', '新港', '明湖', '九龙',
  '城关', '东华', '新安路', '济源路', '青年路', '永安路', '紫荆路', '新建路', '大河路', '长江路', '人和路',
  '龙王', '张庄', '王村', '高村', '白沙', '嵩山路', '杨桥', '人民路',
])
