/**
 * The compliance report (合规统计), computed from the audit trail alone: a pure function of the entries (in `seq`
 * order), `now` and the filters. Nothing here reads a document, so anyone holding a copy of the trail (and its
 * head hash) can recompute every figure; department names are display labels passed in, never counted.
 *
 * Which entries each figure uses (all periods are China Standard Time calendar months / years):
 * - package members: `member-created` (details.form, details.supplementary), `member-updated` (details.form),
 *   `member-deleted`, keyed by `members[0]` {collection, id} and `policy`. Media members record their
 *   collection as the form (infographics → infographic, videos → video, interviews → interview).
 * - released: the first `release` entry of each policy, dated by its `at` (a scheduled release is dated when the
 *   job released it), attributed to its `department`. Its `members` are the package released at that instant.
 * - proactive: `release` details.disclosure === 'proactive' (entries before that detail was recorded: the last
 *   `sign` entry's, else assumed proactive).
 * - withdrawn: a released policy with a later `withdraw` entry.
 * - exempt / exemptionsByReason: `release` details.exemption {interpretation, interpretationReason, consultation,
 *   consultationReason}; entries without it: exempt from interpretation when released with no member, reason null.
 * - withInterpretations: not exempt, `release` lists ≥ 1 member.
 * - inSync: not exempt, ≥ 1 initial member (created not supplementary, not deleted before the release), and every
 *   initial member is among the `release` entry's members (so released at the policy's instant).
 * - onTime / late: proactive releases whose `at` is at or before the deadline of the last `sign` entry before
 *   it (details.releaseDeadline, else computed from the entry's `at` with the release clock); a `return` voids
 *   earlier signatures; a proactive release with no signature on record counts as late.
 * - returns: `return` entries (package returns to drafting), dated by their `at`.
 * - supplementary: `supplement-release` entries, dated by their `at`; their form counts in `forms` too.
 * - forms: the forms of the members listed in `release` entries (as last recorded before the release) plus
 *   those of released supplements.
 * - overdueNow / overdueNow[]: policies whose last workflow entry left them `signed` or `scheduled`, proactive
 *   by their last `sign` entry, with that signature's deadline before `now`; title from the last
 *   `policy-created` / `policy-updated` details.title. Filtered by department, never by year (late is late).
 * - auditHead: {seq, hash} of the last entry given.
 * - a step recovered at restart (details.recovered, src/audit/recoverSteps.ts) is dated by details.stepAt, the
 *   instant the policy recorded for it in the same write as its stage.
 */
import type { AuditContent } from '../audit/auditTrail'

import { missingCalendarYear } from '../calendar'
import { actionsWhere } from '../events/actions'
import { isOverdueAt } from '../lifecycle/steps'
import { chinaDate, RELEASE_WORKING_DAYS, releaseDeadline } from '../rules/releaseClock'
import {
  COMPLIANCE_FORMS,
  type ComplianceFigures,
  type ComplianceForm,
  type ComplianceReport,
  type DeadlineUnknownRow,
  type DepartmentRow,
  IMPORTED_NOTE,
  type ExemptionKind,
  type ExemptionRow,
  type FormsMix,
  type MonthRow,
  type OverdueRow,
  type YearRow,
} from './types'

/** An audit entry as the report reads it: the hashed content (ids as strings) and its hash. */
export type ComplianceEntry = Pick<
  AuditContent,
  'action' | 'at' | 'department' | 'details' | 'fromStage' | 'members' | 'policy' | 'seq' | 'toStage'
> & { hash: string }

export type ComplianceOptions = {
  now: Date
  /** Only this calendar year (CST). */
  year?: null | number
  /** Only this department (id as a string). */
  department?: null | string
  /** Display names by department id (labels only). */
  departmentNames?: Record<string, string>
}

/** Package workflow actions as recorded (a scheduled release is recorded as `schedule`): src/events/actions.ts. */
const WORKFLOW_ACTIONS = new Set<string>(actionsWhere((t) => t.workflow))

/** Recorded form (or member collection) → form; a Map, so that no recorded text reaches Object.prototype. */
const FORMS = new Map<string, ComplianceForm>([
  ...COMPLIANCE_FORMS.map((f) => [f, f] as const),
  ['infographics', 'infographic'],
  ['videos', 'video'],
  ['interviews', 'interview'],
])
const formOf = (value: unknown): ComplianceForm | undefined => (typeof value === 'string' ? FORMS.get(value) : undefined)

const DAY_MS = 24 * 60 * 60 * 1000

type Details = Record<string, unknown>

const detailsOf = (entry: ComplianceEntry): Details =>
  entry.details && typeof entry.details === 'object' && !Array.isArray(entry.details) ? (entry.details as Details) : {}

const textOrNull = (value: unknown): null | string => (typeof value === 'string' && value.trim() ? value : null)

const memberKey = (m: { collection: string; id: string }) => `${m.collection}:${m.id}`

type Exemption = { consultation: boolean; consultationReason: null | string; interpretation: boolean; interpretationReason: null | string }

type Signature = { at: string; deadline: Date | null; proactive: boolean }

type Member = { deleted: boolean; form: ComplianceForm | null; policy: null | string; supplementary: boolean }

type Release = {
  at: string
  department: null | string
  exemption: Exemption
  forms: ComplianceForm[]
  inSync: boolean
  memberCount: number
  onTime: boolean
  /** Proactive, but no calendar covers the way to the deadline: neither on time nor late. */
  deadlineUnknown: boolean
  proactive: boolean
  withdrawn: boolean
}

type PolicyState = {
  department: null | string
  id: string
  /** Imported from the legacy library: released outside this system (details.releasedAt). */
  imported?: { releasedAt: null | string }
  release?: Release
  signature?: Signature & { department: null | string }
  stage: null | string
  title: string
}

/** A dated event in one department: what a tally counts. */
type Event =
  | { at: string; department: null | string; kind: 'release'; release: Release }
  | { at: string; department: null | string; kind: 'return' }
  | { at: string; department: null | string; form: ComplianceForm | null; kind: 'supplement' }

const emptyForms = (): FormsMix => Object.fromEntries(COMPLIANCE_FORMS.map((f) => [f, 0])) as FormsMix

const share = (count: number, of: number): null | number => (of > 0 ? Math.round((count / of) * 10000) / 10000 : null)

/** Accumulates the events of one scope. */
class Tally {
  released = 0
  proactive = 0
  withdrawn = 0
  exempt = 0
  withInterpretations = 0
  inSync = 0
  onTime = 0
  deadlineUnknown = 0
  returns = 0
  supplementary = 0
  forms = emptyForms()
  exemptions = new Map<string, ExemptionRow>()

  add(event: Event): void {
    if (event.kind === 'return') {
      this.returns += 1
      return
    }
    if (event.kind === 'supplement') {
      this.supplementary += 1
      if (event.form) this.forms[event.form] += 1
      return
    }
    const r = event.release
    this.released += 1
    if (r.proactive) this.proactive += 1
    if (r.proactive && r.onTime) this.onTime += 1
    if (r.proactive && r.deadlineUnknown) this.deadlineUnknown += 1
    if (r.withdrawn) this.withdrawn += 1
    if (r.exemption.interpretation) this.exempt += 1
    else {
      if (r.memberCount > 0) this.withInterpretations += 1
      if (r.inSync) this.inSync += 1
    }
    for (const form of r.forms) this.forms[form] += 1
    const exempted: [ExemptionKind, boolean, null | string][] = [
      ['interpretation', r.exemption.interpretation, r.exemption.interpretationReason],
      ['consultation', r.exemption.consultation, r.exemption.consultationReason],
    ]
    for (const [kind, exempt, reason] of exempted) {
      if (!exempt) continue
      const key = `${kind}\u0000${reason ?? ''}`
      const row = this.exemptions.get(key) ?? { kind, reason, count: 0 }
      row.count += 1
      this.exemptions.set(key, row)
    }
  }

  figures(overdueNow: number): ComplianceFigures {
    const requiringInterpretation = this.released - this.exempt
    return {
      released: this.released,
      proactive: this.proactive,
      withdrawn: this.withdrawn,
      exempt: this.exempt,
      requiringInterpretation,
      withInterpretations: this.withInterpretations,
      withInterpretationsShare: share(this.withInterpretations, requiringInterpretation),
      inSync: this.inSync,
      inSyncShare: share(this.inSync, requiringInterpretation),
      onTime: this.onTime,
      late: this.proactive - this.onTime - this.deadlineUnknown,
      onTimeShare: share(this.onTime, this.proactive),
      returns: this.returns,
      supplementary: this.supplementary,
      forms: { ...this.forms },
      overdueNow,
    }
  }

  month(month: string): MonthRow {
    return {
      month,
      released: this.released,
      withInterpretations: this.withInterpretations,
      inSync: this.inSync,
      proactive: this.proactive,
      onTime: this.onTime,
      late: this.proactive - this.onTime - this.deadlineUnknown,
      returns: this.returns,
      supplementary: this.supplementary,
    }
  }

  exemptionRows(): ExemptionRow[] {
    return [...this.exemptions.values()].sort(
      (a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || (a.reason ?? '').localeCompare(b.reason ?? ''),
    )
  }
}

/** Replays the trail into per-policy state and dated events. */
function replay(entries: ComplianceEntry[]) {
  const policies = new Map<string, PolicyState>()
  const members = new Map<string, Member>()
  /** Member keys ever recorded under each policy (a member's policy may change while drafting). */
  const memberKeysOf = new Map<string, Set<string>>()
  const events: Event[] = []
  const departmentsSeen = new Set<string>()

  const policyState = (id: string, department: null | string): PolicyState => {
    let state = policies.get(id)
    if (!state) {
      state = { id, department, stage: null, title: '' }
      policies.set(id, state)
    }
    if (department) state.department = department
    return state
  }

  for (const entry of entries) {
    const details = detailsOf(entry)
    if (entry.department) departmentsSeen.add(entry.department)
    const policy = entry.policy ? policyState(entry.policy, entry.department) : undefined

    switch (entry.action) {
      case 'imported': {
        if (policy && details.collection === 'policies') {
          policy.imported = { releasedAt: textOrNull(details.releasedAt) }
          const title = textOrNull(details.title)
          if (title) policy.title = title
        }
        break
      }
      case 'policy-created':
      case 'policy-updated': {
        const title = textOrNull(details.title)
        if (policy && title) policy.title = title
        break
      }
      case 'member-created':
      case 'member-updated': {
        const ref = entry.members?.[0]
        if (!ref) break
        const key = memberKey(ref)
        const known = members.get(key)
        const form = formOf(details.form) ?? formOf(ref.collection) ?? known?.form ?? null
        const memberPolicy = entry.policy ?? known?.policy ?? null
        if (memberPolicy) memberKeysOf.set(memberPolicy, (memberKeysOf.get(memberPolicy) ?? new Set()).add(key))
        members.set(key, {
          policy: memberPolicy,
          form,
          supplementary: entry.action === 'member-created' ? details.supplementary === true : (known?.supplementary ?? false),
          deleted: false,
        })
        break
      }
      case 'member-deleted': {
        const ref = entry.members?.[0]
        const known = ref ? members.get(memberKey(ref)) : undefined
        if (known) known.deleted = true
        break
      }
      case 'supplement-release': {
        const ref = entry.members?.[0]
        const form = ref ? (members.get(memberKey(ref))?.form ?? formOf(ref.collection) ?? null) : null
        events.push({ kind: 'supplement', at: entry.at, department: entry.department, form })
        break
      }
      default:
        break
    }

    if (!policy || !WORKFLOW_ACTIONS.has(entry.action)) continue
    policy.stage = entry.toStage ?? policy.stage

    if (entry.action === 'return') {
      policy.signature = undefined
      events.push({ kind: 'return', at: entry.at, department: entry.department })
    } else if (entry.action === 'sign') {
      const proactive = details.disclosure === undefined || details.disclosure === null ? true : details.disclosure === 'proactive'
      const recorded = textOrNull(details.releaseDeadline)
      policy.signature = {
        at: entry.at,
        department: entry.department,
        proactive,
        deadline: recorded ? new Date(recorded) : proactive ? releaseDeadline(new Date(entry.at)) : null,
      }
    } else if (entry.action === 'withdraw') {
      if (policy.release) policy.release.withdrawn = true
    } else if (entry.action === 'release' && !policy.release) {
      policy.release = releaseOf(entry, details, policy, members, memberKeysOf.get(policy.id))
      events.push({ kind: 'release', at: entry.at, department: entry.department, release: policy.release })
    }
  }
  return { departmentsSeen, events, policies }
}

function releaseOf(
  entry: ComplianceEntry,
  details: Details,
  policy: PolicyState,
  members: Map<string, Member>,
  keys: Set<string> = new Set(),
): Release {
  const listed = entry.members ?? []
  const recorded = details.exemption && typeof details.exemption === 'object' ? (details.exemption as Details) : null
  const exemption: Exemption = recorded
    ? {
        interpretation: recorded.interpretation === true,
        interpretationReason: textOrNull(recorded.interpretationReason),
        consultation: recorded.consultation === true,
        consultationReason: textOrNull(recorded.consultationReason),
      }
    : // Before exemptions were recorded on release: leaving drafting without a member required one.
      { interpretation: listed.length === 0, interpretationReason: null, consultation: false, consultationReason: null }
  const proactive =
    details.disclosure === undefined || details.disclosure === null
      ? (policy.signature?.proactive ?? true)
      : details.disclosure === 'proactive'
  const deadline = policy.signature?.deadline ?? null
  const released = new Set(listed.map(memberKey))
  const initial = [...keys].filter((key) => {
    const m = members.get(key)
    return m !== undefined && m.policy === policy.id && !m.supplementary && !m.deleted
  })
  const forms = listed.flatMap((m) => {
    const form = members.get(memberKey(m))?.form ?? formOf(m.collection) ?? null
    return form ? [form] : []
  })
  return {
    at: entry.at,
    department: entry.department,
    exemption,
    forms,
    inSync: !exemption.interpretation && initial.length > 0 && initial.every((key) => released.has(key)),
    memberCount: listed.length,
    onTime: proactive && deadline !== null && new Date(entry.at).getTime() <= deadline.getTime(),
    deadlineUnknown: proactive && deadline === null && policy.signature !== undefined,
    proactive,
    withdrawn: false,
  }
}

const monthOf = (at: string) => chinaDate(new Date(at)).slice(0, 7)
const yearOf = (at: string) => Number(chinaDate(new Date(at)).slice(0, 4))

/** Every month from `first` to `last` (YYYY-MM), inclusive. */
function monthRange(first: string, last: string): string[] {
  const months: string[] = []
  let [y, m] = first.split('-').map(Number) as [number, number]
  const [ly, lm] = last.split('-').map(Number) as [number, number]
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return months
}

const byName = (a: { id: string; name: string }, b: { id: string; name: string }) =>
  a.name.localeCompare(b.name, 'zh-Hans-CN') || a.id.localeCompare(b.id)

/** The compliance report of `entries` (any order; sorted by seq here) as of `now`, within the filters. */
export function computeComplianceReport(entries: readonly ComplianceEntry[], options: ComplianceOptions): ComplianceReport {
  const { now } = options
  const year = options.year ?? null
  const department = options.department ?? null
  const names = options.departmentNames ?? {}
  // A step recovered at restart (src/audit/recoverSteps.ts) was taken at details.stepAt, not when it was recorded.
  const sorted = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => {
      const details = entry.details as null | { recovered?: boolean; stepAt?: null | string }
      return details?.recovered && details.stepAt ? { ...entry, at: details.stepAt } : entry
    })
  const { departmentsSeen, events, policies } = replay(sorted)

  const inDepartment = (d: null | string) => department === null || d === department
  const nameOf = (id: string) => (Object.hasOwn(names, id) ? names[id]! : id)

  // Overdue now: by department only.
  const overdue: OverdueRow[] = []
  for (const p of policies.values()) {
    const sig = p.signature
    if (!sig || !sig.proactive || !sig.deadline || !p.stage || !isOverdueAt(p.stage, sig.deadline, now)) continue
    const dept = sig.department ?? p.department
    if (!inDepartment(dept)) continue
    overdue.push({
      policy: p.id,
      title: p.title,
      department: dept ?? '',
      departmentName: dept ? nameOf(dept) : '',
      signedAt: sig.at,
      deadline: sig.deadline.toISOString(),
      stage: p.stage,
      daysOverdue: Math.max(0, Math.floor((now.getTime() - sig.deadline.getTime()) / DAY_MS)),
    })
  }
  // Deadline unknown, calendar missing: signed (or released) proactive packages whose clock cannot be computed.
  const deadlineUnknown: DeadlineUnknownRow[] = []
  for (const p of policies.values()) {
    const sig = p.signature
    if (!sig || !sig.proactive || sig.deadline) continue
    if (p.stage !== 'signed' && p.stage !== 'scheduled' && !(p.release && p.release.deadlineUnknown)) continue
    const dept = sig.department ?? p.department
    if (!inDepartment(dept)) continue
    if (year !== null && yearOf(sig.at) !== year) continue
    deadlineUnknown.push({
      policy: p.id,
      title: p.title,
      department: dept ?? '',
      departmentName: dept ? nameOf(dept) : '',
      signedAt: sig.at,
      stage: p.stage ?? '',
      missingYear: missingCalendarYear(RELEASE_WORKING_DAYS, chinaDate(new Date(sig.at))),
    })
  }
  deadlineUnknown.sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.policy.localeCompare(b.policy))

  // Imported packages: counted apart, never in the figures (their drafting and sign-off happened elsewhere).
  let importedPackages = 0
  for (const p of policies.values()) {
    if (!p.imported || !inDepartment(p.department)) continue
    if (year !== null && (!p.imported.releasedAt || yearOf(p.imported.releasedAt) !== year)) continue
    importedPackages += 1
  }

  overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.policy.localeCompare(b.policy))
  const overdueIn = (d: string) => overdue.filter((o) => o.department === d).length

  // One pass: every event in the department scope goes to its year; those in the year scope to the overall,
  // department and month tallies.
  const overall = new Tally()
  const perDepartment = new Map<string, Tally>()
  const perMonth = new Map<string, Tally>()
  const perYear = new Map<number, Tally>()
  const tally = <K>(map: Map<K, Tally>, key: K) => {
    let t = map.get(key)
    if (!t) map.set(key, (t = new Tally()))
    return t
  }
  for (const event of events) {
    if (!inDepartment(event.department)) continue
    const y = yearOf(event.at)
    tally(perYear, y).add(event)
    if (year !== null && y !== year) continue
    overall.add(event)
    tally(perMonth, monthOf(event.at)).add(event)
    if (event.department) tally(perDepartment, event.department).add(event)
  }

  const departmentIds = department !== null ? [department] : [...departmentsSeen]
  const departments: DepartmentRow[] = departmentIds
    .map((id) => ({ id, name: nameOf(id), figures: (perDepartment.get(id) ?? new Tally()).figures(overdueIn(id)) }))
    .sort(byName)

  const monthsWithActivity = [...perMonth.keys()].sort()
  const months =
    year !== null
      ? monthRange(`${year}-01`, `${year}-12`)
      : monthsWithActivity.length
        ? monthRange(monthsWithActivity[0]!, monthsWithActivity.at(-1)!)
        : []
  const byMonth = months.map((m) => (perMonth.get(m) ?? new Tally()).month(m))

  const years = year !== null ? [year] : [...perYear.keys()].sort((a, b) => a - b)
  const byYear: YearRow[] = years.map((y) => ({ year: y, figures: (perYear.get(y) ?? new Tally()).figures(overdue.length) }))

  const overallFigures = overall.figures(overdue.length)
  const last = sorted.at(-1)
  return {
    generatedAt: now.toISOString(),
    filters: { department, year },
    overall: overallFigures,
    departments,
    byMonth,
    byYear,
    forms: { ...overallFigures.forms },
    exemptionsByReason: overall.exemptionRows(),
    overdueNow: overdue,
    deadlineUnknown,
    imported: { packages: importedPackages, note: IMPORTED_NOTE },
    auditHead: last ? { seq: last.seq, hash: last.hash } : null,
  }
}
