import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { CATALOG_ITEMS } from '../catalog/options'
import type { DemoOrganisation } from './organisation'

type CatalogSeed = Omit<RequiredDataFromCollectionSlug<'catalog-items'>, 'responsibleUnit'> & { unit: string }

const REGULATION = '《中华人民共和国政府信息公开条例》'
const REALTIME_TEXT = '自该政府信息形成或者变更之日起20个工作日内'
const ALL_PUBLIC = { audience: 'public', method: 'proactive' } as const

/**
 * Demo items of the departments' disclosure catalogs (政务公开标准目录). Demo packages are released when the seed
 * runs, so the columns they feed start fresh; the infographic, interview, video and consultation columns have no
 * recent public content in the demo and show as sleeping columns (睡眠栏目). One item has no feed (not assessed).
 */
export const DEMO_CATALOG: CatalogSeed[] = [
  {
    itemNumber: 'CZT-ZC-001',
    unit: 'finance',
    title: '行政规范性文件',
    content: '本部门制定的行政规范性文件全文，含标题、发文字号、成文日期、发布日期、有效性',
    websiteColumn: '政策文件 > 规范性文件',
    updatePeriod: 'realtime',
    updatePeriodText: REALTIME_TEXT,
    channels: ['website', 'gazette', 'new-media'],
    legalBasis: `${REGULATION}第二十条第（一）项、第二十六条`,
    ...ALL_PUBLIC,
    feed: { kind: 'policies', documentTypes: ['normative'], responsibleUnitOnly: true },
  },
  {
    itemNumber: 'CZT-JD-001',
    unit: 'finance',
    title: '政策解读',
    content: '与政策文件同步起草、同步审签、同步发布的文字解读、主要负责同志解读、专家解读、媒体解读',
    websiteColumn: '政策解读',
    updatePeriod: 'realtime',
    updatePeriodText: '与政策文件同步发布',
    channels: ['website', 'new-media'],
    legalBasis: `${REGULATION}第六条；《关于全面推进政务公开工作的意见》`,
    ...ALL_PUBLIC,
    feed: { kind: 'interpretations', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'CZT-JD-002',
    unit: 'finance',
    title: '惠民政策明白卡',
    content: '涉农惠民政策的享受对象、享受标准、申办流程、政策依据',
    websiteColumn: '政策解读 > 明白卡',
    updatePeriod: 'quarterly',
    updatePeriodText: '每季度更新',
    channels: ['website', 'service-hall', 'notice-board'],
    legalBasis: `${REGULATION}第二十条第（十）项`,
    audience: 'specific',
    audienceNote: '农村居民、涉农经营主体',
    method: 'proactive',
    feed: { kind: 'interpretations', forms: ['card'], responsibleUnitOnly: true },
  },
  {
    itemNumber: 'CZT-TJ-001',
    unit: 'finance',
    title: '政策图解',
    content: '重要政策的图解、一图读懂（含文字版）',
    websiteColumn: '政策解读 > 图解',
    updatePeriod: 'quarterly',
    updatePeriodText: '每季度至少更新一次',
    channels: ['website', 'new-media'],
    legalBasis: '《关于全面推进政务公开工作的意见》',
    ...ALL_PUBLIC,
    feed: { kind: 'infographics', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'CZT-FT-001',
    unit: 'finance',
    title: '在线访谈',
    content: '主要负责同志、业务处室负责人在线访谈的文字实录、回放视频、网民提问及答复',
    websiteColumn: '互动交流 > 在线访谈',
    updatePeriod: 'quarterly',
    updatePeriodText: '每季度不少于一期',
    channels: ['website', 'new-media'],
    legalBasis: '《关于全面推进政务公开工作的意见》',
    ...ALL_PUBLIC,
    feed: { kind: 'interviews', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'CZT-ZJ-001',
    unit: 'finance',
    title: '重大决策预公开（征求意见）',
    content: '重大行政决策草案、起草说明、征求意见期限、反馈渠道及意见采纳情况',
    websiteColumn: '互动交流 > 征求意见',
    updatePeriod: 'monthly',
    updatePeriodText: '每月',
    channels: ['website', 'media'],
    legalBasis: '《重大行政决策程序暂行条例》第十四条、第十五条',
    ...ALL_PUBLIC,
    feed: { kind: 'consultations', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'CZT-JG-001',
    unit: 'finance',
    title: '机构职能',
    content: '机构名称、办公地址、办公时间、联系方式、主要职责、负责人姓名',
    websiteColumn: '机构概况',
    updatePeriod: 'realtime',
    updatePeriodText: REALTIME_TEXT,
    channels: ['website'],
    legalBasis: `${REGULATION}第二十条第（二）项`,
    ...ALL_PUBLIC,
  },
  {
    itemNumber: 'ZJT-ZC-001',
    unit: 'housing',
    title: '行政规范性文件',
    content: '住房保障、城乡建设领域行政规范性文件全文',
    websiteColumn: '政策文件 > 规范性文件',
    updatePeriod: 'realtime',
    updatePeriodText: REALTIME_TEXT,
    channels: ['website', 'gazette'],
    legalBasis: `${REGULATION}第二十条第（一）项、第二十六条`,
    ...ALL_PUBLIC,
    feed: { kind: 'policies', documentTypes: ['normative', 'regulation'], responsibleUnitOnly: true },
  },
  {
    itemNumber: 'ZJT-JD-001',
    unit: 'housing',
    title: '政策解读',
    content: '住房保障政策的文字解读、主要负责同志解读、明白卡',
    websiteColumn: '政策解读',
    updatePeriod: 'realtime',
    updatePeriodText: '与政策文件同步发布',
    channels: ['website', 'new-media'],
    legalBasis: `${REGULATION}第六条`,
    ...ALL_PUBLIC,
    feed: { kind: 'interpretations', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'ZJT-SP-001',
    unit: 'housing',
    title: '视频解读',
    content: '公租房申请、租赁补贴等政策的视频解读（含字幕与文字稿）',
    websiteColumn: '政策解读 > 视频解读',
    updatePeriod: 'yearly',
    updatePeriodText: '每年',
    channels: ['website', 'new-media', 'media'],
    legalBasis: '《关于全面推进政务公开工作的意见》',
    ...ALL_PUBLIC,
    feed: { kind: 'videos', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'SZF-ZC-001',
    unit: 'province',
    title: '省政府文件',
    content: '省人民政府制发的政府规章、规范性文件及其他主动公开文件',
    websiteColumn: '政策文件 > 省政府文件',
    updatePeriod: 'realtime',
    updatePeriodText: REALTIME_TEXT,
    channels: ['website', 'gazette', 'reading-room'],
    legalBasis: `${REGULATION}第十九条、第二十条`,
    ...ALL_PUBLIC,
    feed: { kind: 'policies', responsibleUnitOnly: true },
  },
  {
    itemNumber: 'WJW-JD-001',
    unit: 'health',
    title: '健康扶贫政策解读',
    content: '健康扶贫政策的文字解读、明白卡、媒体解读',
    websiteColumn: '政策解读',
    updatePeriod: 'days',
    periodDays: 60,
    updatePeriodText: '每两个月',
    channels: ['website', 'service-hall'],
    legalBasis: `${REGULATION}第六条`,
    ...ALL_PUBLIC,
    feed: { kind: 'interpretations', responsibleUnitOnly: true },
  },
]

/** The demo catalog items, by item number: an existing number is left alone (idempotent). Returns how many it created. */
export async function seedCatalog(payload: Payload, org: DemoOrganisation, log: (line: string) => void = () => {}): Promise<number> {
  let created = 0
  for (const { unit, ...item } of DEMO_CATALOG) {
    const { totalDocs } = await payload.count({ collection: CATALOG_ITEMS, where: { itemNumber: { equals: item.itemNumber } } })
    if (!totalDocs) {
      await payload.create({ collection: CATALOG_ITEMS, data: { ...item, responsibleUnit: org.departments[unit].id }, depth: 0 })
      created += 1
    }
    log(`公开目录 catalog ${item.itemNumber} ${item.title}${totalDocs ? '（已存在）' : ''}`)
  }
  return created
}
