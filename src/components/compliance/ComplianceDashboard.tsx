import type React from 'react'

import type { ComplianceFigures, ComplianceForm, ComplianceReport } from '../../compliance/types'
import type { DashboardData, Section } from './loadDashboard'

import { COMPLIANCE_FORMS } from '../../compliance/types'
import { FormsChart, RankingChart, TrendChart } from './Charts'
import { Filters } from './Filters'
import { color, day, type Lang, percent, TEXT } from './text'

/*
 * The dashboard's markup, rendered on the server with the data of loadDashboard. Figures are plain text with stable
 * `data-testid`s (browser tests read them): compliance-overall-<figure>, compliance-<figure>-<departmentId>,
 * compliance-pending-<policyId>, compliance-stale-<itemId>, and the counts compliance-pending-count and
 * compliance-stale-count.
 */

type Props = { adminRoute: string; data: DashboardData; lang: Lang }

/** Figures shown overall and per department, in order, with their test-id stem. */
const FIGURES = [
  { key: 'released', id: 'released' },
  { key: 'proactive', id: 'proactive' },
  { key: 'withInterpretations', id: 'with-interpretations', share: 'withInterpretationsShare', of: 'ofRequiring' },
  { key: 'inSync', id: 'in-sync', share: 'inSyncShare', of: 'ofRequiring' },
  { key: 'onTime', id: 'on-time', share: 'onTimeShare', of: 'ofProactive' },
  { key: 'late', id: 'late' },
  { key: 'exempt', id: 'exempt' },
  { key: 'returns', id: 'returns' },
  { key: 'supplementary', id: 'supplementary' },
  { key: 'withdrawn', id: 'withdrawn' },
  { key: 'overdueNow', id: 'overdue-now' },
] as const satisfies readonly {
  id: string
  key: keyof ComplianceFigures & keyof typeof TEXT.figures
  of?: 'ofProactive' | 'ofRequiring'
  share?: keyof ComplianceFigures
}[]

const card: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '12px 16px',
  background: 'var(--theme-elevation-50)',
}
const table: React.CSSProperties = { width: '100%', borderCollapse: 'collapse' }
const cell: React.CSSProperties = {
  borderBottom: '1px solid var(--theme-elevation-100)',
  padding: '6px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
}
const num: React.CSSProperties = { ...cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }

function Failed({ lang, section }: { lang: Lang; section: Extract<Section<unknown>, { ok: false }> }) {
  return (
    <p style={{ color: 'var(--theme-error-500)' }}>
      {TEXT.failed[lang]} {section.error}
    </p>
  )
}

function Overall({ figures, lang }: { figures: ComplianceFigures; lang: Lang }) {
  return (
    <div
      data-testid="compliance-overall"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: 12 }}
    >
      {FIGURES.map((f) => (
        <div key={f.key} style={card}>
          <div style={{ fontSize: 12, opacity: 0.75 }}>{TEXT.figures[f.key][lang]}</div>
          <div data-testid={`compliance-overall-${f.id}`} style={{ fontSize: 26, fontWeight: 600 }}>
            {figures[f.key] as number}
          </div>
          {'share' in f ? (
            <div style={{ fontSize: 12, opacity: 0.75 }}>
              {TEXT[f.of][lang]} <span data-testid={`compliance-overall-${f.id}-share`}>{percent(figures[f.share] as null | number)}</span>
            </div>
          ) : null}
        </div>
      ))}
    </div>
  )
}

/** Most releases first, then the better in-sync share, then by name. */
const ranked = (report: ComplianceReport) =>
  [...report.departments].sort(
    (a, b) =>
      b.figures.released - a.figures.released ||
      (b.figures.inSyncShare ?? -1) - (a.figures.inSyncShare ?? -1) ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  )

function Departments({ lang, report }: { lang: Lang; report: ComplianceReport }) {
  const rows = ranked(report)
  const series = [
    { key: 'released', label: TEXT.figures.released[lang], color: color(0) },
    { key: 'inSync', label: TEXT.figures.inSync[lang], color: color(1) },
    { key: 'onTime', label: TEXT.figures.onTime[lang], color: color(2) },
  ]
  return (
    <section>
      <h3>{TEXT.ranking[lang]}</h3>
      <p style={{ fontSize: 12, opacity: 0.7, margin: 0 }}>{TEXT.rankingNote[lang]}</p>
      <RankingChart
        data={rows.map((d) => ({ name: d.name, released: d.figures.released, inSync: d.figures.inSync, onTime: d.figures.onTime }))}
        empty={TEXT.noData[lang]}
        series={series}
      />
      <table data-testid="compliance-departments" style={table}>
        <thead>
          <tr>
            <th style={cell}>#</th>
            <th style={cell}>{TEXT.department[lang]}</th>
            <th style={num}>{TEXT.figures.released[lang]}</th>
            <th style={num}>{TEXT.figures.inSync[lang]}</th>
            <th style={num}>{TEXT.figures.onTime[lang]}</th>
            <th style={num}>{TEXT.figures.late[lang]}</th>
            <th style={num}>{TEXT.figures.overdueNow[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d, i) => (
            <tr data-testid={`compliance-department-${d.id}`} key={d.id}>
              <td style={cell}>{i + 1}</td>
              <td style={cell}>{d.name}</td>
              <td data-testid={`compliance-released-${d.id}`} style={num}>
                {d.figures.released}
              </td>
              <td style={num}>
                <span data-testid={`compliance-in-sync-${d.id}`}>{d.figures.inSync}</span> ({percent(d.figures.inSyncShare)})
              </td>
              <td style={num}>
                <span data-testid={`compliance-on-time-${d.id}`}>{d.figures.onTime}</span> ({percent(d.figures.onTimeShare)})
              </td>
              <td data-testid={`compliance-late-${d.id}`} style={num}>
                {d.figures.late}
              </td>
              <td data-testid={`compliance-overdue-now-${d.id}`} style={num}>
                {d.figures.overdueNow}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Charts({ lang, report }: { lang: Lang; report: ComplianceReport }) {
  const trend = [
    { key: 'released', label: TEXT.figures.released[lang], color: color(0) },
    { key: 'inSync', label: TEXT.figures.inSync[lang], color: color(1) },
    { key: 'onTime', label: TEXT.figures.onTime[lang], color: color(2) },
    { key: 'late', label: TEXT.figures.late[lang], color: color(3) },
  ]
  const forms = COMPLIANCE_FORMS.map((form: ComplianceForm, i) => ({
    label: TEXT.formNames[form][lang],
    value: report.forms[form] ?? 0,
    color: color(i),
  }))
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))', gap: 24 }}>
      <section>
        <h3>{TEXT.trend[lang]}</h3>
        <TrendChart
          data={report.byMonth.map((m) => ({ month: m.month, released: m.released, inSync: m.inSync, onTime: m.onTime, late: m.late }))}
          empty={TEXT.noData[lang]}
          series={trend}
        />
      </section>
      <section>
        <h3>{TEXT.forms[lang]}</h3>
        <FormsChart data={forms} empty={TEXT.noData[lang]} />
        <ul data-testid="compliance-forms" style={{ columns: 2, margin: 0, paddingLeft: '1.2em', fontSize: 13 }}>
          {forms.map((f, i) => (
            <li key={f.label}>
              {f.label}: <span data-testid={`compliance-form-${COMPLIANCE_FORMS[i]}`}>{f.value}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

function Exemptions({ lang, report }: { lang: Lang; report: ComplianceReport }) {
  if (!report.exemptionsByReason.length) return null
  return (
    <section>
      <h3>{TEXT.exemptions[lang]}</h3>
      <table data-testid="compliance-exemptions" style={table}>
        <tbody>
          {report.exemptionsByReason.map((e) => (
            <tr key={`${e.kind}:${e.reason}`}>
              <td style={cell}>{TEXT.exemptionKind[e.kind][lang]}</td>
              <td style={cell}>{e.reason ?? TEXT.noReason[lang]}</td>
              <td style={num}>{e.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Pending({ adminRoute, lang, pending }: { adminRoute: string; lang: Lang; pending: DashboardData['pending'] }) {
  return (
    <section data-testid="compliance-pending">
      <h3>
        {TEXT.pending[lang]} (<span data-testid="compliance-pending-count">{pending.ok ? pending.data.rows.length : '—'}</span>)
      </h3>
      <p style={{ fontSize: 12, opacity: 0.7, marginTop: 0 }}>{TEXT.pendingNote[lang]}</p>
      {!pending.ok ? (
        <Failed lang={lang} section={pending} />
      ) : pending.data.rows.length === 0 ? (
        <p>{TEXT.noPending[lang]}</p>
      ) : (
        <table style={table}>
          <thead>
            <tr>
              <th style={cell}>{TEXT.policy[lang]}</th>
              <th style={cell}>{TEXT.department[lang]}</th>
              <th style={cell}>{TEXT.stage[lang]}</th>
              <th style={cell}>{TEXT.ruleAndFix[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {pending.data.rows.map((p) => (
              <tr data-testid={`compliance-pending-${p.id}`} key={p.id}>
                <td style={cell}>
                  <a data-testid={`compliance-pending-link-${p.id}`} href={`${adminRoute}${p.adminPath}`}>
                    {p.title}
                  </a>
                  {p.documentNumber ? <div style={{ fontSize: 12, opacity: 0.7 }}>{p.documentNumber}</div> : null}
                </td>
                <td style={cell}>{p.department?.name ?? '—'}</td>
                <td style={cell}>
                  {p.stageLabel[lang]}
                  {p.nextStep ? (
                    <div style={{ fontSize: 12, opacity: 0.7 }}>
                      {TEXT.next[lang]}：{p.nextStep.label[lang]}
                    </div>
                  ) : null}
                  {p.releaseDeadline ? (
                    <div style={{ fontSize: 12, color: p.overdue ? 'var(--theme-error-500)' : undefined }}>
                      {TEXT.deadline[lang]}：{day(p.releaseDeadline)}
                    </div>
                  ) : null}
                </td>
                <td style={cell}>
                  <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
                    {p.issues.map((issue) => (
                      <li data-rule={issue.rule} data-testid={`compliance-pending-${p.id}-rule-${issue.rule}`} key={issue.rule}>
                        <strong>【{issue.ruleName[lang]}】</strong>
                        <code style={{ fontSize: 11, opacity: 0.7 }}>{issue.rule}</code> {issue.message[lang]}
                        <br />
                        <span style={{ color: 'var(--theme-elevation-600)' }}>{issue.hint[lang]}</span>
                      </li>
                    ))}
                  </ul>
                  {p.returnReason ? (
                    <div style={{ fontSize: 12, opacity: 0.7 }}>
                      {TEXT.returned[lang]}：{p.returnReason}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending.ok && pending.data.others > 0 ? (
        <p style={{ fontSize: 12, opacity: 0.7 }}>
          + {pending.data.others} {TEXT.pendingOthers[lang]}
        </p>
      ) : null}
    </section>
  )
}

function Stale({ adminRoute, lang, stale }: { adminRoute: string; lang: Lang; stale: DashboardData['stale'] }) {
  return (
    <section data-testid="compliance-stale">
      <h3>
        {TEXT.stale[lang]} (<span data-testid="compliance-stale-count">{stale.ok ? stale.data.rows.length : '—'}</span>)
      </h3>
      <p style={{ fontSize: 12, opacity: 0.7, marginTop: 0 }}>
        {TEXT.staleNote[lang]} <a href={`${adminRoute}/collections/catalog-items`}>{TEXT.catalog[lang]}</a>
      </p>
      {!stale.ok ? (
        <Failed lang={lang} section={stale} />
      ) : stale.data.rows.length === 0 ? (
        <p>{TEXT.noStale[lang]}</p>
      ) : (
        <table style={table}>
          <thead>
            <tr>
              <th style={cell}>{TEXT.itemNumber[lang]}</th>
              <th style={cell}>{TEXT.item[lang]}</th>
              <th style={cell}>{TEXT.column[lang]}</th>
              <th style={cell}>{TEXT.unit[lang]}</th>
              <th style={cell}>{TEXT.period[lang]}</th>
              <th style={cell}>{TEXT.lastUpdate[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {stale.data.rows.map((item) => (
              <tr data-testid={`compliance-stale-${item.id}`} key={item.id}>
                <td style={cell}>
                  <a href={`${adminRoute}/collections/catalog-items/${item.id}`}>{item.itemNumber}</a>
                </td>
                <td style={cell}>{item.title}</td>
                <td style={cell}>{item.websiteColumn}</td>
                <td style={cell}>{item.responsibleUnit?.name ?? '—'}</td>
                <td style={cell}>
                  {item.period[lang]}
                  {item.periodText ? <div style={{ fontSize: 12, opacity: 0.7 }}>{item.periodText}</div> : null}
                </td>
                <td style={cell}>{item.lastUpdatedAt ? day(item.lastUpdatedAt) : TEXT.never[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

export function ComplianceDashboard({ adminRoute, data, lang }: Props) {
  const { report } = data
  const yearOptions = [{ value: '', label: TEXT.allYears[lang] }, ...data.years.map((y) => ({ value: String(y), label: String(y) }))]
  const departmentOptions = [
    ...(data.canChooseDepartment ? [{ value: '', label: TEXT.allDepartments[lang] }] : []),
    ...data.departments.map((d) => ({ value: d.id, label: d.name })),
  ]
  return (
    <div data-testid="compliance-dashboard" style={{ display: 'grid', gap: 28, paddingBottom: 48 }}>
      <header>
        <h1>{TEXT.title[lang]}</h1>
        <p style={{ opacity: 0.7 }}>{TEXT.intro[lang]}</p>
        <Filters
          department={{
            label: TEXT.department[lang],
            options: departmentOptions,
            value: data.filters.department ?? '',
            disabled: !data.canChooseDepartment,
          }}
          key={`${data.filters.year ?? ''}:${data.filters.department ?? ''}`}
          submit={TEXT.apply[lang]}
          year={{ label: TEXT.year[lang], options: yearOptions, value: data.filters.year ? String(data.filters.year) : '' }}
        />
        {report.ok ? (
          <p style={{ fontSize: 12, opacity: 0.6 }}>
            {TEXT.generatedAt[lang]} <span data-testid="compliance-generated-at">{report.data.generatedAt}</span>
          </p>
        ) : null}
      </header>
      {report.ok ? (
        <>
          <Overall figures={report.data.overall} lang={lang} />
          <Charts lang={lang} report={report.data} />
          <Departments lang={lang} report={report.data} />
        </>
      ) : (
        <Failed lang={lang} section={report} />
      )}
      <Pending adminRoute={adminRoute} lang={lang} pending={data.pending} />
      <Stale adminRoute={adminRoute} lang={lang} stale={data.stale} />
      {report.ok ? <Exemptions lang={lang} report={report.data} /> : null}
    </div>
  )
}
