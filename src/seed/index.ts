import { createLocalReq, type Payload, type RequiredDataFromCollectionSlug } from 'payload'

import type { Consultation, Department, Policy, User } from '../../payload-types'

import { ACTIONS, type ActionInput, type PackageAction, performAction } from '../lifecycle/packageLifecycle'
import { walkTo as stepsTo } from '../lifecycle/steps'
import type { Stage } from '../lifecycle/stages'
import { lexicalFromText } from '../richText/plainText'
import { seedCatalog } from './catalog'
import { DEMO_PACKAGES, type DemoConsultation, type DemoDepartmentKey, type DemoPackage } from './demoContent'
import { demoEmail, type DemoOrganisation, seedOrganisation } from './organisation'

export type SeedCounts = { consultations: number; interpretations: number; policies: number }

/** A calendar day in China Standard Time, stored as an instant (09:00 CST, so the day is the same in UTC). */
const cstDay = (day: string) => new Date(`${day}T09:00:00+08:00`).toISOString()

const richText = (paragraphs: string[]) => lexicalFromText(paragraphs.join('\n'))

const FORM_LABELS = { card: '明白卡', expert: '专家解读', leader: '主要负责同志解读', media: '媒体解读', text: '文字解读' } as const

/**
 * The user each department's documents are written as, so that hooks see a real author (department scope,
 * exemption records): the demo drafters of the first two departments, the administrator elsewhere.
 */
function authorFor(org: DemoOrganisation, key: DemoDepartmentKey): User & { collection: 'users' } {
  const email = key === 'finance' ? demoEmail('drafter') : key === 'housing' ? demoEmail('drafter', true) : demoEmail('admin')
  return { ...org.users[email], collection: 'users' }
}

/**
 * Demo policy packages (see ./demoContent) on top of the demo organisation. Idempotent: a consultation or policy
 * whose title already exists in its department, or an interpretation whose title exists for its policy, is left
 * alone; a package is walked to its demo state from wherever it is. Everything goes through the Local API and
 * therefore through the collections' hooks and validation. Returns how many documents this run created.
 */
export async function seedDemo(payload: Payload, log: (line: string) => void = () => {}): Promise<SeedCounts> {
  const org = await seedOrganisation(payload, log)
  const created: SeedCounts = { consultations: 0, interpretations: 0, policies: 0 }
  const total = DEMO_PACKAGES.length
  const width = String(total).length

  for (const [index, pkg] of DEMO_PACKAGES.entries()) {
    const tag = `[${String(index + 1).padStart(width)}/${total}]`
    const department = org.departments[pkg.department]
    const user = authorFor(org, pkg.department)
    const note = (isNew: boolean) => (isNew ? '' : '（已存在）')

    let consultation: Consultation | undefined
    if (pkg.consultation) {
      const found = await findConsultation(payload, department, pkg.consultation)
      consultation = found ?? (await createConsultation(payload, department, pkg.consultation, user))
      if (!found) created.consultations += 1
      log(`${tag} 征求意见 ${pkg.consultation.title}${note(!found)}`)
    }

    const existing = await payload.find({
      collection: 'policies',
      where: { and: [{ title: { equals: pkg.title } }, { department: { equals: department.id } }] },
      limit: 1,
      depth: 0,
    })
    let policy: Policy = existing.docs[0] ?? (await createPolicy(payload, org, pkg, consultation, user))
    if (!existing.docs[0]) created.policies += 1
    log(`${tag} 政策 ${pkg.title}${note(!existing.docs[0])}`)

    // Repair a package left half-done by an interrupted run: link its consultation while still in drafting.
    if (consultation && !policy.consultation && policy.stage === 'drafting') {
      policy = await payload.update({ collection: 'policies', id: policy.id, data: { consultation: consultation.id }, depth: 0, user })
    }

    for (const item of pkg.interpretations) {
      const found = await payload.find({
        collection: 'interpretations',
        where: { and: [{ title: { equals: item.title } }, { policy: { equals: policy.id } }] },
        limit: 1,
        depth: 0,
      })
      if (!found.docs[0]) {
        await payload.create({
          collection: 'interpretations',
          data: {
            title: item.title,
            policy: policy.id,
            form: item.form,
            author: item.author,
            interpreterRole: item.interpreterRole,
            ...(item.body ? { body: richText(item.body) } : {}),
            ...(item.card ? { card: item.card } : {}),
          },
          depth: 0,
          user,
        })
        created.interpretations += 1
      }
      log(`${tag}   解读·${FORM_LABELS[item.form]} ${item.title}${note(!found.docs[0])}`)
    }

    if (pkg.stage) policy = await walkTo(payload, org, pkg, policy, (line) => log(`${tag}   ${line}`))
  }
  await seedCatalog(payload, org, log)
  return created
}

const ORDER: Stage[] = ['drafting', 'submitted', 'confidentiality-passed', 'content-passed', 'signed', 'released', 'withdrawn']

/**
 * Walks a package through the real workflow actions to its demo state, each step by the right demo user
 * (drafter submits, reviewer approves, signer signs and releases; administrators for departments without
 * demo users, the submitting one never approving). Resumes from wherever an earlier run stopped.
 */
async function walkTo(payload: Payload, org: DemoOrganisation, pkg: DemoPackage, policy: Policy, log: (line: string) => void) {
  const target = pkg.stage!
  const second = pkg.department === 'housing'
  const own = pkg.department === 'finance' || second
  const actor = (role: 'drafter' | 'reviewer' | 'signer') =>
    createLocalReq(
      { user: { ...org.users[own ? demoEmail(role, second) : demoEmail('admin', role !== 'drafter')], collection: 'users' } },
      payload,
    )
  const step = async (action: PackageAction, role: 'drafter' | 'reviewer' | 'signer', input: ActionInput = {}) => {
    policy = await performAction(await actor(role), policy.id, action, input)
    log(`${ACTIONS[action].label.zh} → ${policy.stage}`)
  }
  // The forward walk of the step table (src/lifecycle/steps.ts) from wherever an earlier run stopped.
  const goal: Stage = target === 'scheduled' ? 'signed' : target
  if (policy.stage !== 'scheduled' && ORDER.indexOf(policy.stage) < ORDER.indexOf(goal)) {
    for (const { action, role } of stepsTo(goal, policy.stage)) {
      if (role !== 'drafter' && role !== 'reviewer' && role !== 'signer') throw new Error(`seed: no demo user for ${role}`)
      await step(action, role, action === 'withdraw' ? { reason: '政策调整，另行发布修订版本（演示）' } : {})
    }
  }
  if (target === 'scheduled' && policy.stage === 'signed') {
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    await step('release', 'signer', { releaseAt: `${inTwoDays}T09:00:00+08:00` })
  }
  return policy
}

async function findConsultation(payload: Payload, department: Department, item: DemoConsultation) {
  const { docs } = await payload.find({
    collection: 'consultations',
    where: { and: [{ title: { equals: item.title } }, { department: { equals: department.id } }] },
    limit: 1,
    depth: 0,
  })
  return docs[0]
}

function createConsultation(payload: Payload, department: Department, item: DemoConsultation, user: User) {
  return payload.create({
    collection: 'consultations',
    data: {
      title: item.title,
      draft: richText(item.draft),
      opensAt: cstDay(item.opensOn),
      // The period closes at the end of its last day.
      closesAt: new Date(`${item.closesOn}T17:30:00+08:00`).toISOString(),
      channels: item.channels,
      announced: true,
      feedback: item.feedback,
      department: department.id,
    },
    depth: 0,
    user,
  })
}

function createPolicy(payload: Payload, org: DemoOrganisation, pkg: DemoPackage, consultation: Consultation | undefined, user: User) {
  const data: Omit<RequiredDataFromCollectionSlug<'policies'>, 'stage'> = {
    title: pkg.title,
    documentNumber: pkg.documentNumber,
    documentType: pkg.documentType,
    subject: pkg.subject,
    issuingOrgans: (pkg.issuingOrgans ?? [pkg.department]).map((key) => org.departments[key].id),
    writtenAt: cstDay(pkg.writtenOn),
    validity: pkg.validity ?? 'valid',
    majorDecision: pkg.majorDecision ?? false,
    body: richText(pkg.body),
    consultation: consultation?.id,
    department: org.departments[pkg.department].id,
    disclosure: pkg.disclosure ?? 'proactive',
    disclosureReason: pkg.disclosureReason,
    disclosureBasis: pkg.disclosureBasis,
    ...(pkg.interpretationExemptReason
      ? { exemption: { interpretationExempt: true, interpretationExemptReason: pkg.interpretationExemptReason } }
      : {}),
  }
  return payload.create({
    collection: 'policies',
    // `stage` is never written on create: it defaults to drafting and only the lifecycle moves it.
    data: data as RequiredDataFromCollectionSlug<'policies'>,
    depth: 0,
    user,
  })
}
