'use client'

import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts'

/*
 * The dashboard's charts (recharts 3). They receive plain, already scoped data from the server view and draw it
 * in the browser (recharts renders only its wrapper on the server). Series children are listed directly, never in
 * fragments: recharts flattens fragments with react-is, whose hoisted copy here (16.x) predates React 19 elements.
 */

export type Series = { color: string; key: string; label: string }

const box = (height: number) => ({ width: '100%', height })
const empty = (text: string) => <p style={{ opacity: 0.7, margin: '24px 0' }}>{text}</p>

/** Monthly releases and how many of them kept the rules (grouped bars: readable with a single month too). */
export function TrendChart({
  data,
  empty: emptyText,
  series,
}: {
  data: Record<string, number | string>[]
  empty: string
  series: Series[]
}) {
  if (!data.length) return empty(emptyText)
  return (
    <div data-testid="compliance-chart-trend">
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} responsive style={box(280)}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Bar dataKey={s.key} fill={s.color} key={s.key} name={s.label} />
        ))}
      </BarChart>
    </div>
  )
}

/** Departments ranked (the order given), as horizontal bars. */
export function RankingChart({
  data,
  empty: emptyText,
  series,
}: {
  data: Record<string, number | string>[]
  empty: string
  series: Series[]
}) {
  if (!data.length) return empty(emptyText)
  return (
    <div data-testid="compliance-chart-ranking">
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        responsive
        style={box(Math.max(160, 36 * data.length + 70))}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis allowDecimals={false} type="number" />
        <YAxis dataKey="name" type="category" width={180} />
        <Tooltip />
        <Legend itemSorter={null} />
        {series.map((s) => (
          <Bar dataKey={s.key} fill={s.color} key={s.key} name={s.label} />
        ))}
      </BarChart>
    </div>
  )
}

/** The forms of the released interpretation materials. */
export function FormsChart({ data, empty: emptyText }: { data: { color: string; label: string; value: number }[]; empty: string }) {
  const shown = data.filter((d) => d.value > 0)
  if (!shown.length) return empty(emptyText)
  return (
    <div data-testid="compliance-chart-forms">
      <PieChart responsive style={box(280)}>
        {/* No entry animation: the figures are read at a glance (and by screenshots) the moment the page shows. */}
        <Pie data={shown} dataKey="value" innerRadius="45%" isAnimationActive={false} label nameKey="label" outerRadius="75%">
          {shown.map((d) => (
            <Cell fill={d.color} key={d.label} />
          ))}
        </Pie>
        <Tooltip />
        <Legend itemSorter={null} />
      </PieChart>
    </div>
  )
}
