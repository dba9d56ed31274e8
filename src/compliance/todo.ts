/**
 * 待办: what waits for the signed-in user, for the admin dashboard. The packages are the pending list
 * (`pendingPackages`, scoped to the user's department as every compliance view is); who acts on each is the step
 * table's `roles` for the package's next step (src/lifecycle/steps.ts) — nothing here restates who does what.
 */
import type { PayloadRequest } from 'payload'

import { dashboardScope } from '../access/dashboardScope'
import { type Bilingual, L } from '../i18n'
import { ACTIONS, type PackageAction } from '../lifecycle/steps'
import { CROSS_DEPARTMENT_ROLES, hasRole } from '../roles'
import { type PendingPackage, pendingPackages } from './pending'

/** `overdue` first (past the release clock), then one section per next step the user may take. */
export type TodoKey = 'overdue' | 'returned' | Exclude<PackageAction, 'return' | 'revise' | 'submit' | 'withdraw'>

export type TodoItem = Pick<
  PendingPackage,
  'adminPath' | 'department' | 'documentNumber' | 'id' | 'overdue' | 'releaseDeadline' | 'returnReason' | 'stage' | 'stageLabel' | 'title'
> & {
  /** The editors' preview of the package (src/app/(site)/preview). */
  previewPath: string
}

export type TodoSection = { key: TodoKey; title: Bilingual; items: TodoItem[] }

export type TodoList = {
  generatedAt: string
  /** Sections with at least one item, in TODO_SECTIONS order. */
  sections: TodoSection[]
  total: number
  /** Why there is no list (an account without department or cross-department role). */
  refusal: Bilingual | null
}

/** The dashboard's sections in order, with their headings. */
export const TODO_SECTIONS: readonly { key: TodoKey; title: Bilingual }[] = [
  { key: 'overdue', title: L('已超发布时限', 'Past the release deadline') },
  { key: 'returned', title: L('被退回修改', 'Returned to you for changes') },
  { key: 'approve', title: L('待审核', 'Waiting for your review') },
  { key: 'sign', title: L('待签发', 'Waiting for your signature') },
  { key: 'release', title: L('待发布 / 定时发布', 'To release, or scheduled') },
]

export const TODO_EMPTY = L('暂无待办事项。', 'Nothing is waiting for you.')

/**
 * The user's sections. A package goes to the section of its next step when the user holds one of that step's roles
 * (a drafting package only once it was returned); an overdue one goes to `overdue` instead, for whoever may release
 * it and for admins and evaluators (who oversee every department's deadlines).
 */
export function todoSection(user: PayloadRequest['user'], p: PendingPackage): TodoKey | null {
  const step = p.nextStep?.action as PackageAction | undefined
  const mayAct = step !== undefined && hasRole(user, ...ACTIONS[step].roles)
  if (p.overdue && (mayAct || hasRole(user, ...CROSS_DEPARTMENT_ROLES))) return 'overdue'
  if (!mayAct) return null
  if (step === 'submit') return p.returnReason ? 'returned' : null
  return TODO_SECTIONS.some((s) => s.key === step) ? (step as TodoKey) : null
}

/** What waits for `req.user`, in their department (admins and evaluators: every department). */
export async function todoFor(req: PayloadRequest, options: { now?: Date } = {}): Promise<TodoList> {
  const now = options.now ?? new Date()
  let department
  try {
    department = dashboardScope(req).department
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { generatedAt: now.toISOString(), sections: [], total: 0, refusal: L(message, message) }
  }
  const pending = await pendingPackages(req, { department, now })
  const items = new Map<TodoKey, TodoItem[]>()
  for (const p of pending.docs) {
    const key = todoSection(req.user, p)
    if (!key) continue
    const { id, title, documentNumber, department: dept, stage, stageLabel, releaseDeadline, overdue, returnReason, adminPath } = p
    const item = { id, title, documentNumber, department: dept, stage, stageLabel, releaseDeadline, overdue, returnReason, adminPath }
    items.set(key, [...(items.get(key) ?? []), { ...item, previewPath: `/preview/policies/${id}` }])
  }
  const sections = TODO_SECTIONS.filter((s) => items.has(s.key)).map((s) => ({ ...s, items: items.get(s.key)! }))
  return { generatedAt: now.toISOString(), sections, total: sections.reduce((n, s) => n + s.items.length, 0), refusal: null }
}
