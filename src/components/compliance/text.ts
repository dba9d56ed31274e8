/** Labels of the compliance dashboard (/admin/compliance), in the admin's two languages. Client-safe: no imports. */
export type Lang = 'en' | 'zh'
export type Text = { en: string; zh: string }

export const TEXT = {
  nav: { en: 'Compliance', zh: '公开工作统计' },
  title: { en: 'Disclosure compliance', zh: '政务公开工作统计' },
  intro: {
    en: 'Figures computed from the audit trail: releases, interpretations released in sync, releases within 3 working days, forms used; packages still blocked or overdue; sleeping catalog columns.',
    zh: '依据审计日志统计：发布数量、解读同步发布、3个工作日内发布、解读形式；仍受阻或已超期的文件包；睡眠栏目。',
  },
  year: { en: 'Year', zh: '年度' },
  allYears: { en: 'All years', zh: '全部年度' },
  department: { en: 'Department', zh: '部门' },
  allDepartments: { en: 'All departments', zh: '全部部门' },
  apply: { en: 'Apply', zh: '筛选' },
  generatedAt: { en: 'As of', zh: '统计时间' },
  figures: {
    released: { en: 'Released', zh: '发布文件' },
    proactive: { en: 'Proactive', zh: '主动公开' },
    withInterpretations: { en: 'With interpretation', zh: '有解读' },
    inSync: { en: 'Released in sync', zh: '同步发布解读' },
    onTime: { en: 'Within 3 working days', zh: '3个工作日内发布' },
    late: { en: 'Late', zh: '超时发布' },
    exempt: { en: 'Exempt from interpretation', zh: '免于解读' },
    returns: { en: 'Returned', zh: '退回修改' },
    supplementary: { en: 'Supplementary interpretations', zh: '补充解读' },
    withdrawn: { en: 'Withdrawn', zh: '已撤回' },
    overdueNow: { en: 'Overdue now', zh: '当前超期未发布' },
  },
  share: { en: 'share', zh: '占比' },
  ofRequiring: { en: 'of those needing one', zh: '占需解读文件' },
  ofProactive: { en: 'of proactive releases', zh: '占主动公开' },
  trend: { en: 'Trend by month', zh: '月度趋势' },
  ranking: { en: 'Department ranking', zh: '部门排名' },
  rankingNote: { en: 'By releases, then the share released in sync', zh: '按发布数量、同步解读率排序' },
  forms: { en: 'Interpretation forms', zh: '解读形式' },
  exemptions: { en: 'Exemptions by reason', zh: '豁免理由' },
  noReason: { en: '(no reason recorded)', zh: '（未记录理由）' },
  exemptionKind: {
    interpretation: { en: 'No interpretation', zh: '免于解读' },
    consultation: { en: 'No consultation', zh: '免于征求意见' },
  },
  formNames: {
    text: { en: 'Text', zh: '文字解读' },
    leader: { en: 'Leader', zh: '主要负责同志解读' },
    expert: { en: 'Expert', zh: '专家解读' },
    media: { en: 'Media', zh: '媒体解读' },
    card: { en: 'Plain-language card', zh: '明白卡' },
    infographic: { en: 'Infographic', zh: '政策图解' },
    video: { en: 'Video', zh: '视频解读' },
    interview: { en: 'Online interview', zh: '在线访谈' },
  },
  noData: { en: 'No releases in this period.', zh: '本期间暂无发布。' },
  pending: { en: 'Blocked and overdue packages', zh: '受阻及超期文件包' },
  pendingNote: {
    en: 'Packages not yet released that a rule blocks or that are past their release deadline, with the rule and the fix.',
    zh: '尚未发布且受规则阻止或已超过发布时限的文件包，列明规则及处理办法。',
  },
  pendingOthers: { en: 'other packages in progress, nothing blocking', zh: '个文件包正在办理，无阻碍' },
  noPending: { en: 'Nothing is blocked or overdue.', zh: '没有受阻或超期的文件包。' },
  stage: { en: 'Stage', zh: '状态' },
  next: { en: 'Next step', zh: '下一步' },
  deadline: { en: 'Release deadline', zh: '发布时限' },
  returned: { en: 'Returned', zh: '退回理由' },
  stale: { en: 'Sleeping columns', zh: '睡眠栏目' },
  staleNote: {
    en: 'Catalog items whose website column had no public release within the declared update period.',
    zh: '标准目录中超过更新时限/周期未公开发布内容的网站栏目。',
  },
  noStale: { en: 'No sleeping column.', zh: '没有睡眠栏目。' },
  lastUpdate: { en: 'Last update', zh: '最近更新' },
  never: { en: 'never', zh: '从未更新' },
  period: { en: 'Period', zh: '更新周期' },
  unit: { en: 'Responsible unit', zh: '责任单位' },
  catalog: { en: 'Disclosure catalog', zh: '政务公开标准目录' },
  failed: { en: 'This part could not be computed:', zh: '该部分统计失败：' },
  policy: { en: 'Policy', zh: '政策文件' },
  ruleAndFix: { en: 'Rule and fix', zh: '规则及处理办法' },
  itemNumber: { en: 'No.', zh: '事项编号' },
  item: { en: 'Item', zh: '公开事项' },
  column: { en: 'Column', zh: '网站栏目' },
} as const

export const t = (lang: Lang, text: Text) => text[lang]

/** A share 0…1 as a percentage, or a dash when there is no denominator. */
export const percent = (share: null | number | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`

/** An instant as a CST calendar date. */
export const day = (iso: null | string | undefined) =>
  iso
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(iso),
      )
    : '—'

/** Chart colours (SVG attributes take no CSS variables). */
const PALETTE = ['#2f6fdd', '#1f9d55', '#e3a008', '#d64545', '#7e57c2', '#00897b', '#f06292', '#6d4c41']
export const color = (i: number) => PALETTE[i % PALETTE.length]!
