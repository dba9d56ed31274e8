/**
 * A generated corpus of Chinese policy documents for the search benchmark (scripts/bench-search.ts): titles, bodies,
 * departments and document numbers in the shape of the real ones, the same on every run.
 */

/** mulberry32: the same documents on every run. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOPICS = [
  '农业保险',
  '公共租赁住房',
  '老旧小区改造',
  '农村危房改造',
  '涉农资金',
  '乡村振兴',
  '易地扶贫搬迁',
  '医疗保障',
  '社会保险',
  '营商环境',
  '政务公开',
  '一网通办',
  '河长制',
  '林长制',
  '农村饮水安全',
  '健康扶贫',
  '义务教育',
  '职业技能培训',
  '就业创业',
  '中小企业融资',
  '科技创新',
  '生态环境保护',
  '大数据发展',
  '文化旅游',
  '食品安全',
  '安全生产',
  '应急管理',
  '交通运输',
  '城市更新',
  '住房公积金',
  '养老服务',
  '托育服务',
  '残疾人保障',
  '退役军人服务',
  '茶产业',
  '中药材产业',
  '林下经济',
  '农村电商',
  '物流体系',
  '数字政府',
  '放管服改革',
  '双随机一公开',
  '证照分离',
  '行政审批',
  '政策解读',
  '决策预公开',
  '水土保持',
  '耕地保护',
  '粮食安全',
  '农产品质量',
]
const REGIONS = [
  '贵阳市',
  '遵义市',
  '六盘水市',
  '安顺市',
  '毕节市',
  '铜仁市',
  '黔东南州',
  '黔南州',
  '黔西南州',
  '南明区',
  '观山湖区',
  '六枝特区',
]
export const DEPARTMENTS = [
  ['贵州省人民政府', '黔府发'],
  ['贵州省人民政府办公厅', '黔府办发'],
  ['贵州省财政厅', '黔财农'],
  ['贵州省住房和城乡建设厅', '黔建房'],
  ['贵州省卫生健康委员会', '黔卫健发'],
  ['贵州省水利厅', '黔水发'],
  ['贵阳市人民政府', '筑府发'],
  ['遵义市人民政府', '遵府发'],
  ['贵州省人力资源和社会保障厅', '黔人社发'],
  ['贵州省教育厅', '黔教发'],
  ['贵州省农业农村厅', '黔农发'],
  ['贵州省科学技术厅', '黔科发'],
] as const
const TITLE_FORMS = [
  (t: string) => `关于进一步加强${t}工作的通知`,
  (t: string) => `关于做好${t}有关工作的通知`,
  (t: string) => `贵州省${t}管理办法`,
  (t: string) => `关于推进${t}高质量发展的实施意见`,
  (t: string) => `关于印发${t}实施方案的通知`,
  (t: string) => `${t}若干措施`,
  (t: string) => `关于${t}资金管理的补充通知`,
  (t: string) => `关于开展${t}专项检查的通知`,
]
const SENTENCES = [
  (t: string, r: string) => `为深入贯彻落实党中央、国务院决策部署，加快推进${t}工作，结合${r}实际，制定本办法。`,
  (t: string, r: string) => `各市州、县区人民政府要切实履行主体责任，将${t}纳入年度目标考核，${r}要率先开展试点。`,
  (t: string) => `${t}所需资金由省级财政统筹安排，按照“因素法”分配，专款专用，不得挤占挪用。`,
  (t: string) => `申请人可通过一网通办平台在线提交材料，符合条件的，相关部门应在十个工作日内办结${t}事项。`,
  (t: string, r: string) => `加强监督检查，对${r}${t}工作中发现的问题，责令限期整改，并依法依规追究责任。`,
  (t: string) => `落实政务公开要求，${t}政策文件与解读材料同步起草、同步审签、同步发布。`,
  (t: string) => `本办法自印发之日起施行，由省${t}工作领导小组办公室负责解释。`,
  (t: string, r: string) => `鼓励社会资本参与${t}项目建设，${r}对符合条件的项目给予贷款贴息和担保支持。`,
  (t: string) => `建立${t}信息共享机制，依托大数据平台实现跨部门数据互联互通。`,
  (t: string, r: string) => `${r}各级财政部门要会同行业主管部门做好${t}绩效评价工作。`,
]

export type Generated = {
  body: string
  code: string
  department: number
  documentNumber: string
  indexNumber: string
  title: string
  year: number
}

export function generateCorpus(count: number): Generated[] {
  const rand = random(20261126)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const serials = new Map<string, number>()
  return Array.from({ length: count }, () => {
    const topic = pick(TOPICS)
    const region = pick(REGIONS)
    const department = Math.floor(rand() * DEPARTMENTS.length)
    const code = DEPARTMENTS[department][1]
    const year = 2015 + Math.floor(rand() * 10)
    const serial = (serials.get(`${code}${year}`) ?? 0) + 1
    serials.set(`${code}${year}`, serial)
    const sentences = Array.from({ length: 6 + Math.floor(rand() * 7) }, () => pick(SENTENCES)(rand() < 0.7 ? topic : pick(TOPICS), region))
    if (rand() < 0.2)
      sentences.splice(1, 0, `根据${pick(DEPARTMENTS)[1]}〔${2015 + Math.floor(rand() * 10)}〕${1 + Math.floor(rand() * 50)}号文件精神，`)
    return {
      title: `${rand() < 0.3 ? region : ''}${pick(TITLE_FORMS)(topic)}`,
      body: sentences.map((s, i) => `第${i + 1}条 ${s}`).join('\n'),
      code,
      department,
      year,
      documentNumber: `${code}〔${year}〕${serial}号`,
      indexNumber: `11520000MB${String(department).padStart(7, '0')}X/${year}-${String(serial).padStart(5, '0')}`,
    }
  })
}
