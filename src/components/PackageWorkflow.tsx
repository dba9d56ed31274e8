'use client'

import { Button, useConfig, useDocumentInfo, useForm, useFormModified, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { useActionPost } from './useActionPost'

type Bilingual = { en: string; zh: string }
type Problem = { hint: string; message: string; rule: string; ruleName: Bilingual }
type ActionState = {
  action: string
  allowed: boolean
  blockedBy?: { hint?: string; rule?: string; ruleName?: Bilingual }
  label: Bilingual
  reasonRequired: boolean
}
type State = {
  actions: ActionState[]
  deadlineStatus?: { message: Bilingual | null; state: 'known' | 'none' | 'unknown' }
  overdue: boolean
  problems: Problem[]
  releaseDeadline: null | string
  stage: string
  stageLabel: Bilingual
  workflow: Record<string, unknown>
}

const text = {
  title: { en: 'Sign-off & release', zh: '审签发布' },
  stage: { en: 'Stage', zh: '当前状态' },
  blocked: { en: 'What blocks submission', zh: '提交前须解决' },
  deadline: { en: 'Release deadline (3 working days)', zh: '发布时限（3个工作日）' },
  overdue: { en: 'Overdue', zh: '已超期' },
  unsaved: { en: 'Save the policy first.', zh: '请先保存政策文件。' },
  reason: { en: 'Reason', zh: '理由' },
  releaseAt: { en: 'Release at (empty: now)', zh: '定时发布（留空即立即发布）' },
  minor: { en: 'Minor correction (更正)', zh: '更正（文字、链接等）' },
  major: { en: 'Major revision (修订)', zh: '修订（实质内容变更）' },
  changeNote: { en: 'Change note (public; required for a major revision)', zh: '修改说明（公开；修订必填）' },
  documentNumber: { en: 'Document number', zh: '发文字号' },
  done: { en: 'Done.', zh: '已办理。' },
  none: { en: 'No action is open to you at this stage.', zh: '当前阶段您没有可办理的操作。' },
}

/**
 * The package's lifecycle on the policy edit view: its stage, what blocks the next step (each with its rule
 * and fix), and buttons for the steps the signed-in user may take. The server checks every rule again.
 */
export function PackageWorkflow() {
  const { id, savedDocumentData, updateSavedDocumentData } = useDocumentInfo()
  const { reset } = useForm()
  const modified = useFormModified()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const [state, setState] = useState<null | State>(null)
  const [reason, setReason] = useState('')
  const [releaseAt, setReleaseAt] = useState('')
  const [documentNumber, setDocumentNumber] = useState('')
  const [changeType, setChangeType] = useState<'major' | 'minor'>('minor')
  const [changeNote, setChangeNote] = useState('')
  const api = `${config.serverURL}${config.routes.api}/policies/${id}/workflow`

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(api, { credentials: 'include', headers: { 'accept-language': lang } })
    if (res.ok) setState((await res.json()) as State)
  }, [api, id, lang])

  useEffect(() => {
    void load()
  }, [load, savedDocumentData])

  const { busy, post } = useActionPost(lang, text.done[lang], load)
  const run = (action: string) => {
    const body: Record<string, string> = {}
    if (reason.trim()) body.reason = reason.trim()
    if (action === 'release' && releaseAt) body.releaseAt = new Date(releaseAt).toISOString()
    if (action === 'sign' && documentNumber.trim()) body.documentNumber = documentNumber.trim()
    if (action === 'revise') {
      body.changeType = changeType
      if (changeNote.trim()) body.changeNote = changeNote.trim()
    }
    return post(`${api}/${action}`, body, () => {
      setReason('')
      void refreshForm()
    })
  }

  // A step changes the stage, the sign-off record and maybe 发文字号 on the server: show them in the form as well,
  // unless the user has unsaved edits there (those are never discarded).
  const refreshForm = async () => {
    if (modified) return
    const res = await fetch(`${config.serverURL}${config.routes.api}/policies/${id}?depth=0`, { credentials: 'include' })
    if (!res.ok) return
    const doc = (await res.json()) as Record<string, unknown>
    await reset(doc)
    updateSavedDocumentData(doc)
  }

  if (!id) return <p>{text.unsaved[lang]}</p>
  if (!state) return null
  const open = state.actions.filter((a) => a.allowed)
  const needsReason = open.some((a) => a.reasonRequired)
  const inputStyle = { width: '100%', marginBottom: 'calc(var(--base) / 2)' }
  const hasNumber = Boolean((savedDocumentData as { documentNumber?: string } | undefined)?.documentNumber)

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <h4 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{text.title[lang]}</h4>
      <p style={{ margin: 0 }}>
        {text.stage[lang]}：<strong>{state.stageLabel[lang]}</strong>
      </p>
      {state.releaseDeadline ? (
        <p style={{ margin: 0, color: state.overdue ? 'var(--theme-error-500)' : undefined }}>
          {text.deadline[lang]}：{state.releaseDeadline.slice(0, 10)} {state.overdue ? `（${text.overdue[lang]}）` : ''}
        </p>
      ) : null}
      {state.deadlineStatus?.state === 'unknown' && state.deadlineStatus.message ? (
        <p style={{ margin: 0, color: 'var(--theme-warning-600)' }}>
          {text.deadline[lang]}：{state.deadlineStatus.message[lang]}
        </p>
      ) : null}
      {state.problems.length ? (
        <>
          <p style={{ margin: 'calc(var(--base) / 2) 0 0' }}>{text.blocked[lang]}：</p>
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
        </>
      ) : null}
      <div style={{ marginTop: 'calc(var(--base) / 2)' }}>
        {needsReason ? (
          <textarea
            onChange={(e) => setReason(e.target.value)}
            placeholder={text.reason[lang]}
            rows={2}
            style={inputStyle}
            value={reason}
          />
        ) : null}
        {open.some((a) => a.action === 'sign') && !hasNumber ? (
          <input
            onChange={(e) => setDocumentNumber(e.target.value)}
            placeholder={text.documentNumber[lang]}
            style={inputStyle}
            value={documentNumber}
          />
        ) : null}
        {open.some((a) => a.action === 'release') ? (
          <label style={{ display: 'block' }}>
            {text.releaseAt[lang]}
            <input onChange={(e) => setReleaseAt(e.target.value)} style={inputStyle} type="datetime-local" value={releaseAt} />
          </label>
        ) : null}
        {open.some((a) => a.action === 'revise') ? (
          <>
            <select onChange={(e) => setChangeType(e.target.value === 'major' ? 'major' : 'minor')} style={inputStyle} value={changeType}>
              <option value="minor">{text.minor[lang]}</option>
              <option value="major">{text.major[lang]}</option>
            </select>
            <textarea
              onChange={(e) => setChangeNote(e.target.value)}
              placeholder={text.changeNote[lang]}
              rows={2}
              style={inputStyle}
              value={changeNote}
            />
          </>
        ) : null}
        {open.length === 0 ? <p style={{ color: 'var(--theme-elevation-600)' }}>{text.none[lang]}</p> : null}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'calc(var(--base) / 2)' }}>
          {open.map((a) => (
            <Button
              buttonStyle={a.reasonRequired ? 'secondary' : 'primary'}
              disabled={
                busy ||
                (a.action === 'submit' && state.problems.length > 0) ||
                (a.reasonRequired && !reason.trim()) ||
                (a.action === 'revise' && changeType === 'major' && !changeNote.trim())
              }
              key={a.action}
              margin={false}
              onClick={() => run(a.action)}
              size="small"
            >
              {a.label[lang]}
            </Button>
          ))}
        </div>
      </div>
    </div>
  )
}
