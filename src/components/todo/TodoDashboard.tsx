import type { ServerProps } from 'payload'

import { createLocalReq } from 'payload'

import { cstTime } from '../../i18n'
import { TODO_EMPTY, todoFor } from '../../compliance/todo'

const T = {
  title: { zh: '我的待办', en: 'Waiting for you' },
  deadline: { zh: '发布时限', en: 'Release deadline' },
  reason: { zh: '退回理由', en: 'Reason returned' },
  preview: { zh: '预览', en: 'Preview' },
  open: { zh: '打开', en: 'Open' },
  refused: { zh: '无法列出待办：', en: 'No list: ' },
} as const

/**
 * 待办 above the admin dashboard's collection cards (admin.components.beforeDashboard): the packages waiting for the
 * signed-in user — to review, to sign, to release or scheduled, returned to the drafter, overdue — each linking to
 * its edit view and its preview. Server-rendered from `todoFor` (src/compliance/todo.ts).
 */
export async function TodoDashboard({ i18n, payload, user }: ServerProps) {
  if (!user) return null
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  const list = await todoFor(req)
  const admin = payload.config.routes.admin
  return (
    <section data-testid="todo" aria-labelledby="todo-title" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="todo-title" style={{ marginBottom: 'calc(var(--base) / 2)' }}>
        {T.title[lang]}
        {list.total ? <span style={{ color: 'var(--theme-elevation-500)', fontWeight: 400 }}>（{list.total}）</span> : null}
      </h2>
      {list.refusal ? (
        <p>
          {T.refused[lang]}
          {list.refusal[lang]}
        </p>
      ) : !list.sections.length ? (
        <p data-testid="todo-empty" style={{ color: 'var(--theme-elevation-600)' }}>
          {TODO_EMPTY[lang]}
        </p>
      ) : (
        <div style={{ display: 'grid', gap: 'var(--base)', gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))' }}>
          {list.sections.map((s) => (
            <div
              key={s.key}
              data-testid={`todo-${s.key}`}
              style={{
                border: `1px solid ${s.key === 'overdue' ? 'var(--theme-error-500)' : 'var(--theme-elevation-150)'}`,
                borderRadius: 'var(--style-radius-m)',
                padding: 'calc(var(--base) * 0.75)',
                background: 'var(--theme-elevation-0)',
              }}
            >
              <h3 style={{ margin: '0 0 calc(var(--base) / 2)', color: s.key === 'overdue' ? 'var(--theme-error-500)' : undefined }}>
                {s.title[lang]}（{s.items.length}）
              </h3>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {s.items.map((p) => (
                  <li key={p.id} style={{ padding: 'calc(var(--base) / 3) 0', borderTop: '1px solid var(--theme-elevation-100)' }}>
                    <a href={`${admin}${p.adminPath}`} style={{ fontWeight: 600 }}>
                      {p.title}
                    </a>
                    <div style={{ color: 'var(--theme-elevation-600)', fontSize: '0.9em' }}>
                      {[p.documentNumber, p.department?.name, p.stageLabel[lang]].filter(Boolean).join(' · ')}
                      {p.releaseDeadline ? ` · ${T.deadline[lang]} ${cstTime(p.releaseDeadline).slice(0, 16)}` : ''}
                    </div>
                    {p.returnReason ? (
                      <div style={{ fontSize: '0.9em' }}>
                        {T.reason[lang]}：{p.returnReason}
                      </div>
                    ) : null}
                    <div style={{ fontSize: '0.9em' }}>
                      <a href={`${admin}${p.adminPath}`}>{T.open[lang]}</a> ·{' '}
                      <a href={p.previewPath} target="_blank" rel="noopener">
                        {T.preview[lang]}
                      </a>
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
