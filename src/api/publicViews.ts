import type { Payload, Where } from 'payload'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

import type { Consultation, Department, Interpretation, Media, Policy } from '../../payload-types'

import { type Bilingual } from '../i18n'
import { idOf } from '../ids'
import { type MemberSlug, PACKAGE_MEMBERS } from '../lifecycle/members'
import { draftKindLabel } from '../rules/consultationPeriod'
import { documentTypeLabel } from '../rules/documentTypes'
import { SUBJECTS } from '../rules/subjects'
import { isEditorState, lexicalPlainText } from '../richText/plainText'
import { publicFind } from './publicRead'

export const API = '/api/public'

const option = (value: null | string | undefined, label: (v: string) => Bilingual) => (value ? { value, label: label(value) } : null)
const subjectLabel = (v: string) => SUBJECTS.find((s) => s.value === v)?.label ?? { en: v, zh: v }
const VALIDITY: Record<string, Bilingual> = {
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
}

export const richText = (value: unknown) => ({
  html: isEditorState(value) ? convertLexicalToHTML({ data: value }) : '',
  text: lexicalPlainText(value),
  lexical: value ?? null,
})

const departmentView = (d: Department | null | number | string | undefined) =>
  d && typeof d === 'object' ? { id: d.id, name: d.name, shortName: d.shortName ?? null } : d ? { id: d } : null

/** A policy as list entry: what a website needs to render a row or a feed item. */
export function policySummary(p: Policy) {
  return {
    id: p.id,
    title: p.title,
    documentNumber: p.documentNumber ?? null,
    indexNumber: p.indexNumber ?? null,
    documentType: option(p.documentType, documentTypeLabel),
    subject: option(p.subject, subjectLabel),
    department: departmentView(p.department),
    writtenAt: p.writtenAt,
    releasedAt: p.workflow?.releasedAt ?? null,
    validity: option(p.validity, (v) => VALIDITY[v] ?? { en: v, zh: v }),
    /** 施行日期 and 有效期至 (null: not recorded / no end). */
    validFrom: p.validFrom ?? null,
    validUntil: p.validUntil ?? null,
    links: { self: `${API}/policies/${p.id}` },
  }
}

const attachmentView = (m: Media | number | string) =>
  typeof m === 'object'
    ? { id: m.id, filename: m.filename, mimeType: m.mimeType, filesize: m.filesize, url: `${API}/attachments/${m.id}` }
    : { id: m, url: `${API}/attachments/${m}` }

/** A package member as published: its own fields, and the way back to its policy (原文). */
export function memberView(slug: string, doc: Record<string, any>) {
  const policyId = idOf(doc.policy)
  const { policy: _policy, department, supplement, updatedAt, createdAt, ...rest } = doc
  const view: Record<string, unknown> = { ...rest, type: slug, department: departmentView(department) }
  if ('body' in doc) view.body = richText(doc.body)
  if (doc.supplementary) view.supplementReleasedAt = supplement?.releasedAt ?? null
  view.links = { self: `${API}/${slug}/${doc.id}`, policy: `${API}/policies/${policyId}` }
  view.policy = { id: policyId, links: { self: `${API}/policies/${policyId}` } }
  return view
}

const consultationView = (c: Consultation) => ({
  id: c.id,
  title: c.title,
  /** Which minimum comment period applies (政府规章草案 / 行政规范性文件 / 重大行政决策 / 其他). */
  draftKind: option(c.draftKind ?? 'other', draftKindLabel),
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  /** Why the period is shorter than its kind's minimum (e.g. 紧急情况); published by rule. */
  shortPeriodReason: c.shortPeriodReason?.trim() || null,
  channels: (c.channels ?? []).map(({ kind, value }) => ({ kind, value })),
  draft: richText(c.draft),
  feedback: c.feedback ?? null,
})

/** How a bundle reads a package's members: the public API reads anonymously; the editors' preview as its user. */
export type MemberReader = (
  payload: Payload,
  slug: MemberSlug,
  args: { depth: number; pagination: false; sort: string; where: Where },
) => Promise<{ docs: Record<string, any>[] }>

/**
 * 双关联 in one response: the policy with its consultation notice, every released member grouped by
 * interpretation form or by media type, each linking back to the policy. `read` decides which members are seen:
 * anonymously (the public API, the default), or with a signed-in user's access (the editors' preview).
 */
export async function policyBundle(payload: Payload, policy: Policy, read: MemberReader = publicFind) {
  const members: Record<string, unknown> = {}
  let interpretations: Record<string, unknown[]> = {}
  for (const { slug } of PACKAGE_MEMBERS) {
    const { docs } = await read(payload, slug, {
      where: { policy: { equals: policy.id } },
      sort: 'createdAt',
      pagination: false,
      depth: 1,
    })
    if (slug === 'interpretations') {
      interpretations = {}
      for (const doc of docs as Interpretation[]) (interpretations[doc.form] ??= []).push(memberView(slug, doc))
    } else members[slug] = docs.map((d) => memberView(slug, d))
  }
  const consultation = policy.consultation && typeof policy.consultation === 'object' ? consultationView(policy.consultation) : null
  // Attachments are part of the released package: read them on its behalf (media have no public access of their own).
  const attachmentIds = (policy.attachments ?? []).map((a) => idOf(a)).filter((id) => id !== undefined)
  const attachments = attachmentIds.length
    ? (await payload.find({ collection: 'media', where: { id: { in: attachmentIds } }, depth: 0, pagination: false, overrideAccess: true }))
        .docs
    : []
  return {
    ...policySummary(policy),
    issuingOrgans: (policy.issuingOrgans ?? []).map((o) => departmentView(o)),
    signedAt: policy.workflow?.signedAt ?? null,
    body: richText(policy.body),
    attachments: attachments.map(attachmentView),
    consultation,
    interpretations,
    ...members,
  }
}
