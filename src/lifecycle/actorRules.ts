import type { PayloadRequest } from 'payload'

import { userDepartment } from '../access/userDepartment'
import type { Bilingual } from '../i18n'
import { type RelationValue, sameId } from '../ids'
import { hasRole, isAdminUser, type Role, ROLES } from '../roles'
import { RULE_NAMES, type RuleDocument, RuleViolation } from '../rules/errors'

const roleLabel = (role: Role) => ROLES.find((r) => r.value === role)!.label

/**
 * Who may take a workflow step, shared by the package and supplementary-interpretation lifecycles:
 * a user with one of `roles` in the document's drafting department (or an admin); never the submitter
 * where the two-person rule applies; with a reason where one is required.
 */
export function actorRefusal(
  req: PayloadRequest,
  step: {
    department: RelationValue
    document: RuleDocument & { title?: string }
    label: Bilingual
    notBy?: RelationValue
    reason?: string
    reasonRequired?: boolean
    roles: Role[]
  },
): null | RuleViolation {
  const { document, label } = step
  const user = req.user
  const inDepartment = sameId(userDepartment(req), step.department)
  if (!user || !(isAdminUser(user) || (hasRole(user, ...step.roles) && inDepartment))) {
    const roles = step.roles.map(roleLabel)
    return new RuleViolation(req, {
      status: user ? 403 : 401,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: {
        en: `“${label.en}” on “${document.title}” is done by a ${roles.map((r) => r.en).join(' or ')} of its drafting department.`,
        zh: `《${document.title}》的“${label.zh}”应由其起草部门的${roles.map((r) => r.zh).join('或')}办理。`,
      },
      hint: user
        ? { en: 'Ask the right person in that department.', zh: '请联系该部门相应人员办理。' }
        : { en: 'Sign in first.', zh: '请先登录。' },
      document,
    })
  }
  if (step.notBy !== undefined && sameId(step.notBy, user.id)) {
    return new RuleViolation(req, {
      status: 403,
      rule: 'two-person-rule',
      ruleName: RULE_NAMES.twoPerson,
      message: {
        en: `you submitted “${document.title}”, so you cannot also “${label.en}” it.`,
        zh: `《${document.title}》由您提交，您不能再对其“${label.zh}”。`,
      },
      hint: { en: 'Another reviewer or signer of the department must do it.', zh: '请由本部门其他审核人或签发人办理。' },
      document,
    })
  }
  if (step.reasonRequired && !step.reason?.trim()) {
    return new RuleViolation(req, {
      status: 400,
      rule: 'reason-required',
      ruleName: RULE_NAMES.lifecycle,
      message: { en: `“${label.en}” needs a reason.`, zh: `“${label.zh}”必须填写理由。` },
      hint: { en: 'Say why, in the “reason” field.', zh: '请在“理由”中说明原因。' },
      document,
    })
  }
  return null
}

/** The step is not available from the document's current state. */
export function stageRefusal(
  req: PayloadRequest,
  step: {
    document: RuleDocument & { title?: string }
    from: readonly string[]
    label: Bilingual
    stage: string
    stageLabel: (s: string) => Bilingual
  },
): null | RuleViolation {
  const { document, from, label, stage, stageLabel } = step
  if (from.includes(stage)) return null
  return new RuleViolation(req, {
    status: 409,
    rule: 'stage-transition',
    ruleName: RULE_NAMES.lifecycle,
    message: {
      en: `“${document.title}” is ${stageLabel(stage).en}; “${label.en}” needs it to be ${from.map((s) => stageLabel(s).en).join(' or ')}.`,
      zh: `《${document.title}》当前为“${stageLabel(stage).zh}”，“${label.zh}”只能在“${from.map((s) => stageLabel(s).zh).join('”或“')}”时办理。`,
    },
    hint: { en: 'Take the steps in their order.', zh: '请按流程顺序办理。' },
    document,
  })
}

export type StepSpec = {
  from: readonly string[]
  label: Bilingual
  /** Two-person rule: the submitter may not take this step on the same document. */
  notBySubmitter?: boolean
  reasonRequired?: boolean
  roles: Role[]
}

/** Everything that can close a workflow step to the caller, checked in the order a user would fix them. */
export function stepRefusal(
  req: PayloadRequest,
  step: StepSpec,
  on: {
    department: RelationValue
    document: RuleDocument & { title?: string }
    reason?: string
    stage: string
    stageLabel: (s: string) => Bilingual
    submittedBy: RelationValue
  },
): null | RuleViolation {
  return (
    stageRefusal(req, { document: on.document, from: step.from, label: step.label, stage: on.stage, stageLabel: on.stageLabel }) ??
    actorRefusal(req, {
      department: on.department,
      document: on.document,
      label: step.label,
      notBy: step.notBySubmitter ? on.submittedBy : undefined,
      reason: on.reason,
      reasonRequired: step.reasonRequired,
      roles: step.roles,
    })
  )
}
