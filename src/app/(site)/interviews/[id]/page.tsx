import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { BackToPolicy } from '../../../../site/components'
import { arr, dateTimeZh, idOfMember, obj, str } from '../../../../site/format'
import { loadMember } from '../../../../site/members'
import { LiveUpdates } from './LiveUpdates'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await loadMember('interviews', (await params).id)
  if (!found) return { title: '未找到', robots: { index: false } }
  return { title: found.m.title, alternates: { canonical: `/interviews/${found.m.id}` } }
}

const STATUS: Record<string, string> = { upcoming: '预告', live: '直播中', ended: '已结束' }
const ROLE: Record<string, string> = { host: '主持人', guest: '嘉宾', public: '网友' }

const person = (p: Record<string, unknown> | undefined) =>
  p ? [str(p, 'name'), str(p, 'title'), str(p, 'organisation') ?? str(p, 'department')].filter(Boolean).join('，') : ''

export default async function InterviewPage({ params }: Params) {
  const found = await loadMember('interviews', (await params).id)
  if (!found) notFound()
  const { m, policy } = found
  const status = str(m, 'status') ?? 'ended'
  const segments = arr(m, 'segments').sort((a, b) => Number(a.seq ?? 0) - Number(b.seq ?? 0))
  const questions = arr(m, 'questions').filter((q) => q.status === 'answered')
  const replay = idOfMember(m.replayVideo)
  const lastSeq = Number(segments.at(-1)?.seq ?? 0)
  return (
    <article>
      <BackToPolicy policy={policy} />
      <p className="muted">在线访谈 · {STATUS[status] ?? status}</p>
      <h1>{m.title}</h1>
      <table className="meta-table">
        <tbody>
          <tr>
            <th scope="row">访谈时间</th>
            <td>{dateTimeZh(str(m, 'scheduledAt'))}</td>
          </tr>
          <tr>
            <th scope="row">主持人</th>
            <td>{person(obj(m, 'host')) || '—'}</td>
          </tr>
          <tr>
            <th scope="row">嘉宾</th>
            <td>{arr(m, 'guests').map(person).join('；') || '—'}</td>
          </tr>
        </tbody>
      </table>
      {str(m, 'topic') ? <p>{str(m, 'topic')}</p> : null}
      {replay !== undefined ? (
        <p>
          <Link href={`/videos/${replay}`}>观看访谈回放</Link>
        </p>
      ) : null}
      <section aria-labelledby="record">
        <h2 id="record">文字实录</h2>
        <ol className="transcript" id="transcript-list" aria-live={status === 'live' ? 'polite' : undefined}>
          {segments.map((s) => (
            <li key={String(s.seq)}>
              <span className="speaker">
                {str(s, 'speaker')}
                {ROLE[String(s.role)] ? `（${ROLE[String(s.role)]}）` : ''}：
              </span>
              <span style={{ whiteSpace: 'pre-line' }}>{str(s, 'text')}</span>
            </li>
          ))}
        </ol>
        {status === 'live' ? <LiveUpdates interviewId={m.id} after={lastSeq} /> : null}
      </section>
      <section aria-labelledby="qa">
        <h2 id="qa">网友提问</h2>
        {questions.length ? (
          <ul className="list">
            {questions.map((q, i) => (
              <li key={str(q, 'key') ?? i}>
                <strong>{str(q, 'askerName') ?? '网友'}：</strong>
                {str(q, 'question')}
                {q.answerSeq ? <span className="meta">回答见实录第 {String(q.answerSeq)} 段</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">暂无已回答的网友提问。</p>
        )}
      </section>
      <BackToPolicy policy={policy} />
    </article>
  )
}
