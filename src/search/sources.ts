import type { Field, Payload, Where } from 'payload'

import type { Policy } from '../../payload-types'

import { publiclyVisible } from '../access/publiclyVisible'
import { type Bilingual, L } from '../i18n'
import { type Id, idOf, type RelationValue } from '../ids'
import { PACKAGE_MEMBERS } from '../lifecycle/members'
import { lexicalPlainText } from '../richText/plainText'
import { type SearchDoc, searchKey } from './searchIndex'

/**
 * From database documents to index documents. Documents are read **as an anonymous reader** (Local API with
 * `overrideAccess: false` and no user), so the collections' own read access, field access and read hooks decide what
 * can be indexed: a policy released and 主动公开, its members (interpretations and the media collections listed in
 * PACKAGE_MEMBERS) with it, a supplement only once released, an interview's questions only once answered. The
 * visibility checks below repeat the rules as a second line of defence. Anything not readable yields nothing,
 * which the index turns into a removal.
 */

/** Read as the public would: access control and read hooks apply, no user. */
const AS_PUBLIC = { overrideAccess: false, depth: 0 } as const
/** Policies: without populating their interpretations join (members are read on their own). */
const POLICY_AS_PUBLIC = { ...AS_PUBLIC, joins: false } as const

export const POLICY_COLLECTION = 'policies'

/** Collections whose documents can appear in results: the policy and its package members. */
export const searchableCollections = (): string[] => [POLICY_COLLECTION, ...PACKAGE_MEMBERS.map((m) => m.slug)]

export type DepartmentNames = Map<string, string>

type AnyDoc = Record<string, unknown> & { id: Id }

const isPublicPolicy = (policy: Pick<Policy, 'disclosure' | 'stage'>) => policy.stage === 'released' && policy.disclosure === 'proactive'

/** memberReadAccess in code: public with its policy, and a supplement only once released. */
const isPublicMember = (doc: AnyDoc) => !doc.supplementary || (doc.supplement as { stage?: string } | undefined)?.stage === 'released'

const toMillis = (value: unknown): number | undefined => {
  const time = value ? new Date(value as string).getTime() : NaN
  return Number.isFinite(time) ? time : undefined
}

/** The calendar year in China Standard Time. */
const cstYear = (value: unknown): number | undefined => {
  const ms = toMillis(value)
  return ms === undefined ? undefined : new Date(ms + 8 * 3600_000).getUTCFullYear()
}

const join = (...parts: (null | string | undefined)[]) => parts.filter((p) => p && p.trim()).join('\n')

const departmentName = (names: DepartmentNames, value: unknown) => {
  const id = idOf(value as RelationValue)
  return id === undefined ? undefined : names.get(String(id))
}

/**
 * Top-level fields never indexed: workflow records (return reasons, who approved) are internal, relationships are indexed
 * through their own documents, and anything with its own read access or hidden from the admin is not for readers.
 */
const INTERNAL_FIELDS = new Set(['supplement', 'workflow', 'policy', 'department', 'exemption', 'refs'])

/** Machine values kept in text fields (file names, keys, URLs, codecs, caption files), at any level: not words. */
const NOISE_FIELDS = new Set([
  'key',
  'images',
  'photo',
  'filename',
  'mimeType',
  'url',
  'thumbnailURL',
  'externalUrl',
  'vtt',
  'probe',
  'derivatives',
  'posterSource',
  'language',
])

/**
 * The plain text of every text, textarea and rich-text field of a member document, walking groups, arrays, blocks
 * and tabs. `skip` is the title field (indexed on its own) and marks the document's top level, where the internal
 * fields are; nested fields of the same names (a guest's 职务 `title`, a host's `department`) are ordinary text.
 */
function memberText(fields: Field[], data: Record<string, unknown> | undefined, skip: string): string[] {
  if (!data) return []
  const out: string[] = []
  const top = skip !== ''
  for (const field of fields) {
    const named = 'name' in field ? field.name : undefined
    if (named && ((top && (named === skip || INTERNAL_FIELDS.has(named))) || NOISE_FIELDS.has(named) || /Reason$|Basis$/.test(named)))
      continue
    if ('access' in field && field.access?.read) continue
    if (field.admin && 'hidden' in field.admin && field.admin.hidden) continue
    const value = named ? data[named] : data
    switch (field.type) {
      case 'text':
      case 'textarea':
        if (typeof value === 'string') out.push(value)
        else if (Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string'))
        break
      case 'richText':
        out.push(lexicalPlainText(value))
        break
      case 'group':
      case 'row':
      case 'collapsible':
        out.push(...memberText(field.fields, value as Record<string, unknown>, named ? '' : skip))
        break
      case 'tabs':
        for (const tab of field.tabs) {
          const tabData = 'name' in tab && tab.name ? (data[tab.name] as Record<string, unknown>) : data
          out.push(...memberText(tab.fields, tabData, 'name' in tab && tab.name ? '' : skip))
        }
        break
      case 'array':
        for (const item of (value as Record<string, unknown>[] | undefined) ?? []) out.push(...memberText(field.fields, item, ''))
        break
      case 'blocks':
        for (const item of (value as (Record<string, unknown> & { blockType?: string })[] | undefined) ?? []) {
          const block = field.blocks.find((b) => b.slug === item.blockType)
          if (block) out.push(...memberText(block.fields, item, ''))
        }
        break
      default:
        break
    }
  }
  return out.filter((t) => t.trim())
}

type Option = { label: Bilingual; value: string }

/** The options of the select field `name` (looked for in rows and collapsibles too), labels as both languages. */
export function selectOptions(fields: Field[], name: string): Option[] {
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      const inner = selectOptions(field.fields, name)
      if (inner.length) return inner
    }
    if (field.type === 'select' && field.name === name) {
      return field.options.map((o) => {
        if (typeof o === 'string') return { value: o, label: L(o, o) }
        const label = o.label as Partial<Bilingual> | string
        return { value: o.value, label: typeof label === 'string' ? L(label, label) : L(label.zh ?? o.value, label.en ?? o.value) }
      })
    }
  }
  return []
}

/** Every member form (interpretation forms, and those of media collections with a `form` select) with its label. */
export function memberForms(payload: Payload): Option[] {
  const seen = new Map<string, Option>()
  for (const member of PACKAGE_MEMBERS) {
    for (const option of selectOptions(payload.collections[member.slug].config.fields, 'form')) {
      if (!seen.has(option.value)) seen.set(option.value, option)
    }
  }
  return [...seen.values()]
}

export function policyDoc(policy: Policy, names: DepartmentNames): SearchDoc {
  const organs = (policy.issuingOrgans ?? []).map((o) => departmentName(names, o))
  return {
    key: searchKey(POLICY_COLLECTION, policy.id),
    collection: POLICY_COLLECTION,
    id: policy.id,
    policy: String(policy.id),
    department: idOf(policy.department as RelationValue)?.toString(),
    year: cstYear(policy.writtenAt),
    date: toMillis(policy.workflow?.releasedAt),
    documentNumber: policy.documentNumber ?? undefined,
    indexNumber: policy.indexNumber ?? undefined,
    fields: {
      title: policy.title,
      number: join(policy.documentNumber, policy.indexNumber),
      organ: join(...new Set([...organs, departmentName(names, policy.department)])),
      context: '',
      body: lexicalPlainText(policy.body),
    },
  }
}

export function memberDoc(payload: Payload, slug: string, doc: AnyDoc, policy: Policy, names: DepartmentNames): SearchDoc {
  const config = payload.collections[slug as 'interpretations'].config
  const titleField = config.admin?.useAsTitle ?? 'title'
  const form = typeof doc.form === 'string' ? doc.form : undefined
  const supplement = doc.supplement as { releasedAt?: string } | undefined
  return {
    key: searchKey(slug, doc.id),
    collection: slug,
    id: doc.id,
    policy: String(policy.id),
    department: idOf((doc.department ?? policy.department) as RelationValue)?.toString(),
    year: cstYear(policy.writtenAt),
    date: toMillis(doc.supplementary ? supplement?.releasedAt : policy.workflow?.releasedAt),
    form,
    fields: {
      title: String(doc[titleField] ?? ''),
      number: '',
      organ: join(departmentName(names, doc.department ?? policy.department)),
      context: join(policy.title, policy.documentNumber, selectOptions(config.fields, 'form').find((o) => o.value === form)?.label.zh),
      body: join(...memberText(config.fields, doc, titleField)),
    },
  }
}

/** Every public document of one package (empty when the policy is gone, unreleased or not 主动公开). */
export async function packageDocs(payload: Payload, policyId: Id, names: DepartmentNames): Promise<SearchDoc[]> {
  const policy = await payload.findByID({ collection: POLICY_COLLECTION, id: policyId, ...POLICY_AS_PUBLIC }).catch(() => null)
  if (!policy || !isPublicPolicy(policy)) return []
  return [policyDoc(policy, names), ...(await membersOf(payload, [policy], names))]
}

async function membersOf(payload: Payload, policies: Policy[], names: DepartmentNames): Promise<SearchDoc[]> {
  if (!policies.length) return []
  const byId = new Map(policies.map((p) => [String(p.id), p]))
  const docs: SearchDoc[] = []
  for (const member of PACKAGE_MEMBERS) {
    const { docs: found } = await payload.find({
      collection: member.slug,
      where: { policy: { in: policies.map((p) => p.id) } },
      pagination: false,
      ...AS_PUBLIC,
    })
    // Spread: a plain record of the document's fields (the generated interfaces carry no index signature).
    for (const doc of found.map((d): AnyDoc => ({ ...d }))) {
      const policy = byId.get(String(idOf(doc.policy as RelationValue)))
      if (policy && isPublicMember(doc)) docs.push(memberDoc(payload, member.slug, doc, policy, names))
    }
  }
  return docs
}

/** Department names by id, for the organ field and facet labels. */
export async function loadDepartmentNames(payload: Payload): Promise<DepartmentNames> {
  const { docs } = await payload.find({
    collection: 'departments',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { name: true },
  })
  return new Map(docs.map((d) => [String(d.id), d.name]))
}

const PAGE = 200

/**
 * Every public document in the database, a page of packages at a time. `onProgress(done, total)` counts policies.
 */
export async function* allPublicDocs(
  payload: Payload,
  names: DepartmentNames,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<SearchDoc[]> {
  const where: Where = publiclyVisible()
  const { totalDocs: total } = await payload.count({ collection: POLICY_COLLECTION, where, overrideAccess: false })
  onProgress?.(0, total)
  let done = 0
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: POLICY_COLLECTION,
      where,
      sort: 'id',
      page,
      limit: PAGE,
      ...POLICY_AS_PUBLIC,
    })
    const policies = docs.filter(isPublicPolicy)
    yield [...policies.map((p) => policyDoc(p, names)), ...(await membersOf(payload, policies, names))]
    done += docs.length
    onProgress?.(Math.min(done, Math.max(total, done)), Math.max(total, done))
    if (!hasNextPage || !docs.length) break
  }
}
