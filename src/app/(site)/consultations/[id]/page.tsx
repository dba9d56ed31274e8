import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { content, parseId } from '../../../../site/api'
import { BackToPolicy, RichHtml } from '../../../../site/components'
import { dateZh, str } from '../../../../site/format'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * The consultation notice as the policy's bundle carries it: the content API publishes a notice only as part of a
 * released package, so the page is addressed with its policy (?policy=) and answers 404 unless that bundle lists it.
 */
const load = cache(async (rawId: string, rawPolicy: string | undefined) => {
  const id = parseId(rawId)
  const policyId = rawPolicy ? parseId(rawPolicy) : null
  if (id === null || policyId === null) return null
  const bundle = await content().bundle(policyId)
  if (!bundle?.consultation || bundle.consultation.id !== id) return null
  return { c: bundle.consultation, policy: bundle }
})

const policyParam = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const found = await load((await params).id, policyParam((await searchParams).policy))
  if (!found) return { title: '未找到', robots: { index: false } }
  return { title: found.c.title, alternates: { canonical: `/consultations/${found.c.id}?policy=${found.policy.id}` } }
}

const CHANNELS: Record<string, string> = { email: '电子邮箱', post: '信函', phone: '电话', fax: '传真', web: '网站', online: '在线' }

export default async function ConsultationPage({ params, searchParams }: Props) {
  const found = await load((await params).id, policyParam((await searchParams).policy))
  if (!found) notFound()
  const { c, policy } = found
  const feedback = c.feedback && typeof c.feedback === 'object' ? (c.feedback as Record<string, unknown>) : undefined
  const channels = (c.channels ?? []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
  return (
    <article>
      <BackToPolicy policy={policy} />
      <p className="muted">征求意见公告</p>
      <h1>{c.title}</h1>
      <table className="meta-table">
        <tbody>
          <tr>
            <th scope="row">征求意见期</th>
            <td>
              {dateZh(c.opensAt)} 至 {dateZh(c.closesAt)}
            </td>
          </tr>
          {c.shortPeriodReason ? (
            <tr>
              <th scope="row">缩短征求意见期限的理由</th>
              <td style={{ whiteSpace: 'pre-line' }}>{c.shortPeriodReason}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">意见反馈渠道</th>
            <td>
              {channels.map((ch) => `${CHANNELS[String(ch.kind)] ?? String(ch.kind ?? '')}：${String(ch.value ?? '')}`).join('；') || '—'}
            </td>
          </tr>
          {feedback ? (
            <tr>
              <th scope="row">意见采纳情况</th>
              <td>
                {[
                  typeof feedback.receivedCount === 'number' ? `收到意见 ${feedback.receivedCount} 条` : null,
                  typeof feedback.adoptedCount === 'number' ? `采纳 ${feedback.adoptedCount} 条` : null,
                ]
                  .filter(Boolean)
                  .join('，')}
                {str(feedback, 'summary') ? <p style={{ whiteSpace: 'pre-line' }}>{str(feedback, 'summary')}</p> : null}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <h2>征求意见稿</h2>
      <RichHtml html={c.draft?.html} />
      <BackToPolicy policy={policy} />
    </article>
  )
}
