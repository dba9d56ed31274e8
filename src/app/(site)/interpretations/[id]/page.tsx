import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { BackToPolicy, RichHtml } from '../../../../site/components'
import { dateZh, FORM_LABELS, obj, str } from '../../../../site/format'
import { loadMember } from '../../../../site/members'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await loadMember('interpretations', (await params).id)
  if (!found) return { title: '未找到', robots: { index: false } }
  return { title: found.m.title, alternates: { canonical: `/interpretations/${found.m.id}` } }
}

const CARD: [string, string][] = [
  ['beneficiaries', '享受对象'],
  ['standard', '享受标准'],
  ['process', '申办流程'],
  ['basis', '政策依据'],
]

export default async function InterpretationPage({ params }: Params) {
  const found = await loadMember('interpretations', (await params).id)
  if (!found) notFound()
  const { m, policy } = found
  const card = obj(m, 'card')
  const form = m.form ?? 'text'
  return (
    <article>
      <BackToPolicy policy={policy} />
      <p className="muted">
        {FORM_LABELS[form] ?? '政策解读'}
        {m.supplementary ? ' · 补充解读' : ''}
      </p>
      <h1>{m.title}</h1>
      <p className="muted">
        {[
          str(m, 'author') && `解读人：${str(m, 'author')}`,
          str(m, 'interpreterRole'),
          policy ? `发布日期：${dateZh(policy.releasedAt)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {form === 'card' && card ? (
        <section className="card" aria-label="明白卡">
          <h2 style={{ marginTop: 0 }}>明白卡</h2>
          <dl>
            {CARD.map(([key, label]) => (
              <React.Fragment key={key}>
                <dt>{label}</dt>
                <dd>{str(card, key) ?? '—'}</dd>
              </React.Fragment>
            ))}
          </dl>
        </section>
      ) : null}
      <RichHtml html={m.body?.html} />
      <BackToPolicy policy={policy} />
    </article>
  )
}
