import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import type { Department } from '../../payload-types'

import { lexicalFromText } from '../../src/richText/plainText'
import { demoEmail, type DemoOrganisation, seedOrganisation } from '../../src/seed/organisation'
import type { Role } from '../../src/roles'
import { type Rest, startPayload } from './payload'

export type World = {
  a: Department
  b: Department
  org: DemoOrganisation
  payload: Payload
  rest: Rest
  /** A REST token for `<role>@demo.gov.cn` (department A) or `<role>.b@demo.gov.cn` (department B). */
  token: (role: Role, second?: boolean) => Promise<string>
}

/** Boots Payload on this file's database with the demo departments and one user per role in A and B. */
export async function startWorld(): Promise<World> {
  const { payload, rest } = await startPayload()
  const org = await seedOrganisation(payload)
  const tokens = new Map<string, string>()
  return {
    payload,
    rest,
    org,
    a: org.departments.finance,
    b: org.departments.housing,
    async token(role, second = false) {
      const email = demoEmail(role, second)
      if (!tokens.has(email)) tokens.set(email, await rest.login(email))
      return tokens.get(email)!
    },
  }
}

let counter = 0
/**
 * A valid policy body for department `dept`; every call gets a distinct title and document number. Typed as create
 * data (validity and stage are left to their defaults); `overrides` may be invalid on purpose, for refusal tests.
 */
export function policyData(
  dept: Department,
  overrides: Record<string, any> = {},
): RequiredDataFromCollectionSlug<'policies'> & Record<string, any> {
  counter += 1
  const data: Omit<RequiredDataFromCollectionSlug<'policies'>, 'stage' | 'validity'> = {
    title: `关于印发测试政策${counter}的通知`,
    documentNumber: `${dept.shortName}〔2020〕${counter}号`,
    documentType: 'notice',
    issuingOrgans: [dept.id],
    writtenAt: '2020-03-15T00:00:00.000Z',
    department: dept.id,
    disclosure: 'proactive',
    body: lexicalFromText('第一条 为做好测试工作，制定本通知。'),
  }
  return { ...data, ...overrides } as RequiredDataFromCollectionSlug<'policies'> & Record<string, any>
}

export const interpretationData = (policyId: number | string, overrides: Record<string, any> = {}) => ({
  title: '图文解读',
  policy: policyId,
  form: 'text',
  body: lexicalFromText('一、出台背景\n二、主要内容'),
  ...overrides,
})

/** The first error of a Payload REST error response, flattened for assertions. */
export function firstError(body: any): { data?: any; message: string } {
  const error = body?.errors?.[0] ?? {}
  return { data: error.data, message: String(error.message ?? '') }
}

/** All field error messages of a ValidationError response. */
export function fieldErrors(body: any): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of body?.errors?.[0]?.data?.errors ?? []) out[e.path] = e.message
  return out
}
