import type { Payload } from 'payload'

import type { Department, User } from '../../payload-types'

import { CROSS_DEPARTMENT_ROLES, ROLES, type Role } from '../roles'
import { withCheckCharacter } from '../rules/indexNumber'

export const DEMO_PASSWORD = 'demo1234'

type DepartmentSeed = { body17: string; key: string; name: string; parent?: string; shortName: string }

/**
 * Demo departments after the seed report (Guizhou). The first two are the demo users' departments:
 * `<role>@demo.gov.cn` works in the first, `<role>.b@demo.gov.cn` in the second.
 */
export const DEMO_DEPARTMENTS: DepartmentSeed[] = [
  { key: 'finance', name: '贵州省财政厅', shortName: '黔财农', body17: '11520000MB0000001' },
  { key: 'housing', name: '贵州省住房和城乡建设厅', shortName: '黔建房', body17: '11520000MB0000002' },
  { key: 'province', name: '贵州省人民政府', shortName: '黔府发', body17: '11520000MB0000003' },
  { key: 'office', name: '贵州省人民政府办公厅', shortName: '黔府办发', body17: '11520000MB0000004', parent: 'province' },
  { key: 'health', name: '贵州省卫生健康委员会', shortName: '黔卫健发', body17: '11520000MB0000005' },
  { key: 'water', name: '贵州省水利厅', shortName: '黔水发', body17: '11520000MB0000006' },
  { key: 'guiyang', name: '贵阳市人民政府', shortName: '筑府发', body17: '11520100MB0000007' },
  { key: 'nanming', name: '贵阳市南明区人民政府', shortName: '南府发', body17: '11520102MB0000008', parent: 'guiyang' },
  { key: 'liuzhi', name: '六盘水市六枝特区人民政府', shortName: '六特府发', body17: '11520203MB0000009' },
]

export type DemoOrganisation = {
  departments: Record<string, Department>
  /** Keyed by email. */
  users: Record<string, User>
}

export const demoEmail = (role: Role, second = false) => `${role}${second ? '.b' : ''}@demo.gov.cn`

/** Departments and one user per role in each of the first two departments. Idempotent. */
export async function seedOrganisation(payload: Payload, log: (line: string) => void = () => {}): Promise<DemoOrganisation> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Refusing to create demo users (password demo1234) with NODE_ENV=production.')
  }
  const departments: Record<string, Department> = {}
  for (const seed of DEMO_DEPARTMENTS) {
    const existing = await payload.find({ collection: 'departments', where: { name: { equals: seed.name } }, limit: 1, depth: 0 })
    departments[seed.key] =
      existing.docs[0] ??
      (await payload.create({
        collection: 'departments',
        data: {
          name: seed.name,
          shortName: seed.shortName,
          creditCode: withCheckCharacter(seed.body17),
          parent: seed.parent ? departments[seed.parent].id : undefined,
        },
        depth: 0,
      }))
    log(`部门 department ${seed.name}`)
  }
  const [first, second] = [departments[DEMO_DEPARTMENTS[0].key], departments[DEMO_DEPARTMENTS[1].key]]
  const users: Record<string, User> = {}
  for (const { value: role, label } of ROLES) {
    for (const [department, isSecond] of [
      [first, false],
      [second, true],
    ] as const) {
      const email = demoEmail(role, isSecond)
      const existing = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
      users[email] =
        existing.docs[0] ??
        (await payload.create({
          collection: 'users',
          data: {
            email,
            password: DEMO_PASSWORD,
            name: `${department.name}${label.zh}`,
            roles: [role],
            department: CROSS_DEPARTMENT_ROLES.includes(role) ? undefined : department.id,
          },
          depth: 0,
        }))
      log(`用户 user ${email}`)
    }
  }
  return { departments, users }
}
