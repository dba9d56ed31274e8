'use client'

import { Button, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useState } from 'react'

type Problem = { hint: string; message: string; rule: string; ruleName: { en: string; zh: string } }
type Readiness = { problems: Problem[]; ready: boolean }

const text = {
  title: { en: 'Double association check', zh: '双关联检查' },
  ready: { en: 'Ready to submit: interpretation and consultation requirements are met.', zh: '可以提交：解读材料和征求意见要求均已满足。' },
  unsaved: { en: 'Save the policy first; the check runs on the saved document.', zh: '请先保存政策文件，再进行检查。' },
  submit: { en: 'Submit for review', zh: '提交审核' },
  submitted: { en: 'Submitted for review.', zh: '已提交审核。' },
  notDrafting: { en: 'This package has left drafting.', zh: '该文件已提交，不在起草阶段。' },
}

/**
 * Sidebar panel on a policy: lists what keeps the package in drafting (each with its rule and what to do),
 * and submits it when nothing does. The server re-checks on submit; this panel only explains.
 */
export function PackageReadiness() {
  const { id, savedDocumentData } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const [state, setState] = useState<null | Readiness>(null)
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL}${config.routes.api}/policies/${id}`
  const stage = (savedDocumentData as { stage?: string } | undefined)?.stage

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`${api}/readiness`, { credentials: 'include', headers: { 'accept-language': lang } })
    if (res.ok) setState((await res.json()) as Readiness)
  }, [api, id, lang])

  useEffect(() => {
    void load()
  }, [load, savedDocumentData])

  const submit = async () => {
    setBusy(true)
    try {
      const res = await fetch(`${api}/submit`, { method: 'POST', credentials: 'include', headers: { 'accept-language': lang } })
      const body = (await res.json()) as { errors?: { message: string }[] }
      if (res.ok) {
        toast.success(text.submitted[lang])
        router.refresh()
      } else toast.error(body.errors?.[0]?.message ?? String(res.status))
    } finally {
      setBusy(false)
      void load()
    }
  }

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{text.title[lang]}</h4>
      {!id ? (
        <p>{text.unsaved[lang]}</p>
      ) : stage && stage !== 'drafting' ? (
        <p>{text.notDrafting[lang]}</p>
      ) : state === null ? null : state.ready ? (
        <>
          <p style={{ color: 'var(--theme-success-700)' }}>✓ {text.ready[lang]}</p>
          <Button buttonStyle="primary" disabled={busy} onClick={submit} size="small">
            {text.submit[lang]}
          </Button>
        </>
      ) : (
        <ul style={{ paddingLeft: '1.2em', margin: 0 }}>
          {state.problems.map((p) => (
            <li key={p.rule} style={{ marginBottom: 'calc(var(--base) / 2)' }}>
              <strong>【{p.ruleName[lang]}】</strong>
              {p.message}
              <br />
              <span style={{ color: 'var(--theme-elevation-600)' }}>{p.hint}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
