import { ACTION_TRAITS, actionsWhere, AUDIT_ACTIONS } from '../../src/events/actions'
import { followedBy, REACTIONS } from '../../src/events/reactions'
import { STAGES } from '../../src/lifecycle/stages'
import {
  ACTIONS,
  forwardStep,
  isOverdueAt,
  PACKAGE_ACTIONS,
  PENDING_STAGES,
  RELEASE_CLOCK_STAGES,
  TRANSITIONS,
  transitionBetween,
  walkTo,
} from '../../src/lifecycle/steps'

describe('the step table', () => {
  test('every transition joins two known stages and records a stage-moving action', () => {
    const stages = STAGES.map((s) => s.value as string)
    for (const t of TRANSITIONS) {
      expect(stages).toContain(t.from)
      expect(stages).toContain(t.to)
      expect(ACTION_TRAITS[t.records].stage).toBe(true)
    }
    // Every stage-moving action is recorded by some transition, and nothing else moves a stage.
    expect(new Set(TRANSITIONS.map((t) => t.records))).toEqual(new Set(actionsWhere((t) => t.stage)))
  })

  test('from is derived from the transitions', () => {
    expect(ACTIONS.approve.from).toEqual(['submitted', 'confidentiality-passed'])
    expect(ACTIONS.release.from).toEqual(['signed', 'scheduled'])
    expect(ACTIONS.return.from).toEqual(['submitted', 'confidentiality-passed', 'content-passed', 'signed', 'scheduled'])
  })

  test('the two review levels are two transitions of one step, in order', () => {
    expect(walkTo('content-passed').map((s) => [s.action, s.role, s.to])).toEqual([
      ['submit', 'drafter', 'submitted'],
      ['approve', 'reviewer', 'confidentiality-passed'],
      ['approve', 'reviewer', 'content-passed'],
    ])
  })

  test('walks go forward only; withdrawn is reached through a release; scheduled only when asked', () => {
    expect(walkTo('withdrawn').map((s) => s.action)).toEqual(['submit', 'approve', 'approve', 'sign', 'release', 'withdraw'])
    expect(walkTo('released', 'signed').map((s) => s.to)).toEqual(['released'])
    expect(walkTo('scheduled').at(-1)).toEqual({ action: 'release', role: 'signer', to: 'scheduled' })
    expect(walkTo('drafting')).toEqual([])
    expect(() => walkTo('drafting', 'released')).toThrow('no forward walk')
  })

  test('recovery completes only a single step of the table', () => {
    expect(transitionBetween('signed', 'released')).toMatchObject({ step: 'release', records: 'release', stampedAt: 'releasedAt' })
    expect(transitionBetween('signed', 'scheduled')).toMatchObject({ step: 'release', records: 'schedule' })
    expect(transitionBetween('content-passed', 'drafting')).toMatchObject({ step: 'return', stampedAt: 'returnedAt' })
    // Two steps at once, or backwards outside a return, is not a cut-short step.
    expect(transitionBetween('submitted', 'content-passed')).toBeUndefined()
    expect(transitionBetween('released', 'signed')).toBeUndefined()
    expect(transitionBetween('scheduled', 'scheduled')).toBeUndefined()
  })

  test('pending stages, the release clock and the next step come from the table', () => {
    expect(PENDING_STAGES).toEqual(['drafting', 'submitted', 'confidentiality-passed', 'content-passed', 'signed', 'scheduled'])
    expect(RELEASE_CLOCK_STAGES).toEqual(['signed', 'scheduled'])
    expect(forwardStep('content-passed')).toBe('sign')
    expect(forwardStep('released')).toBeUndefined()
    const past = '2025-01-01T00:00:00.000Z'
    expect(isOverdueAt('signed', past)).toBe(true)
    expect(isOverdueAt('scheduled', past)).toBe(true)
    expect(isOverdueAt('released', past)).toBe(false)
    expect(isOverdueAt('signed', null)).toBe(false)
    expect(isOverdueAt('signed', '2999-01-01T00:00:00.000Z')).toBe(false)
  })

  test('every step names its roles and label in both languages', () => {
    for (const name of PACKAGE_ACTIONS) {
      expect(ACTIONS[name].roles.length).toBeGreaterThan(0)
      expect(ACTIONS[name].label.zh).toBeTruthy()
      expect(ACTIONS[name].label.en).toBeTruthy()
    }
  })
})

describe('the reactions registry', () => {
  test('lists every reaction once; following reactions read actions that exist', () => {
    const names = REACTIONS.map((r) => r.name)
    expect(names).toEqual(['webhooks', 'release-job', 'public-cache', 'search', 'compliance', 'recovery'])
    for (const name of ['search', 'compliance', 'recovery']) for (const action of followedBy(name)) expect(AUDIT_ACTIONS).toContain(action)
    expect(followedBy('recovery')).toEqual(['submit', 'approve', 'return', 'sign', 'schedule', 'release', 'withdraw', 'revise'])
    expect(() => followedBy('webhooks')).toThrow()
  })

  test('revise opens a revision of a released package by its drafter; the package stays released', () => {
    expect(ACTIONS.revise.from).toEqual(['released'])
    expect(ACTIONS.revise.roles).toEqual(['drafter'])
    expect(ACTIONS.revise.transitions).toEqual([{ from: 'released', to: 'released', records: 'revise' }])
    expect(ACTION_TRAITS.revise).toEqual({ stage: true, workflow: true })
    // A self-transition: recovery never completes it, walks and the pending list ignore it, it is not "next".
    expect(transitionBetween('released', 'released')).toBeUndefined()
    expect(forwardStep('released')).toBeUndefined()
    expect(PENDING_STAGES).not.toContain('released')
    expect(followedBy('compliance')).toContain('revise')
    expect(followedBy('recovery')).toContain('revise')
  })
})
