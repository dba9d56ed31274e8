import { INTERPRETATION_FORMS } from '../rules/interpretationForms'
import { type Bilingual, L } from '../i18n'
import { DOCUMENT_TYPES } from '../rules/documentTypes'

/** Slug of the disclosure catalog (政务公开标准目录). */
export const CATALOG_ITEMS = 'catalog-items' as const

/**
 * 更新时限/周期 as a period the system can compute. `realtime` is the statutory default for proactively disclosed
 * information (《政府信息公开条例》第二十六条: within 20 working days of being produced or changed); the others are
 * calendar periods, `days` a declared number of calendar days.
 */
export const UPDATE_PERIODS = [
  { label: L('实时（形成或变更之日起20个工作日内）', 'Real time (within 20 working days)'), value: 'realtime' },
  { label: L('每月', 'Monthly'), value: 'monthly' },
  { label: L('每季度', 'Quarterly'), value: 'quarterly' },
  { label: L('每年', 'Yearly'), value: 'yearly' },
  { label: L('自定义天数', 'Every N days'), value: 'days' },
] as const satisfies readonly { label: Bilingual; value: string }[]

export type UpdatePeriod = (typeof UPDATE_PERIODS)[number]['value']

/** Working days of the `realtime` period. */
export const REALTIME_WORKING_DAYS = 20

/** Calendar months of the monthly/quarterly/yearly periods. */
export const PERIOD_MONTHS: Partial<Record<UpdatePeriod, number>> = { monthly: 1, quarterly: 3, yearly: 12 }

export const periodLabel = (period: null | string | undefined, days?: null | number): Bilingual => {
  if (period === 'days' && days) return L(`每${days}天`, `Every ${days} days`)
  return UPDATE_PERIODS.find((p) => p.value === period)?.label ?? L(String(period ?? ''), String(period ?? ''))
}

/** 公开渠道. */
export const CHANNELS = [
  { label: L('政府网站', 'Government website'), value: 'website' },
  { label: L('政府公报', 'Government gazette'), value: 'gazette' },
  { label: L('政务新媒体（微博、微信、客户端）', 'Government new media (Weibo, WeChat, apps)'), value: 'new-media' },
  { label: L('政务服务场所、便民服务点', 'Service halls and service points'), value: 'service-hall' },
  { label: L('公共查阅点（档案馆、图书馆）', 'Public reading rooms (archives, libraries)'), value: 'reading-room' },
  { label: L('新闻发布会', 'Press conference'), value: 'press' },
  { label: L('广播电视、报刊', 'Broadcast and print media'), value: 'media' },
  { label: L('公开栏、电子屏', 'Notice boards and screens'), value: 'notice-board' },
  { label: L('其他', 'Other'), value: 'other' },
] as const satisfies readonly { label: Bilingual; value: string }[]

/** 公开对象. */
export const AUDIENCES = [
  { label: L('全社会', 'The whole public'), value: 'public' },
  { label: L('特定群体', 'A specific group'), value: 'specific' },
] as const

/** 公开方式. */
export const METHODS = [
  { label: L('主动公开', 'Proactive'), value: 'proactive' },
  { label: L('依申请公开', 'On request'), value: 'on-request' },
] as const

/** What content feeds a column: the kinds of released content that count as an update of it. */
export const FEED_KINDS = [
  { label: L('政策文件', 'Policy documents'), value: 'policies' },
  { label: L('解读材料', 'Interpretations'), value: 'interpretations' },
  { label: L('政策图解', 'Infographics'), value: 'infographics' },
  { label: L('视频解读', 'Videos'), value: 'videos' },
  { label: L('在线访谈', 'Online interviews'), value: 'interviews' },
  { label: L('征求意见公告', 'Consultation notices'), value: 'consultations' },
] as const

export type FeedKind = (typeof FEED_KINDS)[number]['value']

export const FEED_KIND_VALUES: readonly FeedKind[] = FEED_KINDS.map((k) => k.value)

/** Sub-filters of a feed: document types (policies) and interpretation forms (interpretations). */
export const FEED_DOCUMENT_TYPES = DOCUMENT_TYPES
export const FEED_FORMS = INTERPRETATION_FORMS
