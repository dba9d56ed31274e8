'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { useActionPost } from '../useActionPost'

type Question = { answerSeq?: null | number; askerName: string; key: string; question: string; status: string }
type Interview = { questions?: Question[]; segments?: { seq: number; speaker: string; text: string }[]; status?: string }

const t = {
  title: { en: 'Live broadcast', zh: '文字直播' },
  unsaved: { en: 'Save the interview first.', zh: '请先保存访谈。' },
  status: { en: 'Status', zh: '状态' },
  live: { en: 'Go live', zh: '开始直播' },
  end: { en: 'End the interview', zh: '结束访谈' },
  speaker: { en: 'Speaker', zh: '发言人' },
  text: { en: 'What was said', zh: '发言内容' },
  append: { en: 'Append', zh: '追加实录' },
  pending: { en: 'Questions to moderate', zh: '待审核网友提问' },
  answerSeq: { en: 'answer no.', zh: '回答段落序号' },
  answer: { en: 'Answered', zh: '已回答' },
  reject: { en: 'Reject', zh: '不采用' },
  done: { en: 'Done.', zh: '已办理。' },
  host: { en: 'Host', zh: '主持人' },
  guest: { en: 'Guest', zh: '嘉宾' },
  public: { en: 'Public', zh: '网友' },
  statuses: { upcoming: { en: 'Upcoming', zh: '预告' }, live: { en: 'Live', zh: '直播中' }, ended: { en: 'Ended', zh: '已结束' } },
}

/**
 * The interview's record on its edit view: go live / end, append segments while live, moderate questions. It
 * calls the same endpoints as any client (/api/interviews/:id/…); the server checks every rule.
 */
export function InterviewLiveConsole() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const api = `${config.serverURL}${config.routes.api}/interviews/${id}`
  const [doc, setDoc] = useState<Interview | null>(null)
  const [speaker, setSpeaker] = useState('')
  const [role, setRole] = useState('guest')
  const [said, setSaid] = useState('')
  const [answers, setAnswers] = useState<Record<string, string>>({})

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}?depth=0`, { credentials: 'include', headers: { 'accept-language': lang } })
    if (res.ok) setDoc((await res.json()) as Interview)
  }, [api, id, lang])
  useEffect(() => void load(), [load])

  const { busy, post: postTo } = useActionPost(lang, t.done[lang], load)
  const post = (path: string, body: object, after?: () => void) => postTo(`${api}${path}`, body, after)

  if (!id) return <p>{t.unsaved[lang]}</p>
  if (!doc) return null
  const status = (doc.status ?? 'upcoming') as keyof typeof t.statuses
  const pending = (doc.questions ?? []).filter((q) => q.status === 'pending')
  const input = { width: '100%', marginBottom: 'calc(var(--base) / 2)' }
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{t.title[lang]}</h4>
      <p style={{ margin: 0 }}>
        {t.status[lang]}：<strong>{t.statuses[status][lang]}</strong>
      </p>
      <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', margin: 'calc(var(--base) / 2) 0' }}>
        {status === 'upcoming' ? (
          <Button disabled={busy} margin={false} onClick={() => post('/status', { status: 'live' })} size="small">
            {t.live[lang]}
          </Button>
        ) : null}
        {status === 'live' ? (
          <Button buttonStyle="secondary" disabled={busy} margin={false} onClick={() => post('/status', { status: 'ended' })} size="small">
            {t.end[lang]}
          </Button>
        ) : null}
      </div>
      {status === 'live' ? (
        <div>
          <input onChange={(e) => setSpeaker(e.target.value)} placeholder={t.speaker[lang]} style={input} value={speaker} />
          <select onChange={(e) => setRole(e.target.value)} style={input} value={role}>
            {(['host', 'guest', 'public'] as const).map((r) => (
              <option key={r} value={r}>
                {t[r][lang]}
              </option>
            ))}
          </select>
          <textarea onChange={(e) => setSaid(e.target.value)} placeholder={t.text[lang]} rows={3} style={input} value={said} />
          <Button
            disabled={busy || !speaker.trim() || !said.trim()}
            margin={false}
            onClick={() => post('/segments', { speaker: speaker.trim(), role, text: said.trim() }, () => setSaid(''))}
            size="small"
          >
            {t.append[lang]}
          </Button>
        </div>
      ) : null}
      {pending.length ? (
        <>
          <p style={{ margin: 'var(--base) 0 0' }}>{t.pending[lang]}：</p>
          <ul style={{ paddingLeft: '1.2em', margin: 0 }}>
            {pending.map((q) => (
              <li key={q.key} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
                <strong>{q.askerName}</strong>：{q.question}
                <div style={{ display: 'flex', gap: 'calc(var(--base) / 4)', alignItems: 'center' }}>
                  <input
                    onChange={(e) => setAnswers({ ...answers, [q.key]: e.target.value })}
                    placeholder={t.answerSeq[lang]}
                    style={{ width: '7em' }}
                    value={answers[q.key] ?? ''}
                  />
                  <Button
                    disabled={busy || !Number(answers[q.key])}
                    margin={false}
                    onClick={() => post(`/questions/${q.key}/moderate`, { action: 'answer', answerSeq: Number(answers[q.key]) })}
                    size="small"
                  >
                    {t.answer[lang]}
                  </Button>
                  <Button buttonStyle="secondary" disabled={busy} margin={false} onClick={() => post(`/questions/${q.key}/moderate`, { action: 'reject' })} size="small">
                    {t.reject[lang]}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
