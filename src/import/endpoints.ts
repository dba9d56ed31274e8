/**
 * The admin page's import API (admins only):
 * - POST /api/legacy-import?dryRun=true&fileName=<name>  body: the file's bytes → 200 with the dry-run report.
 * - POST /api/legacy-import?fileName=<name>              body: the file's bytes → 202 { run } and the import runs on.
 * - GET  /api/legacy-import/:run                         → { status, done, total, report? } (progress).
 * Runs are kept in this instance's memory (the page polls the instance that started it); every document imported
 * carries its `imported` audit entry whatever happens to the process, and a rerun of the file skips what is there.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { randomUUID } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { User } from '../../payload-types'

import { isAdminUser } from '../roles'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { formatOf } from './parse'
import { importFile, type ImportReport } from './run'

/** Largest import file accepted through the admin (the CLI has no limit). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

type Run = { done: number; error?: string; report?: ImportReport; startedAt: string; status: 'done' | 'failed' | 'running'; total: number }

const runs = new Map<string, Run>()
const MAX_RUNS = 50

const refuse = (req: PayloadRequest, status: number, message: { en: string; zh: string }, hint: { en: string; zh: string }) => {
  const scope = status === 401 || status === 403
  return new RuleViolation(req, {
    status,
    rule: scope ? 'department-scope' : 'import-input',
    ruleName: scope ? RULE_NAMES.departmentScope : RULE_NAMES.legacyImport,
    message,
    hint,
  })
}

function assertAdmin(req: PayloadRequest): User {
  if (!req.user)
    throw refuse(
      req,
      401,
      { en: 'sign in as an admin.', zh: '请以管理员身份登录。' },
      { en: 'Imports are for admins.', zh: '存量导入仅限管理员。' },
    )
  if (!isAdminUser(req.user))
    throw refuse(
      req,
      403,
      { en: 'only admins import legacy documents.', zh: '仅管理员可导入存量文件。' },
      { en: 'Ask an admin.', zh: '请联系管理员。' },
    )
  return req.user as User
}

export const importEndpoint: Endpoint = {
  path: '/legacy-import',
  method: 'post',
  handler: async (req) => {
    const user = assertAdmin(req)
    const fileName = req.searchParams.get('fileName') ?? ''
    if (!formatOf(fileName)) {
      throw refuse(
        req,
        400,
        { en: `fileName “${fileName}” is not .csv, .xlsx or .jsonl.`, zh: `fileName“${fileName}”不是 .csv、.xlsx 或 .jsonl 文件。` },
        { en: 'Pass ?fileName=library.jsonl', zh: '请传入 ?fileName=library.jsonl' },
      )
    }
    const bytes = new Uint8Array(await (req as Request).arrayBuffer())
    if (bytes.length === 0 || bytes.length > MAX_IMPORT_BYTES) {
      throw refuse(
        req,
        bytes.length ? 413 : 400,
        {
          en: `the file must have 1 byte to ${MAX_IMPORT_BYTES / 2 ** 20} MiB.`,
          zh: `文件大小应在 1 字节至 ${MAX_IMPORT_BYTES / 2 ** 20} MiB 之间。`,
        },
        { en: 'Use npm run import for larger files.', zh: '更大的文件请使用 npm run import。' },
      )
    }
    const dryRun = req.searchParams.get('dryRun') === 'true'
    // Uploaded files carry no attachments: their paths are reported as missing (the CLI reads them beside the file).
    const baseDir = await mkdtemp(path.join(tmpdir(), 'legacy-import-'))
    const options = { user, fileName, baseDir, dryRun }
    const parseFailure = (error: unknown) =>
      refuse(
        req,
        400,
        {
          en: `the file cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
          zh: `无法读取文件：${error instanceof Error ? error.message : String(error)}。`,
        },
        { en: 'Check the format (docs/documents.md).', zh: '请检查文件格式（见 docs/documents.md）。' },
      )
    if (dryRun) {
      const report = await importFile(req.payload, bytes, options).catch((error: unknown) => {
        throw parseFailure(error)
      })
      return Response.json(report, { headers: { 'Cache-Control': 'private, no-store' } })
    }
    const id = randomUUID()
    const run: Run = { status: 'running', done: 0, total: 0, startedAt: new Date().toISOString() }
    if (runs.size >= MAX_RUNS) runs.delete(runs.keys().next().value!)
    runs.set(id, run)
    void importFile(req.payload, bytes, { ...options, onProgress: (done, total) => Object.assign(run, { done, total }) }).then(
      (report) => Object.assign(run, { status: 'done', report }),
      (error: unknown) => Object.assign(run, { status: 'failed', error: error instanceof Error ? error.message : String(error) }),
    )
    return Response.json({ run: id, ...run }, { status: 202, headers: { 'Cache-Control': 'private, no-store' } })
  },
}

export const importRunEndpoint: Endpoint = {
  path: '/legacy-import/:run',
  method: 'get',
  handler: (req) => {
    assertAdmin(req)
    const run = runs.get(String(req.routeParams?.run ?? ''))
    if (!run) {
      throw refuse(
        req,
        404,
        { en: 'no such import run on this server.', zh: '本服务器上没有该导入任务。' },
        { en: 'Start the import again: rows already imported are skipped.', zh: '请重新导入：已导入的行会被跳过。' },
      )
    }
    return Response.json(run, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}

export const importEndpoints: Endpoint[] = [importEndpoint, importRunEndpoint]
