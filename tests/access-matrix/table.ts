/**
 * The access matrix as data: who may do what, written from what the system SHOULD do (README "Access", the
 * workflow table, docs/domain), not from what the code happens to do. tests/accessMatrix.test.ts performs
 * every cell against the real REST handler; scripts/access-table.ts prints it as Markdown for the README.
 *
 * Pure data, no Payload imports: the script prints it without booting anything.
 */

/** One cell: what the request must come to. */
export const LEGEND = {
  Y: { mark: '✓', text: 'allowed: 2xx and the change is stored; a read returns the document, by id and in the list' },
  N: { mark: '✗', text: 'refused: 401, 403 or 404 (a hidden document is not found), nothing changes; a list leaves the document out' },
  I: { mark: '≈', text: 'accepted (2xx) but the protected fields are left unchanged (field access)' },
  '-': { mark: '', text: 'not applicable (e.g. an anonymous reader has no account)' },
} as const

export type Code = keyof typeof LEGEND

/**
 * Roles in column order. Department roles get two columns: `own` (a user of department A acting on a document
 * of A) and `other` (the same role in department B acting on A's document). Anonymous readers, admins and
 * evaluators have no department: one column each, tested against documents of both departments.
 */
export const MATRIX_ROLES = ['anonymous', 'viewer', 'drafter', 'reviewer', 'signer', 'editor', 'admin', 'evaluator'] as const
export type MatrixRole = (typeof MATRIX_ROLES)[number]

export const DEPARTMENT_ROLES = ['viewer', 'drafter', 'reviewer', 'signer', 'editor'] as const satisfies readonly MatrixRole[]

export type Side = 'any' | 'other' | 'own'
export type Column = { role: MatrixRole; side: Side }

export const COLUMNS: readonly Column[] = MATRIX_ROLES.flatMap((role): Column[] =>
  (DEPARTMENT_ROLES as readonly string[]).includes(role)
    ? [
        { role, side: 'own' },
        { role, side: 'other' },
      ]
    : [{ role, side: 'any' }],
)

export const columnLabel = (c: Column) => (c.side === 'any' ? c.role : `${c.role} ${c.side}`)

// Cells: one group per role, in MATRIX_ROLES order, separated by spaces; department roles own+other.
//                                                         anon viewer drafter reviewer signer editor admin eval
const ROWS = [
  // 政策文件 — drafted by the department's drafter; read by the department, and by everyone once released and 主动公开.
  ['policies', 'create', /*                             */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['policies', 'read · drafting', /*                    */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['policies', 'read · in review', /*                   */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['policies', 'read · released 主动公开', /*            */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['policies', 'read · released 依申请公开', /*          */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['policies', 'read · withdrawn', /*                   */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['policies', 'read versions · drafting', /*           */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['policies', 'update · drafting', /*                  */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['policies', 'update validity · released', /*         */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['policies', 'delete · drafting', /*                  */ 'N  NN  YN  NN  NN  NN  Y  N'],
  // The package lifecycle (POST /api/policies/:id/workflow/<step>), each on a package in the step's stage.
  ['policies', '▶ submit', /*                           */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['policies', '▶ approve · level 1 保密审查', /*        */ 'N  NN  NN  YN  NN  NN  Y  N'],
  ['policies', '▶ approve · level 2 导向/准确', /*       */ 'N  NN  NN  YN  NN  NN  Y  N'],
  ['policies', '▶ return', /*                           */ 'N  NN  NN  YN  YN  NN  Y  N'],
  ['policies', '▶ sign', /*                             */ 'N  NN  NN  NN  YN  NN  Y  N'],
  ['policies', '▶ release', /*                          */ 'N  NN  NN  NN  YN  NN  Y  N'],
  ['policies', '▶ withdraw', /*                         */ 'N  NN  NN  NN  YN  NN  Y  N'],

  // 解读材料 — 谁起草、谁解读: the drafter; visibility derives from the policy.
  ['interpretations', 'create · drafting package', /*   */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['interpretations', 'read · drafting package', /*     */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interpretations', 'read · released 主动公开', /*     */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['interpretations', 'read · released 依申请公开', /*   */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interpretations', 'read · withdrawn package', /*    */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interpretations', 'read · draft supplement', /*     */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interpretations', 'read · draft supplement in the policy’s join', 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interpretations', 'read versions · drafting', /*    */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interpretations', 'update · drafting', /*           */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['interpretations', 'delete · drafting', /*           */ 'N  NN  YN  NN  NN  NN  Y  N'],
  // 补充解读 (POST /api/interpretations/:id/workflow/<step>), each on a supplement in the step's stage.
  ['interpretations', '▶ supplement submit', /*         */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['interpretations', '▶ supplement approve', /*        */ 'N  NN  NN  YN  NN  NN  Y  N'],
  ['interpretations', '▶ supplement return', /*         */ 'N  NN  NN  YN  YN  NN  Y  N'],
  ['interpretations', '▶ supplement release', /*        */ 'N  NN  NN  NN  YN  NN  Y  N'],

  // 图解、视频、访谈 — the department's editors and drafters; visibility derives from the policy.
  ['infographics', 'create (upload) · drafting package', 'N  NN  YN  NN  NN  YN  Y  N'],
  ['infographics', 'read · drafting package', /*        */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['infographics', 'read · released 主动公开', /*        */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['infographics', 'read original file · drafting', /*  */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['infographics', 'update · drafting', /*              */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['infographics', 'delete · drafting', /*              */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['videos', 'create (link) · drafting package', /*     */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['videos', 'read · drafting package', /*              */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['videos', 'read · released 主动公开', /*              */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['videos', 'update · drafting', /*                    */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['videos', 'delete · drafting', /*                    */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['interviews', 'create · drafting package', /*        */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['interviews', 'read · drafting package', /*          */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['interviews', 'read · released 主动公开', /*          */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['interviews', 'update · drafting', /*                */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['interviews', 'delete · drafting', /*                */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['interviews', '▶ go live (POST /:id/status)', /*     */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['interviews', '▶ ask a question · released', /*      */ 'Y  YY  YY  YY  YY  YY  Y  Y'],

  // 征求意见公告 — drafted by the drafter; public once announced and its period has begun.
  ['consultations', 'create', /*                        */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['consultations', 'read · not announced', /*          */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['consultations', 'read · announced, open', /*        */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['consultations', 'read versions · not announced', /* */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['consultations', 'update', /*                        */ 'N  NN  YN  NN  NN  NN  Y  N'],
  ['consultations', 'delete', /*                        */ 'N  NN  YN  NN  NN  NN  Y  N'],

  // 媒体文件 (attachments) — the department's drafters and editors; public once released with their document.
  ['media', 'create (upload)', /*                       */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['media', 'read · not public', /*                     */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['media', 'read · public', /*                         */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['media', 'read file · not public', /*                */ 'N  YN  YN  YN  YN  YN  Y  N'],
  ['media', 'update', /*                                */ 'N  NN  YN  NN  NN  YN  Y  N'],
  ['media', 'delete', /*                                */ 'N  NN  YN  NN  NN  YN  Y  N'],

  // 部门 — public names; admins maintain them ("own" = a unit under the user's department).
  ['departments', 'create', /*                          */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['departments', 'read', /*                            */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['departments', 'update', /*                          */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['departments', 'delete', /*                          */ 'N  NN  NN  NN  NN  NN  Y  N'],

  // 用户 — one's own account; admins all ("colleague" = another user of the department).
  ['users', 'create', /*                                */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['users', 'read · own account', /*                    */ '-  YY  YY  YY  YY  YY  Y  Y'],
  ['users', 'read · colleague', /*                      */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['users', 'update · own name', /*                     */ '-  YY  YY  YY  YY  YY  Y  Y'],
  ['users', 'update · own roles and department', /*     */ '-  II  II  II  II  II  -  I'],
  ['users', 'update · colleague', /*                    */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['users', 'delete · colleague', /*                    */ 'N  NN  NN  NN  NN  NN  Y  N'],

  // 审计日志 — append-only (nobody writes through the API); the department reads its own entries,
  // admins and evaluators (第三方评估) the whole trail.
  ['audit-log', 'create', /*                            */ 'N  NN  NN  NN  NN  NN  N  N'],
  ['audit-log', 'read · entry of the department', /*    */ 'N  YN  YN  YN  YN  YN  Y  Y'],
  ['audit-log', 'update', /*                            */ 'N  NN  NN  NN  NN  NN  N  N'],
  ['audit-log', 'delete', /*                            */ 'N  NN  NN  NN  NN  NN  N  N'],

  // 推送订阅、推送记录 — admins; deliveries are written by the system only.
  ['webhooks', 'create', /*                             */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['webhooks', 'read', /*                               */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['webhooks', 'update', /*                             */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['webhooks', 'delete', /*                             */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['webhook-deliveries', 'create', /*                   */ 'N  NN  NN  NN  NN  NN  N  N'],
  ['webhook-deliveries', 'read', /*                     */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['webhook-deliveries', 'update', /*                   */ 'N  NN  NN  NN  NN  NN  N  N'],
  ['webhook-deliveries', 'delete', /*                   */ 'N  NN  NN  NN  NN  NN  Y  N'],

  // 搜索词典 (admins edit, signed-in users read)、无结果查询 (recorded by the search itself, admins read).
  ['search-terms', 'create', /*                         */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['search-terms', 'read', /*                           */ 'N  YY  YY  YY  YY  YY  Y  Y'],
  ['search-terms', 'update', /*                         */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['search-terms', 'delete', /*                         */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['search-misses', 'create', /*                        */ 'N  NN  NN  NN  NN  NN  N  N'],
  ['search-misses', 'read', /*                          */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['search-misses', 'update', /*                        */ 'N  NN  NN  NN  NN  NN  N  N'],
  ['search-misses', 'delete', /*                        */ 'N  NN  NN  NN  NN  NN  Y  N'],

  // 政务公开标准目录 — itself published (政务公开); admins maintain it ("own" = an item of the user's department).
  ['catalog-items', 'create', /*                        */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['catalog-items', 'read', /*                          */ 'Y  YY  YY  YY  YY  YY  Y  Y'],
  ['catalog-items', 'update', /*                        */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['catalog-items', 'delete', /*                        */ 'N  NN  NN  NN  NN  NN  Y  N'],

  // 官方节假日安排 (the release clock's calendar): admins enter a year, every signed-in user reads it.
  ['official-calendars', 'create', /*                   */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['official-calendars', 'read', /*                     */ 'N  YY  YY  YY  YY  YY  Y  Y'],
  ['official-calendars', 'update', /*                   */ 'N  NN  NN  NN  NN  NN  Y  N'],
  ['official-calendars', 'delete', /*                   */ 'N  NN  NN  NN  NN  NN  Y  N'],
] as const

type RowTuple = (typeof ROWS)[number]
type KeyOf<R> = R extends readonly [infer C extends string, infer O extends string, string] ? `${C} ${O}` : never
/** `<collection> <operation>`: the test has one probe per key (checked by the compiler). */
export type RowKey = KeyOf<RowTuple>

export type Row = { cells: Code[]; collection: string; key: RowKey; operation: string }

function parseCells(collection: string, operation: string, text: string): Code[] {
  const groups = text.trim().split(/\s+/)
  const widths = MATRIX_ROLES.map((r) => ((DEPARTMENT_ROLES as readonly string[]).includes(r) ? 2 : 1))
  const cells = groups.flatMap((g) => [...g])
  const ok = groups.length === widths.length && groups.every((g, i) => g.length === widths[i]) && cells.every((c) => c in LEGEND)
  if (!ok) throw new Error(`access matrix: malformed cells for ${collection} ${operation}: “${text}”`)
  return cells as Code[]
}

export const TABLE: readonly Row[] = ROWS.map(([collection, operation, cells]) => ({
  collection,
  operation,
  key: `${collection} ${operation}` as RowKey,
  cells: parseCells(collection, operation, cells),
}))

/** Every cell with its column. */
export const cellsOf = (row: Row) => row.cells.map((code, i) => ({ code, column: COLUMNS[i] }))

/** The table as Markdown (scripts/access-table.ts; the README's access section). */
export function toMarkdown(): string {
  const head = ['collection', 'operation', ...COLUMNS.map(columnLabel)]
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : ':-:')).join('|')}|`]
  let previous = ''
  for (const row of TABLE) {
    const collection = row.collection === previous ? '' : `\`${row.collection}\``
    previous = row.collection
    lines.push(`| ${[collection, row.operation, ...row.cells.map((c) => LEGEND[c].mark)].join(' | ')} |`)
  }
  const legend = (Object.keys(LEGEND) as Code[]).map((c) => `- ${LEGEND[c].mark || '(empty)'} ${LEGEND[c].text}`)
  return [
    ...lines,
    '',
    ...legend,
    '',
    '*own*: a user of department A acting on a document of A; *other*: the same role in department B on that document.',
    'Anonymous readers, admins and evaluators (第三方评估) have no department: one column each, tested on documents of',
    'both departments. ▶ rows are workflow steps, each taken on a package (or supplement) in the stage the step starts',
    'from, so that only who acts decides. `npm test -- tests/accessMatrix.test.ts` performs every cell through the',
    'REST API; `npm run access:table` prints this table from the same data.',
  ].join('\n')
}
