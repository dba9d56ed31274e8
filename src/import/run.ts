/**
 * 存量文件导入: brings documents already published elsewhere in as released packages, row by row.
 *
 * - Every row is checked first (columns, values, departments, dates, the policy it relates to) and written only when
 *   nothing is wrong with it; its writes run in one transaction where the database has them, and are undone by hand
 *   where it has not (MongoDB without a replica set). A bad row gets row, column and problem and stops nothing else.
 * - Idempotent: a row whose document exists already is skipped. Key: 索引号, else 发文字号 + first issuing organ, else
 *   title + date written (interpretations and consultations: title + their policy).
 * - Historical numbers that break today's schemes are kept exactly as printed and flagged (legacyNumber); new
 *   documents keep the strict rules (collections/Policies/hooks/checkNumbers.ts).
 * - Each document gets one `imported` audit entry: who, the file's SHA-256, the row.
 * - Policies are written before the interpretations and consultations that relate to them, whatever the file order.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { Department, Media, Policy, User } from '../../payload-types'

import { appendAudit } from '../audit/auditTrail'
import type { Bilingual } from '../i18n'
import { type Id, idOf } from '../ids'
import { canonicalNumberForm, checkNumber, parseDecreeNumber } from '../rules/documentNumber'
import { acceptedValues, type Column, columnOf, listOf, parseDay, simplify, valueOf, type ValueColumn } from './columns'
import { LEGACY_IMPORT_FLAG } from './flag'
import { bodyToLexical } from './html'
import { type ParsedFile, parseImportFile, type RawRow } from './parse'

export type Kind = 'consultation' | 'interpretation' | 'policy'

export type RowProblem = { column: Column | null; problem: Bilingual }

export type RowResult = {
  row: number
  kind: Kind | null
  status: 'created' | 'failed' | 'skipped'
  title: null | string
  /** The document created, or the existing one a skipped row matched. */
  id?: string
  /** How the existing document was recognised (skipped rows). */
  matchedBy?: string
  problems: RowProblem[]
  /** The number as printed breaks today's scheme: kept, and flagged with this. */
  legacyNumber?: { problem: Bilingual; suggestion: null | string }
  /** What the importer assumed for a missing value. */
  notes?: Bilingual[]
}

export type ImportReport = {
  file: string
  sha256: string
  format: string
  encoding: null | string
  dryRun: boolean
  rows: number
  created: number
  skipped: number
  failed: number
  legacyNumbers: number
  /** Headers that name no column (their cells are ignored). */
  unknownColumns: string[]
  /** Department names, short names or credit codes no department matches (never invented). */
  unknownDepartments: string[]
  results: RowResult[]
}

export type ImportOptions = {
  dryRun?: boolean
  /** Whom the audit entries name: an admin. */
  user: User
  /** Where attachment paths are relative to (the import file's folder). */
  baseDir?: string
  fileName: string
  onProgress?: (done: number, total: number) => void
}

export const summaryLine = (r: Pick<ImportReport, 'created' | 'dryRun' | 'failed' | 'skipped'>) =>
  `import: created ${r.created}, skipped ${r.skipped}, failed ${r.failed}${r.dryRun ? ' (dry run: nothing written)' : ''}`

const P = (zh: string, en: string): Bilingual => ({ en, zh })

type Row = { raw: RawRow; cells: Partial<Record<Column, unknown>> }

class Departments {
  private readonly byKey = new Map<string, Department>()
  readonly unknown = new Set<string>()

  constructor(departments: Department[]) {
    for (const d of departments) {
      for (const key of [d.name, d.shortName, d.creditCode]) if (key) this.byKey.set(simplify(key), d)
    }
  }

  find(name: string): Department | undefined {
    const found = this.byKey.get(simplify(name))
    if (!found) this.unknown.add(name)
    return found
  }
}

const text = (value: unknown): string =>
  (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim()

/** Midnight UTC of the day, as the admin's day-only pickers store dates. */
const dayInstant = (day: string) => `${day}T00:00:00.000Z`
/** Release time of a legacy document: 09:00 China time of its release day (the hour is unknown). */
const releaseInstant = (day: string) => new Date(`${day}T09:00:00+08:00`).toISOString()

/** The type a page without 文种 most likely has: a 令号 is a decree, else the title's last word says it. */
export function inferDocumentType(title: string, documentNumber: string): string {
  if (parseDecreeNumber(canonicalNumberForm(documentNumber))) return 'decree'
  const t = simplify(title).replace(/[（(].*?[)）]$/, '')
  if (/通知$|通报$/.test(t)) return 'notice'
  if (/意见$/.test(t)) return 'opinion'
  if (/方案$|规划$|计划$/.test(t)) return 'plan'
  if (/批复$/.test(t)) return 'approval'
  if (/表彰.*决定$/.test(t)) return 'commendation'
  if (/任免|免职|任职/.test(t)) return 'appointment'
  return 'other'
}

const INDEX_NUMBER = /^([0-9A-Z]{18})\/(\d{4})-(\d{1,6})$/

/** What an import run knows while it goes: the departments and what earlier rows of this run created (or would). */
type RunState = {
  departments: Departments
  /** Policies of this run by 索引号 / 发文字号 / title, for relatesTo in a dry run. */
  planned: Map<string, string>
}

async function findPolicy(payload: Payload, req: PayloadRequest, ref: string): Promise<null | { by: string; policy: Policy }> {
  const value = ref.trim()
  for (const [field, by] of [
    ['indexNumber', '索引号 indexNumber'],
    ['documentNumber', '发文字号 documentNumber'],
    ['title', '标题 title'],
  ] as const) {
    const { docs } = await payload.find({
      collection: 'policies',
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (docs[0]) return { by, policy: docs[0] }
  }
  return null
}

/** The row as cells keyed by column; unknown headers recorded. */
function cellsOf(raw: RawRow, unknownColumns: Set<string>): Row {
  const cells: Partial<Record<Column, unknown>> = {}
  for (const [header, value] of Object.entries(raw.values)) {
    const column = columnOf(header)
    if (column) cells[column] = value
    else if (header.trim()) unknownColumns.add(header)
  }
  return { raw, cells }
}

function kindOf(row: Row, problems: RowProblem[]): Kind | null {
  const raw = text(row.cells.kind)
  if (!raw) return row.cells.relatesTo && text(row.cells.relatesTo) ? 'interpretation' : 'policy'
  const kind = valueOf('kind', raw) as Kind | null
  if (!kind)
    problems.push({
      column: 'kind',
      problem: P(`“${raw}”不是有效类别（${acceptedValues('kind')}）`, `“${raw}” is no kind (${acceptedValues('kind')})`),
    })
  return kind
}

function enumValue(row: Row, column: ValueColumn, problems: RowProblem[], fallback?: string): null | string {
  const raw = text(row.cells[column])
  if (!raw) return fallback ?? null
  const value = valueOf(column, raw)
  if (!value) {
    problems.push({
      column,
      problem: P(
        `“${raw}”不是有效取值（可用：${acceptedValues(column)}）`,
        `“${raw}” is not a value of ${column} (accepted: ${acceptedValues(column)})`,
      ),
    })
  }
  return value
}

function dayValue(row: Row, column: 'releasedAt' | 'writtenAt', problems: RowProblem[], required: boolean): null | string {
  const raw = text(row.cells[column])
  if (!raw) {
    if (required) problems.push({ column, problem: P('必填', 'is required') })
    return null
  }
  const day = parseDay(raw)
  if (!day)
    problems.push({ column, problem: P(`“${raw}”不是日期（如 2023-01-05 或 2023年1月5日）`, `“${raw}” is not a date (e.g. 2023-01-05)`) })
  else if (day > new Date().toISOString().slice(0, 10) || day < '1949-10-01') {
    problems.push({ column, problem: P(`${day} 不在合理范围内`, `${day} is not a plausible date`) })
    return null
  }
  return day
}

async function attachmentIds(
  payload: Payload,
  req: PayloadRequest,
  row: Row,
  options: ImportOptions,
  problems: RowProblem[],
  write: boolean,
  created: Created[],
  department?: Department['id'],
): Promise<Media['id'][]> {
  const paths = listOf(row.cells.attachments)
  const ids: Media['id'][] = []
  for (const relative of paths) {
    const base = path.resolve(options.baseDir ?? process.cwd())
    const file = path.resolve(base, relative)
    if (!file.startsWith(base + path.sep)) {
      problems.push({
        column: 'attachments',
        problem: P(`“${relative}”不在导入文件所在目录内`, `“${relative}” is outside the import file's folder`),
      })
      continue
    }
    const data = await readFile(file).catch(() => null)
    if (!data) {
      problems.push({ column: 'attachments', problem: P(`找不到附件文件“${relative}”`, `attachment file “${relative}” not found`) })
      continue
    }
    if (!write || department === undefined) continue
    const media = await payload.create({
      collection: 'media',
      data: { alt: path.basename(relative), department },
      filePath: file,
      overrideAccess: true,
      req,
      context: { [LEGACY_IMPORT_FLAG]: true },
    })
    created.push({ collection: 'media', id: media.id })
    ids.push(media.id)
  }
  return ids
}

/** One row, all or nothing. */
async function importRow(
  payload: Payload,
  row: Row,
  kind: Kind,
  state: RunState,
  options: ImportOptions,
  sha256: string,
): Promise<RowResult> {
  const problems: RowProblem[] = []
  const title = text(row.cells.title)
  const result: RowResult = { row: row.raw.row, kind, status: 'failed', title: title || null, problems }
  if (!title) problems.push({ column: 'title', problem: P('必填', 'is required') })
  else if (title.length > 200) problems.push({ column: 'title', problem: P('超过 200 字', 'is longer than 200 characters') })
  const req = await createLocalReq({ user: options.user, context: { [LEGACY_IMPORT_FLAG]: true } }, payload)
  const dryRun = Boolean(options.dryRun)
  const releasedDay = dayValue(row, 'releasedAt', problems, false)
  const body = text(row.cells.body)

  if (kind === 'policy') {
    // Pages often show only one of the two dates: the other stands in for it (noted in the report).
    const writtenDay = text(row.cells.writtenAt) ? dayValue(row, 'writtenAt', problems, true) : releasedDay
    if (!text(row.cells.writtenAt)) {
      if (releasedDay)
        result.notes = [...(result.notes ?? []), P('未填成文日期，按发布日期记录', 'no date written: the release date stands in')]
      else problems.push({ column: 'writtenAt', problem: P('必填（或填写发布日期）', 'is required (or give releasedAt)') })
    }
    const inferred = text(row.cells.documentType) ? null : inferDocumentType(title, text(row.cells.documentNumber))
    const documentType = inferred ?? enumValue(row, 'documentType', problems)
    if (inferred)
      result.notes = [
        ...(result.notes ?? []),
        P(`未填文种，按标题和文号推定为 ${inferred}`, `no document type: taken as ${inferred} from the title and number`),
      ]
    const subject = enumValue(row, 'subject', problems)
    const validity = enumValue(row, 'validity', problems, 'valid')
    const disclosure = enumValue(row, 'disclosure', problems, 'proactive')
    // No issuing organ given: the drafting department issued it.
    const organNames = listOf(row.cells.organs).length ? listOf(row.cells.organs) : listOf(row.cells.department)
    const organs = organNames.flatMap((name) => {
      const d = state.departments.find(name)
      if (!d)
        problems.push({ column: 'organs', problem: P(`未找到发文机关“${name}”`, `no department matches the issuing organ “${name}”`) })
      return d ? [d] : []
    })
    if (!organNames.length) problems.push({ column: 'organs', problem: P('必填', 'is required') })
    const departmentName = text(row.cells.department)
    const department = departmentName ? state.departments.find(departmentName) : organs[0]
    if (departmentName && !department) {
      problems.push({ column: 'department', problem: P(`未找到起草部门“${departmentName}”`, `no department matches “${departmentName}”`) })
    }
    const documentNumber = text(row.cells.documentNumber)
    const indexNumber = text(row.cells.indexNumber)
    const registrationNumber = text(row.cells.registrationNumber)
    if (documentNumber.length > 100) problems.push({ column: 'documentNumber', problem: P('超过 100 字', 'is longer than 100 characters') })
    if (documentNumber && documentType) {
      const check = checkNumber(documentNumber, documentType)
      if (!check.valid && check.problem) result.legacyNumber = { problem: check.problem, suggestion: check.canonical }
    }
    if (problems.length) return result

    // Idempotency: the document exists already?
    const keys: [string, Where][] = []
    if (indexNumber) keys.push(['索引号 indexNumber', { indexNumber: { equals: indexNumber } }])
    else if (documentNumber)
      keys.push([
        '发文字号 + 发文机关 documentNumber + organ',
        { and: [{ documentNumber: { equals: documentNumber } }, { issuingOrgans: { in: [organs[0]!.id] } }] },
      ])
    else
      keys.push([
        '标题 + 成文日期 title + writtenAt',
        { and: [{ title: { equals: title } }, { writtenAt: { equals: dayInstant(writtenDay!) } }] },
      ])
    for (const [by, where] of keys) {
      const { docs } = await payload.find({ collection: 'policies', where, limit: 1, depth: 0, overrideAccess: true, req })
      if (docs[0]) return { ...result, status: 'skipped', id: String(docs[0].id), matchedBy: by }
    }
    for (const [field, value] of [
      ['documentNumber', documentNumber],
      ['indexNumber', indexNumber],
    ] as const) {
      if (!value) continue
      const taken = await payload.count({ collection: 'policies', where: { [field]: { equals: value } }, overrideAccess: true, req })
      if (taken.totalDocs || state.planned.has(`${field}:${value}`)) {
        problems.push({ column: field, problem: P(`“${value}”已被其他政策文件使用`, `“${value}” is already used by another policy`) })
      }
    }
    if (indexNumber && !INDEX_NUMBER.test(indexNumber)) {
      // Kept as published; only a number in today's format continues the department's serials.
    }
    const created: Created[] = []
    const attachments = await attachmentIds(payload, req, row, options, problems, false, created)
    void attachments
    if (problems.length) return result
    if (dryRun) {
      for (const key of [
        indexNumber && `indexNumber:${indexNumber}`,
        documentNumber && `documentNumber:${documentNumber}`,
        `title:${title}`,
      ]) {
        if (key) state.planned.set(key, 'planned')
      }
      return { ...result, status: 'created' }
    }

    const parsedIndex = INDEX_NUMBER.exec(indexNumber)
    const ownSerial = parsedIndex && parsedIndex[1] === department!.creditCode
    return writeAtomically(req, result, created, async () => {
      const media = await attachmentIds(payload, req, row, options, problems, true, created, department!.id)
      const releasedAt = releaseInstant(releasedDay ?? writtenDay!)
      const policy = await payload.create({
        collection: 'policies',
        data: {
          title,
          documentNumber: documentNumber || undefined,
          registrationNumber: registrationNumber || undefined,
          documentType: documentType as Policy['documentType'],
          subject: (subject ?? undefined) as Policy['subject'],
          issuingOrgans: organs.map((o) => o.id),
          department: department!.id,
          writtenAt: dayInstant(writtenDay!),
          validity: validity as Policy['validity'],
          disclosure: disclosure as Policy['disclosure'],
          disclosureReason:
            disclosure === 'proactive'
              ? undefined
              : text(row.cells.disclosureReason) || '存量文件导入，原记录未载明理由 / imported; the legacy record gives no reason',
          body: body ? await bodyToLexical(payload, body) : undefined,
          attachments: media.length ? media : undefined,
          stage: 'released',
          // Released outside this system: no exemption to argue, the package is what was published.
          exemption: { interpretationExempt: false, consultationExempt: false },
          workflow: { releasedAt },
          ...(indexNumber
            ? { indexNumber, ...(ownSerial ? { indexYear: Number(parsedIndex[2]), indexSerial: Number(parsedIndex[3]) } : {}) }
            : {}),
          legacyNumber: result.legacyNumber
            ? {
                flagged: true,
                problemZh: result.legacyNumber.problem.zh,
                problemEn: result.legacyNumber.problem.en,
                suggestion: result.legacyNumber.suggestion,
              }
            : undefined,
          imported: { sha256, row: row.raw.row, importedAt: new Date().toISOString(), importedBy: options.user.id },
        },
        depth: 0,
        select: { title: true, department: true },
        overrideAccess: true,
        req,
        context: { [LEGACY_IMPORT_FLAG]: true, lifecycleAction: 'import' },
      })
      created.push({ collection: 'policies', id: policy.id })
      await appendAudit(req, {
        action: 'imported',
        policy: policy.id,
        department: idOf(policy.department),
        toStage: 'released',
        members: media.map((id) => ({ collection: 'media', id })),
        details: importDetails(options, sha256, row, 'policies', policy.title, releasedAt, result.legacyNumber),
      })
      return policy.id
    })
  }

  // Interpretations and consultations: they belong to a policy (双关联), found by 索引号, 发文字号 or exact title.
  const ref = text(row.cells.relatesTo)
  let policy: null | Policy = null
  if (!ref)
    problems.push({
      column: 'relatesTo',
      problem: P('必填：所属政策文件的索引号、发文字号或标题', 'is required: the index number, document number or title of its policy'),
    })
  else {
    const found = await findPolicy(payload, req, ref)
    policy = found?.policy ?? null
    const plannedKey = ['indexNumber', 'documentNumber', 'title'].map((f) => `${f}:${ref}`).find((k) => state.planned.has(k))
    if (!policy && !(dryRun && plannedKey)) {
      problems.push({ column: 'relatesTo', problem: P(`未找到关联的政策文件“${ref}”`, `no policy matches “${ref}”`) })
    }
  }
  const form = kind === 'interpretation' ? enumValue(row, 'form', problems, 'text') : null
  if (problems.length) return result
  if (policy) {
    const collection = kind === 'interpretation' ? 'interpretations' : 'consultations'
    const existing =
      collection === 'interpretations'
        ? await payload.find({
            collection,
            where: { and: [{ title: { equals: title } }, { policy: { equals: policy.id } }] },
            limit: 1,
            depth: 0,
            overrideAccess: true,
            req,
          })
        : policy.consultation
          ? { docs: [{ id: idOf(policy.consultation) }] }
          : { docs: [] }
    if (existing.docs[0])
      return { ...result, status: 'skipped', id: String(existing.docs[0].id), matchedBy: '标题 + 关联文件 title + relatesTo' }
  }
  if (dryRun || !policy) return { ...result, status: 'created' }
  const target = policy
  const releasedAt = target.workflow?.releasedAt ?? releaseInstant(releasedDay ?? new Date().toISOString().slice(0, 10))
  const created: Created[] = []
  return writeAtomically(req, result, created, async () => {
    const lexical = body ? await bodyToLexical(payload, body) : undefined
    if (kind === 'interpretation') {
      const doc = await payload.create({
        collection: 'interpretations',
        data: { title, policy: target.id, form: form as 'text', body: lexical },
        depth: 0,
        overrideAccess: true,
        req,
        context: { [LEGACY_IMPORT_FLAG]: true },
      })
      created.push({ collection: 'interpretations', id: doc.id })
      await appendAudit(req, {
        action: 'imported',
        policy: target.id,
        department: idOf(target.department),
        members: [{ collection: 'interpretations', id: doc.id }],
        details: { ...importDetails(options, sha256, row, 'interpretations', title, releasedAt), form },
      })
      return doc.id
    }
    const opens = dayInstant(parseDay(text(row.cells.writtenAt)) ?? releasedDay ?? releasedAt.slice(0, 10))
    const closes = new Date(new Date(opens).getTime() + 30 * 86_400_000).toISOString()
    const doc = await payload.create({
      collection: 'consultations',
      data: {
        title,
        draft: lexical,
        opensAt: opens,
        closesAt: closes,
        announced: true,
        department: typeof target.department === 'object' ? target.department.id : target.department,
      },
      depth: 0,
      overrideAccess: true,
      req,
      context: { [LEGACY_IMPORT_FLAG]: true },
    })
    created.push({ collection: 'consultations', id: doc.id })
    await payload.update({
      collection: 'policies',
      id: target.id,
      data: { consultation: doc.id },
      depth: 0,
      overrideAccess: true,
      req,
      context: { [LEGACY_IMPORT_FLAG]: true, lifecycleAction: 'import' },
    })
    await appendAudit(req, {
      action: 'imported',
      policy: target.id,
      department: idOf(target.department),
      members: [{ collection: 'consultations', id: doc.id }],
      details: importDetails(options, sha256, row, 'consultations', title, releasedAt),
    })
    return doc.id
  })
}

function importDetails(
  options: ImportOptions,
  sha256: string,
  row: Row,
  collection: string,
  title: string,
  releasedAt: string,
  legacyNumber?: RowResult['legacyNumber'],
) {
  return {
    collection,
    title,
    file: path.basename(options.fileName),
    sha256,
    row: row.raw.row,
    releasedAt,
    legacyNumber: legacyNumber ? { zh: legacyNumber.problem.zh, en: legacyNumber.problem.en } : null,
  }
}

type Created = { collection: 'consultations' | 'interpretations' | 'media' | 'policies'; id: Id }

/**
 * Runs a row's writes in one transaction where the adapter has them (MongoDB replica sets; SQLite only with
 * transactionOptions). Without one, what the row created is deleted again, newest first, so that a failed row leaves
 * nothing behind; a document that cannot be deleted is named in the row's problems.
 */
async function writeAtomically(req: PayloadRequest, result: RowResult, created: Created[], write: () => Promise<Id>): Promise<RowResult> {
  const shouldCommit = await initTransaction(req)
  try {
    const id = await write()
    if (shouldCommit) await commitTransaction(req)
    return { ...result, status: 'created', id: String(id) }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    const data = (error as { data?: { errors?: { message: string; path: string }[] } }).data
    const fieldErrors = data?.errors ?? []
    const message = error instanceof Error ? error.message : String(error)
    result.problems.push(
      ...(fieldErrors.length
        ? fieldErrors.map((e) => ({ column: columnOf(e.path), problem: P(e.message, e.message) }))
        : [{ column: null, problem: P(message, message) }]),
    )
    if (!shouldCommit) {
      for (const doc of [...created].reverse()) {
        await req.payload
          .delete({ collection: doc.collection, id: doc.id, overrideAccess: true, context: { [LEGACY_IMPORT_FLAG]: true } })
          .catch(() =>
            result.problems.push({
              column: null,
              problem: P(
                `未能撤销已写入的 ${doc.collection} ${doc.id}，请人工删除`,
                `could not undo ${doc.collection} ${doc.id} written for this row: delete it by hand`,
              ),
            }),
          )
      }
    }
    return { ...result, status: 'failed' }
  }
}

/** Imports the rows of a parsed file. */
export async function importRows(payload: Payload, parsed: ParsedFile, sha256: string, options: ImportOptions): Promise<ImportReport> {
  const unknownColumns = new Set<string>()
  const { docs } = await payload.find({ collection: 'departments', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const state: RunState = { departments: new Departments(docs), planned: new Map() }
  const results: RowResult[] = parsed.problems.map((p) => ({
    row: p.row,
    kind: null,
    status: 'failed',
    title: null,
    problems: [{ column: null, problem: P(p.problem, p.problem) }],
  }))
  const rows = parsed.rows.map((raw) => cellsOf(raw, unknownColumns))
  const classified = rows.map((row) => {
    const problems: RowProblem[] = []
    return { row, kind: kindOf(row, problems), problems }
  })
  // Policies first, so that interpretations and consultations find them wherever they stand in the file.
  const order = [...classified.filter((c) => c.kind === 'policy'), ...classified.filter((c) => c.kind !== 'policy')]
  let done = 0
  for (const item of order) {
    if (!item.kind) {
      results.push({
        row: item.row.raw.row,
        kind: null,
        status: 'failed',
        title: text(item.row.cells.title) || null,
        problems: item.problems,
      })
    } else {
      results.push(await importRow(payload, item.row, item.kind, state, options, sha256))
    }
    done += 1
    options.onProgress?.(done, order.length)
  }
  results.sort((a, b) => a.row - b.row)
  const count = (status: RowResult['status']) => results.filter((r) => r.status === status).length
  return {
    file: path.basename(options.fileName),
    sha256,
    format: parsed.format,
    encoding: parsed.encoding,
    dryRun: Boolean(options.dryRun),
    rows: results.length,
    created: count('created'),
    skipped: count('skipped'),
    failed: count('failed'),
    legacyNumbers: results.filter((r) => r.legacyNumber && r.status !== 'failed').length,
    unknownColumns: [...unknownColumns],
    unknownDepartments: [...state.departments.unknown],
    results,
  }
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Parses and imports a file's bytes. */
export async function importFile(payload: Payload, bytes: Uint8Array, options: ImportOptions): Promise<ImportReport> {
  const parsed = await parseImportFile(bytes, options.fileName)
  return importRows(payload, parsed, sha256Of(bytes), options)
}
