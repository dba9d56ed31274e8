import { L } from './i18n'

export const ROLES = [
  { label: L('系统管理员', 'Administrator'), value: 'admin' },
  { label: L('起草人', 'Drafter'), value: 'drafter' },
  { label: L('审核人', 'Reviewer'), value: 'reviewer' },
  { label: L('签发人', 'Signer'), value: 'signer' },
  { label: L('图解/视频/访谈编辑', 'Media editor'), value: 'editor' },
  { label: L('查阅人', 'Viewer'), value: 'viewer' },
  { label: L('第三方评估', 'Evaluator'), value: 'evaluator' },
] as const

/** Roles that work across all departments: their users have no department. */
export const CROSS_DEPARTMENT_ROLES: readonly Role[] = ['admin', 'evaluator']

export type Role = (typeof ROLES)[number]['value']

export type RoleUser = {
  department?: { id: number | string } | null | number | string
  id: number | string
  roles?: null | string[]
}

export const hasRole = (user: null | RoleUser | undefined, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((r) => (roles as string[]).includes(r)))

export const isAdminUser = (user: null | RoleUser | undefined): boolean => hasRole(user, 'admin')
