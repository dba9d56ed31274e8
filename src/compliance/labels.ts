/** Bilingual labels of the report's figures, for exports and the dashboard. */
import { type Bilingual, L } from '../i18n'
import type { ComplianceFigures, ComplianceForm, ExemptionKind, MonthRow, OverdueRow } from './types'

export const FORM_LABELS: Record<ComplianceForm, Bilingual> = {
  text: L('文字解读', 'Text'),
  leader: L('主要负责同志解读', 'Leader'),
  expert: L('专家解读', 'Expert'),
  media: L('媒体解读', 'Media'),
  card: L('明白卡', 'Plain-language card'),
  infographic: L('政策图解', 'Infographic'),
  video: L('视频解读', 'Video'),
  interview: L('在线访谈', 'Online interview'),
}

/** Scalar figures in export order (forms follow, one column each). */
export const FIGURE_LABELS: Record<Exclude<keyof ComplianceFigures, 'forms'>, Bilingual> = {
  released: L('发布政策数', 'Released'),
  proactive: L('主动公开数', 'Proactive'),
  withdrawn: L('已撤回', 'Withdrawn'),
  exempt: L('免于解读', 'Exempt'),
  requiringInterpretation: L('应解读数', 'Requiring interpretation'),
  withInterpretations: L('有解读数', 'With interpretations'),
  withInterpretationsShare: L('解读率', 'Interpretation share'),
  inSync: L('同步发布数', 'Released in sync'),
  inSyncShare: L('同步发布率', 'In-sync share'),
  onTime: L('按时发布数（3个工作日内）', 'On time (3 working days)'),
  late: L('逾期发布数', 'Late'),
  onTimeShare: L('按时发布率', 'On-time share'),
  returns: L('退回次数', 'Returns'),
  supplementary: L('补充解读数', 'Supplementary'),
  overdueNow: L('当前逾期未发布', 'Overdue now'),
}

export const MONTH_LABELS: Record<keyof MonthRow, Bilingual> = {
  month: L('月份', 'Month'),
  released: FIGURE_LABELS.released,
  withInterpretations: FIGURE_LABELS.withInterpretations,
  inSync: FIGURE_LABELS.inSync,
  proactive: FIGURE_LABELS.proactive,
  onTime: FIGURE_LABELS.onTime,
  late: FIGURE_LABELS.late,
  returns: FIGURE_LABELS.returns,
  supplementary: FIGURE_LABELS.supplementary,
}

export const OVERDUE_LABELS: Record<keyof OverdueRow, Bilingual> = {
  policy: L('政策文件编号', 'Policy id'),
  title: L('标题', 'Title'),
  department: L('部门编号', 'Department id'),
  departmentName: L('部门', 'Department'),
  signedAt: L('签发时间', 'Signed at'),
  deadline: L('发布期限', 'Deadline'),
  stage: L('状态', 'Stage'),
  daysOverdue: L('逾期天数', 'Days overdue'),
}

export const EXEMPTION_KIND_LABELS: Record<ExemptionKind, Bilingual> = {
  interpretation: L('免于解读', 'No interpretation'),
  consultation: L('免于征求意见', 'No public consultation'),
}

export const SCOPE_LABELS = {
  overall: L('合计', 'Overall'),
  department: L('部门', 'Department'),
  year: L('年度', 'Year'),
} satisfies Record<string, Bilingual>

export const SECTION_LABELS = {
  about: L('说明', 'About'),
  figures: L('合规统计', 'Compliance figures'),
  months: L('按月', 'By month'),
  exemptions: L('豁免理由', 'Exemptions by reason'),
  overdue: L('当前逾期未发布', 'Overdue now'),
} satisfies Record<string, Bilingual>

export const ABOUT_LABELS = {
  generatedAt: L('生成时间', 'Generated at'),
  year: L('年度', 'Year'),
  department: L('部门', 'Department'),
  all: L('全部', 'All'),
  auditSeq: L('审计日志末条序号', 'Audit head seq'),
  auditHash: L('审计日志末条哈希', 'Audit head hash'),
  kind: L('豁免类型', 'Kind'),
  reason: L('理由', 'Reason'),
  count: L('数量', 'Count'),
  scope: L('范围', 'Scope'),
  id: L('编号', 'Id'),
  name: L('名称', 'Name'),
  unrecorded: L('（未记录）', '(not recorded)'),
} satisfies Record<string, Bilingual>
