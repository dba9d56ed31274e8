import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'

import { userDepartment } from '../access/userDepartment'
import { type Id, sameId } from '../ids'
import { hasRole, isAdminUser } from '../roles'
import { assertReadyToLeaveDrafting } from '../rules/doubleAssociation'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { type Stage, STAGES } from './stages'

/** Transitions implemented so far; review, signing and release arrive with the workflow issue. */
const TRANSITIONS: Partial<Record<Stage, Stage[]>> = {
  drafting: ['submitted'],
}

const stageLabel = (stage: string) => STAGES.find((s) => s.value === stage)?.label ?? { en: stage, zh: stage }

/**
 * Called by the policies' beforeChange hook for every write, whatever its path (REST, admin, Local API,
 * seed): a stage change must be an allowed transition, and leaving drafting requires double association.
 */
export async function guardStageChange(
  req: PayloadRequest,
  original: Policy | undefined,
  next: Policy,
): Promise<void> {
  const from = (original?.stage ?? 'drafting') as Stage
  const to = (next.stage ?? 'drafting') as Stage
  if (from === to) return
  if (!TRANSITIONS[from]?.includes(to)) {
    throw new RuleViolation(req, {
      status: 409,
      rule: 'stage-transition',
      ruleName: RULE_NAMES.lifecycle,
      message: {
        en: `“${next.title}” cannot move from ${stageLabel(from).en} to ${stageLabel(to).en}.`,
        zh: `《${next.title}》不能从“${stageLabel(from).zh}”直接变为“${stageLabel(to).zh}”。`,
      },
      hint: { en: 'Use the package actions in their order.', zh: '请按流程顺序办理。' },
      document: { collection: 'policies', id: next.id, title: next.title },
    })
  }
  if (from === 'drafting') await assertReadyToLeaveDrafting(req, next)
}

/** 提交审核: a drafter of the drafting department (or an admin) submits the whole package. */
export async function submitPackage(req: PayloadRequest, policyId: Id): Promise<Policy> {
  const user = req.user
  const policy = await req.payload
    .findByID({ collection: 'policies', id: policyId, depth: 0, overrideAccess: false, user, req })
    .catch(() => null)
  if (!policy) {
    throw new RuleViolation(req, {
      status: 404,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: `policy ${policyId} was not found or is not yours to see.`, zh: `未找到政策文件（${policyId}），或您无权查看。` },
      hint: { en: 'Check the id, or ask its drafting department.', zh: '请核对编号，或联系其起草部门。' },
      document: { collection: 'policies', id: policyId },
    })
  }
  const mayAct =
    isAdminUser(user) || (hasRole(user, 'drafter') && sameId(userDepartment(req), policy.department as never))
  if (!mayAct) {
    throw new RuleViolation(req, {
      status: 403,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: {
        en: `only a drafter of the drafting department can submit “${policy.title}”.`,
        zh: `只有起草部门的起草人可以提交《${policy.title}》。`,
      },
      hint: { en: 'Ask a drafter of that department to submit it.', zh: '请由该部门起草人提交。' },
      document: { collection: 'policies', id: policy.id, title: policy.title },
    })
  }
  return req.payload.update({
    collection: 'policies',
    id: policy.id,
    data: { stage: 'submitted' },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
