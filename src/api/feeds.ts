import type { Payload, Where } from 'payload'

import { Feed } from 'feed'

import type { Policy } from '../../payload-types'

import { INTERPRETATION_FORMS } from '../rules/interpretationForms'
import { releasedPolicies } from './policyQueries'
import { publicFind } from './publicRead'
import { API, richText } from './publicViews'
import type { ListQuery } from './query'

export const FEED_FORMATS = { rss: 'rss2', atom: 'atom1', json: 'json1' } as const
export type FeedFormat = keyof typeof FEED_FORMATS
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
}

const SIZE = 50

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

/**
 * Plain text (titles, summaries) as the format carries it. Atom declares those elements `type="html"` and RSS
 * readers render them as HTML, both inside CDATA: a title is escaped there, so `<script>` in a title stays text and
 * no `]]>` can end the CDATA section early. JSON Feed's title and summary are plain text and stay as they are.
 */
const plainText = (format: FeedFormat) => (format === 'json' ? (text: string) => text : escapeHtml)

function newFeed(origin: string, kind: string, title: string, search: string, updated: Date) {
  const link = (format: FeedFormat) => `${origin}${API}/feeds/${kind}.${format}${search}`
  return new Feed({
    id: link('atom'),
    title,
    link: `${origin}${API}/${kind}`,
    language: 'zh-CN',
    updated,
    generator: '政策解读管理系统 policy-interpretation-cms',
    copyright: '主动公开政府信息 · Proactively disclosed government information',
    feedLinks: { rss: link('rss'), atom: link('atom'), json: link('json') },
  })
}

/** 订阅: newest released policies (optionally of one department / type / subject), as RSS 2.0, Atom or JSON Feed. */
export async function policiesFeed(payload: Payload, origin: string, search: string, q: Partial<ListQuery>, format: FeedFormat) {
  const text = plainText(format)
  const { docs } = await releasedPolicies(payload, { ...q, page: 1, limit: SIZE })
  const department = q.department ? docs[0]?.department : undefined
  const title = `最新政策文件${department && typeof department === 'object' ? ` · ${department.name}` : ''}`
  const feed = newFeed(origin, 'policies', title, search, latest(docs.map((d) => d.workflow?.releasedAt)))
  for (const p of docs as Policy[]) {
    const link = `${origin}${API}/policies/${p.id}`
    const body = richText(p.body)
    feed.addItem({
      id: link,
      link,
      title: text(p.documentNumber ? `${p.title}（${p.documentNumber}）` : p.title),
      date: new Date(p.workflow?.releasedAt ?? p.updatedAt),
      description: text(body.text.slice(0, 200)),
      content: body.html,
      category: p.department && typeof p.department === 'object' ? [{ name: p.department.name }] : undefined,
    })
  }
  return feed
}

/** Newest released interpretations (optionally of one form or department). */
export async function interpretationsFeed(payload: Payload, origin: string, search: string, q: Partial<ListQuery>, format: FeedFormat) {
  const text = plainText(format)
  const and: Where[] = [
    ...(q.form ? [{ form: { equals: q.form } }] : []),
    ...(q.department ? [{ department: { equals: q.department } }] : []),
  ]
  const { docs } = await publicFind(payload, 'interpretations', {
    where: and.length ? { and } : {},
    sort: '-updatedAt',
    limit: SIZE,
    depth: 1,
  })
  const formLabel = INTERPRETATION_FORMS.find((f) => f.value === q.form)?.label.zh
  const feed = newFeed(
    origin,
    'interpretations',
    `最新政策解读${formLabel ? ` · ${formLabel}` : ''}`,
    search,
    latest(docs.map((d) => d.updatedAt)),
  )
  for (const i of docs) {
    const link = `${origin}${API}/interpretations/${i.id}`
    const policy = typeof i.policy === 'object' ? i.policy : null
    feed.addItem({
      id: link,
      link,
      title: text(i.title),
      date: new Date(i.supplement?.releasedAt ?? policy?.workflow?.releasedAt ?? i.updatedAt),
      description: policy ? text(`解读《${policy.title}》`) : undefined,
      content: richText(i.body).html,
      category: [{ name: INTERPRETATION_FORMS.find((f) => f.value === i.form)?.label.zh ?? i.form }],
    })
  }
  return feed
}

const latest = (dates: (null | string | undefined)[]) =>
  new Date(Math.max(0, ...dates.filter(Boolean).map((d) => new Date(d as string).getTime())) || Date.now())
