import { type Question, type Segment, SPEAKER_ROLES } from './record'

/** A finished interview as a clean transcript: Markdown for editors, HTML for a static page. */

export type InterviewExport = {
  guests?: null | { name: string; organisation?: null | string; title?: null | string }[]
  host?: null | { department?: null | string; name?: null | string; title?: null | string }
  questions?: null | Question[]
  scheduledAt?: null | string
  segments?: null | Segment[]
  title: string
  topic?: null | string
}

/** China Standard Time, the time printed on every government page; no locale data needed. */
export const cst = (iso: null | string | undefined): string =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') : ''

const roleZh = (role: string) => SPEAKER_ROLES.find((r) => r.value === role)?.label.zh ?? role

const person = (p: { name?: null | string; organisation?: null | string; title?: null | string; department?: null | string }) => {
  const extra = [p.title, p.organisation ?? p.department].filter(Boolean).join('，')
  return extra ? `${p.name}（${extra}）` : String(p.name ?? '')
}

/** Markdown-significant characters escaped, so a speaker cannot inject links, headings or HTML. */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1')

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const answered = (doc: InterviewExport) => (doc.questions ?? []).filter((q) => q.status === 'answered')
const segmentBySeq = (doc: InterviewExport, seq: null | number | undefined) => (doc.segments ?? []).find((s) => s.seq === seq)

export function toMarkdown(doc: InterviewExport): string {
  const md = escapeMarkdown
  const lines = [`# ${md(doc.title)}`, '']
  if (doc.topic) lines.push(`- 主题：${md(doc.topic)}`)
  if (doc.scheduledAt) lines.push(`- 时间：${cst(doc.scheduledAt)}`)
  if (doc.host?.name) lines.push(`- 主持人：${md(person(doc.host))}`)
  if (doc.guests?.length) lines.push(`- 嘉宾：${doc.guests.map((g) => md(person(g))).join('；')}`)
  lines.push('', '## 访谈实录', '')
  for (const s of doc.segments ?? []) {
    lines.push(`**${md(s.speaker)}**（${roleZh(s.role)}）〔${cst(s.at).slice(11)}〕：${md(s.text).replace(/\n+/g, '  \n')}`, '')
  }
  const qs = answered(doc)
  if (qs.length) {
    lines.push('## 网友提问', '')
    for (const q of qs) {
      const a = segmentBySeq(doc, q.answerSeq)
      lines.push(`**${md(q.askerName)}** 问：${md(q.question)}`, '')
      if (a) lines.push(`> ${md(a.speaker)} 答：${md(a.text).replace(/\n+/g, ' ')}`, '')
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}

export function toHtml(doc: InterviewExport): string {
  const h = escapeHtml
  const meta = [
    doc.topic ? `<dt>主题</dt><dd>${h(doc.topic)}</dd>` : '',
    doc.scheduledAt ? `<dt>时间</dt><dd><time datetime="${h(doc.scheduledAt)}">${cst(doc.scheduledAt)}</time></dd>` : '',
    doc.host?.name ? `<dt>主持人</dt><dd>${h(person(doc.host))}</dd>` : '',
    doc.guests?.length ? `<dt>嘉宾</dt><dd>${doc.guests.map((g) => h(person(g))).join('；')}</dd>` : '',
  ].join('')
  const segments = (doc.segments ?? [])
    .map(
      (s) =>
        `<p id="s${s.seq}" class="segment ${h(s.role)}"><strong>${h(s.speaker)}</strong>（${roleZh(s.role)}）<time datetime="${h(s.at)}">${cst(s.at).slice(11)}</time>：${h(s.text).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n')
  const qs = answered(doc)
    .map((q) => {
      const a = segmentBySeq(doc, q.answerSeq)
      return `<li><p><strong>${h(q.askerName)}</strong> 问：${h(q.question)}</p>${a ? `<p><a href="#s${a.seq}">${h(a.speaker)} 答</a>：${h(a.text)}</p>` : ''}</li>`
    })
    .join('\n')
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${h(doc.title)}</title></head><body><article>`,
    `<h1>${h(doc.title)}</h1>`,
    meta ? `<dl>${meta}</dl>` : '',
    '<h2>访谈实录</h2>',
    segments,
    qs ? `<h2>网友提问</h2>\n<ol>\n${qs}\n</ol>` : '',
    '</article></body></html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
}
