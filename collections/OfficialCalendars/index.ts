import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { authenticated } from '../../src/access/authenticated'
import { loadOfficialCalendar } from '../../src/calendar'
import { GROUPS } from '../../src/groups'
import { L } from '../../src/i18n'
import { RULE_NAMES, RuleViolation } from '../../src/rules/errors'

type Day = { date?: null | string; name?: null | string }
type CalendarData = { holidays?: Day[] | null; workdays?: Day[] | null; year?: null | number }

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value

/** Every date is a real YYYY-MM-DD in the entered year, and no date is both a holiday and a make-up working day. */
const checkDays: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  const merged: CalendarData = { ...(originalDoc ?? {}), ...(data ?? {}) }
  const year = merged.year
  const problems: { en: string; zh: string }[] = []
  const seen = new Map<string, string>()
  for (const [list, label] of [
    [merged.holidays ?? [], L('放假日期', 'holiday')],
    [merged.workdays ?? [], L('调休上班日期', 'make-up working day')],
  ] as const) {
    for (const day of list) {
      const date = String(day.date ?? '')
      if (!isDate(date))
        problems.push({ en: `${label.en} “${date}” is not a date YYYY-MM-DD`, zh: `${label.zh}“${date}”不是 YYYY-MM-DD 格式的日期` })
      else if (typeof year === 'number' && Number(date.slice(0, 4)) !== year) {
        problems.push({ en: `${label.en} ${date} is not in ${year}`, zh: `${label.zh} ${date} 不在 ${year} 年` })
      } else if (seen.has(date) && seen.get(date) !== label.en) {
        problems.push({ en: `${date} is both a holiday and a make-up working day`, zh: `${date} 不能既是放假日又是调休上班日` })
      }
      seen.set(date, label.en)
    }
  }
  if (problems.length) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'calendar-entry',
      ruleName: RULE_NAMES.calendar,
      message: { en: `${problems.map((p) => p.en).join('; ')}.`, zh: `${problems.map((p) => p.zh).join('；')}。` },
      hint: {
        en: 'Copy the dates from the State Council notice, one per row, as YYYY-MM-DD.',
        zh: '请按国务院办公厅通知逐日填写，每行一个日期，格式 YYYY-MM-DD。',
      },
      document: { collection: 'official-calendars', id: (originalDoc as { id?: number | string } | undefined)?.id },
    })
  }
  return data
}

const reload: CollectionAfterChangeHook = async ({ doc, req }) => {
  await loadOfficialCalendar(req.payload)
  return doc
}
const reloadAfterDelete: CollectionAfterDeleteHook = async ({ req }) => {
  await loadOfficialCalendar(req.payload)
}

const dayFields = [
  { name: 'date', type: 'text' as const, required: true, label: L('日期', 'Date'), admin: { placeholder: 'YYYY-MM-DD' } },
  { name: 'name', type: 'text' as const, label: L('节日', 'Occasion'), admin: { placeholder: '春节' } },
]

/**
 * 法定工作日历: one year's official holidays and make-up working days (调休), entered by an admin from the notice that
 * set them. An entered year takes precedence over the chinese-days library (src/calendar).
 */
export const OfficialCalendars: CollectionConfig<'official-calendars'> = {
  slug: 'official-calendars',
  labels: { singular: L('法定工作日历', 'Official calendar year'), plural: L('法定工作日历', 'Official calendar') },
  admin: {
    group: GROUPS.organisation,
    useAsTitle: 'notice',
    defaultColumns: ['year', 'notice', 'updatedAt'],
    description: L(
      '按国务院办公厅部分节假日安排通知录入一年的放假日期与调休上班日期；录入的年份优先于内置日历。发布时限（3个工作日）据此计算。',
      'Enter a year’s holidays and make-up working days from the State Council notice; an entered year takes precedence over the built-in calendar. The 3-working-day release clock counts on it.',
    ),
  },
  access: { read: authenticated, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: { beforeValidate: [checkDays], afterChange: [reload], afterDelete: [reloadAfterDelete] },
  fields: [
    { name: 'year', type: 'number', required: true, unique: true, min: 2000, max: 2100, label: L('年份', 'Year') },
    {
      name: 'notice',
      type: 'text',
      required: true,
      label: L('依据通知', 'Notice'),
      admin: { placeholder: '国务院办公厅关于2027年部分节假日安排的通知' },
    },
    { name: 'noticeNumber', type: 'text', label: L('通知文号', 'Notice number'), admin: { placeholder: '国办发明电〔2026〕7号' } },
    { name: 'noticeUrl', type: 'text', label: L('通知链接', 'Notice URL') },
    { name: 'holidays', type: 'array', label: L('放假日期', 'Holidays (days off)'), fields: dayFields },
    { name: 'workdays', type: 'array', label: L('调休上班日期', 'Make-up working days'), fields: dayFields },
  ],
}
