import { loadPreview, loginPath } from '../src/site/preview'
import { packages } from './fixtures/packages'
import { startWorld, type World } from './helpers/world'

/**
 * The editors' preview (/preview/policies/<id>): what `loadPreview` gives the page for the auth cookie of each
 * caller, on the real database. The page's headers (Cache-Control, X-Robots-Tag), the noindex meta and the banner
 * are asserted against the running production server in the browser test (tests/e2e/site.ts).
 */

let w: World

beforeAll(async () => {
  w = await startWorld()
})

afterAll(async () => {
  await w?.payload.destroy()
})

/** The request headers a browser signed in to the admin sends: Payload's auth cookie. */
const cookieOf = (token?: string) => new Headers(token ? { cookie: `payload-token=${token}` } : {})

describe('editors’ preview', () => {
  let draft: Awaited<ReturnType<ReturnType<typeof packages>['make']>>

  beforeAll(async () => {
    draft = await packages(w).make('drafted', { members: [{ collection: 'interpretations', data: { title: '起草中的解读' } }] })
  })

  it('shows the drafter of the department the draft package with its unreleased interpretation', async () => {
    const result = await loadPreview(w.payload, cookieOf(await w.token('drafter')), String(draft.policy.id))
    expect(result.kind).toBe('ok')
    if (result.kind !== 'ok') return
    expect(result.bundle.title).toBe(draft.policy.title)
    expect(result.stage).toBe('drafting')
    expect(result.released).toBe(false)
    expect(result.stageLabel.zh).toBe('起草中')
    expect(
      Object.values(result.bundle.interpretations)
        .flat()
        .map((m) => m.title),
    ).toEqual(['起草中的解读'])
    expect(result.bundle.body.html).toContain('第一条')
  })

  it('shows reviewers and signers of the department the package they are asked to approve', async () => {
    const submitted = await packages(w).make('submitted')
    for (const role of ['reviewer', 'signer'] as const) {
      const result = await loadPreview(w.payload, cookieOf(await w.token(role)), String(submitted.policy.id))
      expect(result.kind).toBe('ok')
    }
  })

  it('answers not found to users of another department, and to ids that name nothing', async () => {
    for (const role of ['drafter', 'reviewer', 'signer'] as const) {
      const result = await loadPreview(w.payload, cookieOf(await w.token(role, true)), String(draft.policy.id))
      expect(result).toEqual({ kind: 'not-found' })
    }
    const drafter = cookieOf(await w.token('drafter'))
    for (const id of ['abc', '0', '-1', '999999999', '1;drop']) expect((await loadPreview(w.payload, drafter, id)).kind).toBe('not-found')
  })

  it('gives an anonymous caller (or a forged cookie) no content: the page sends it to the admin login', async () => {
    expect(await loadPreview(w.payload, cookieOf(), String(draft.policy.id))).toEqual({ kind: 'anonymous' })
    expect(await loadPreview(w.payload, cookieOf('not.a.token'), String(draft.policy.id))).toEqual({ kind: 'anonymous' })
    expect(loginPath(w.payload, '/preview/policies/7')).toBe('/admin/login?redirect=%2Fpreview%2Fpolicies%2F7')
  })

  it('still previews a released package, which stays public on the site', async () => {
    const released = await packages(w).make('released')
    const result = await loadPreview(w.payload, cookieOf(await w.token('drafter', true)), String(released.policy.id))
    expect(result.kind).toBe('ok')
    if (result.kind !== 'ok') return
    expect(result.released).toBe(true)
    const pub = await w.rest.get(`/public/policies/${released.policy.id}`)
    expect(pub.status).toBe(200)
    expect(pub.body.title).toBe(result.bundle.title)
    // Same members as the public bundle (all released), so the preview shows what readers get.
    expect(
      Object.values(result.bundle.interpretations)
        .flat()
        .map((m) => m.id),
    ).toEqual(
      Object.values(pub.body.interpretations as Record<string, { id: unknown }[]>)
        .flat()
        .map((m) => m.id),
    )
    // The draft is still not public.
    expect((await w.rest.get(`/public/policies/${draft.policy.id}`)).status).toBe(404)
  })
})
