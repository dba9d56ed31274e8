'use client'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

type Bilingual = { en: string; zh: string }
type RowResult = {
  legacyNumber?: { problem: Bilingual; suggestion: null | string }
  problems: { column: null | string; problem: Bilingual }[]
  row: number
  status: 'created' | 'failed' | 'skipped'
  title: null | string
}
type Report = {
  created: number
  dryRun: boolean
  encoding: null | string
  failed: number
  format: string
  legacyNumbers: number
  results: RowResult[]
  rows: number
  sha256: string
  skipped: number
  unknownColumns: string[]
  unknownDepartments: string[]
}
type Run = { done: number; error?: string; report?: Report; status: 'done' | 'failed' | 'running'; total: number }

const T = {
  title: { zh: '存量文件导入', en: 'Legacy library import' },
  intro: {
    zh: '上传 CSV（UTF-8 或 GBK/GB18030）、XLSX 或 JSON Lines 文件。先试运行查看报告，确认后正式导入；已导入的文件会被跳过，可放心重复导入。附件请使用命令行 npm run import 导入。',
    en: 'Upload a CSV (UTF-8 or GBK/GB18030), XLSX or JSON Lines file. Dry-run first and read the report, then import; documents already imported are skipped, so a rerun is safe. Attachments need the CLI (npm run import).',
  },
  dryRun: { zh: '试运行', en: 'Dry run' },
  run: { zh: '正式导入', en: 'Import' },
  summary: { zh: '新建 {c}，跳过 {s}，失败 {f}', en: 'created {c}, skipped {s}, failed {f}' },
  legacy: { zh: '历史文号按原样保留并标注', en: 'legacy numbers kept as printed and flagged' },
  unknownDepartments: { zh: '未匹配的部门（未自动创建）', en: 'Unmatched departments (not created)' },
  problems: { zh: '问题行', en: 'Rows with problems' },
  running: { zh: '导入中', en: 'Importing' },
}

/** Upload → dry-run report → run with progress, through /api/legacy-import (src/import/endpoints.ts). */
export function ImportPanel() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const api = `${config.serverURL}${config.routes.api}/legacy-import`
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [run, setRun] = useState<{ id: string; state: Run } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = useCallback(
    async (dryRun: boolean) => {
      if (!file) return
      setBusy(true)
      setError(null)
      const res = await fetch(`${api}?${new URLSearchParams({ fileName: file.name, ...(dryRun ? { dryRun: 'true' } : {}) })}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/octet-stream', 'accept-language': lang },
        body: await file.arrayBuffer(),
      })
      const body = await res.json().catch(() => null)
      setBusy(false)
      if (!res.ok) return setError(body?.errors?.[0]?.message ?? `HTTP ${res.status}`)
      if (dryRun) setReport(body as Report)
      else setRun({ id: body.run, state: body as Run })
    },
    [api, file, lang],
  )

  useEffect(() => {
    if (!run || run.state.status !== 'running') return
    const timer = setTimeout(async () => {
      const res = await fetch(`${api}/${run.id}`, { credentials: 'include' })
      if (res.ok) {
        const state = (await res.json()) as Run
        setRun({ id: run.id, state })
        if (state.report) setReport(state.report)
      }
    }, 1000)
    return () => clearTimeout(timer)
  }, [api, run])

  const fill = (t: Bilingual, r: Report) =>
    t[lang].replace('{c}', String(r.created)).replace('{s}', String(r.skipped)).replace('{f}', String(r.failed))
  const problemRows = report?.results.filter((r) => r.problems.length) ?? []

  return (
    <div style={{ maxWidth: 960, paddingTop: 24 }}>
      <h1>{T.title[lang]}</h1>
      <p>{T.intro[lang]}</p>
      <input accept=".csv,.xlsx,.jsonl,.ndjson,.txt" onChange={(e) => setFile(e.target.files?.[0] ?? null)} type="file" />
      <div style={{ display: 'flex', gap: 12, marginTop: 12 }}>
        <Button disabled={!file || busy} onClick={() => void send(true)}>
          {T.dryRun[lang]}
        </Button>
        <Button
          buttonStyle="secondary"
          disabled={!file || busy || !report?.dryRun || run?.state.status === 'running'}
          onClick={() => void send(false)}
        >
          {T.run[lang]}
        </Button>
      </div>
      {error ? <p style={{ color: 'var(--theme-error-500)' }}>{error}</p> : null}
      {run?.state.status === 'running' ? (
        <p>
          {T.running[lang]}：{run.state.done}/{run.state.total}
          <progress max={run.state.total || 1} style={{ marginLeft: 12, width: 300 }} value={run.state.done} />
        </p>
      ) : null}
      {run?.state.status === 'failed' ? <p style={{ color: 'var(--theme-error-500)' }}>{run.state.error}</p> : null}
      {report ? (
        <div>
          <h3>
            {report.dryRun ? `${T.dryRun[lang]}：` : ''}
            {fill(T.summary, report)}
          </h3>
          <p>
            {report.format}
            {report.encoding ? ` · ${report.encoding}` : ''} · SHA-256 {report.sha256.slice(0, 16)}… · {T.legacy[lang]}：
            {report.legacyNumbers}
          </p>
          {report.unknownDepartments.length ? (
            <p>
              {T.unknownDepartments[lang]}：{report.unknownDepartments.join('；')}
            </p>
          ) : null}
          {problemRows.length ? (
            <>
              <h4>{T.problems[lang]}</h4>
              <table style={{ width: '100%' }}>
                <tbody>
                  {problemRows.slice(0, 500).flatMap((r) =>
                    r.problems.map((p, i) => (
                      <tr key={`${r.row}-${i}`}>
                        <td>{r.row}</td>
                        <td>{p.column ?? ''}</td>
                        <td>{p.problem[lang]}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
