/**
 * The public site (src/app/(site)) in the browser test's server: a reader finds a policy by search, opens its
 * interpretation (and infographic, when the package has one) and comes back to 原文; axe-core on every page type
 * (0 serious or critical violations), in standard and 适老化 mode; screenshots of every page type at desktop and
 * mobile width into test-results/site/; and no unreleased package on any page or in the sitemap. The editors' preview
 * (/preview/policies/<id>) and the 待办 dashboard: headers, noindex, banner, department scope, screenshots.
 */
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { test } from 'node:test'
import type { Browser, Page } from 'playwright-core'

import { login as adminLogin } from './admin'
import { root, type E2EServer } from './server'

const SHOTS = path.join(root, 'test-results', 'site')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type AxeViolation = { id: string; impact: null | string; help: string; nodes: { target: string[] }[] }

/** axe-core in the page; returns the serious and critical violations (what the issue counts). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    // The script tag above defined window.axe; Reflect.get reads a global the DOM typings do not know.
    const axeApi = Reflect.get(window, 'axe') as { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> }
    return (await axeApi.run(document, { resultTypes: ['violations'] })).violations
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

type Ctx = () => { browser: Browser; server: E2EServer }
type Bundle = {
  id: number
  title: string
  interpretations: Record<string, { id: number }[]>
  infographics?: { id: number }[]
  consultation: null | { id: number }
}

export function registerSiteTests(ctx: Ctx): void {
  const axeResults: Record<string, number> = {}
  let pages: { name: string; path: string }[] = []

  void test('site: the page types exist for the released demo content', { timeout: 60_000 }, async () => {
    rmSync(SHOTS, { recursive: true, force: true })
    mkdirSync(SHOTS, { recursive: true })
    const { baseURL } = ctx().server
    const list = (await (await fetch(`${baseURL}/api/public/policies?limit=100`)).json()) as { docs: { id: number }[] }
    assert.ok(list.docs.length > 0, 'the demo has released policies')
    const bundles: Bundle[] = []
    for (const p of list.docs) bundles.push((await (await fetch(`${baseURL}/api/public/policies/${p.id}`)).json()) as Bundle)
    const withCard = bundles.find((b) => b.interpretations.card?.length) ?? bundles[0]!
    const withConsultation = bundles.find((b) => b.consultation)
    const withInfographic = bundles.find((b) => b.infographics?.length)
    const interpretation = withCard.interpretations.card?.[0] ?? Object.values(withCard.interpretations)[0]?.[0]
    pages = [
      { name: 'home', path: '/' },
      { name: 'library', path: '/policies' },
      { name: 'library-filtered', path: '/policies?documentType=normative' },
      { name: 'policy', path: `/policies/${withCard.id}` },
      ...(interpretation ? [{ name: 'interpretation-card', path: `/interpretations/${interpretation.id}` }] : []),
      ...(withConsultation?.consultation
        ? [{ name: 'consultation', path: `/consultations/${withConsultation.consultation.id}?policy=${withConsultation.id}` }]
        : []),
      ...(withInfographic?.infographics?.[0] ? [{ name: 'infographic', path: `/infographics/${withInfographic.infographics[0].id}` }] : []),
      { name: 'search', path: `/search?q=${encodeURIComponent(withCard.title.slice(2, 8))}` },
      { name: 'search-zero', path: '/search?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E4%B8%AA%E8%AF%8D%E8%AF%AD%E5%91%A2' },
    ]
    for (const p of pages) {
      const res = await fetch(`${baseURL}${p.path}`)
      assert.equal(res.status, 200, `GET ${p.path}`)
      const html = await res.text()
      assert.match(html, /<link rel="canonical" href="[^"]+"/, `${p.path} has a canonical link`)
    }
  })

  void test('site: a reader finds a policy by search, opens its interpretation and comes back to 原文', { timeout: 90_000 }, async () => {
    const { browser, server } = ctx()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      const list = (await (await fetch(`${server.baseURL}/api/public/policies?form=card&limit=1`)).json()) as {
        docs: { id: number; title: string; documentNumber: string }[]
      }
      const policy = list.docs[0]!
      await page.goto(`${server.baseURL}/`)
      await page.getByLabel('搜索政策').fill(policy.documentNumber)
      await page.getByRole('button', { name: '搜索' }).first().click()
      await page.waitForURL(/\/search\?q=/)
      await page.locator(`a[href="/policies/${policy.id}"]`).first().click()
      await page.waitForURL(new RegExp(`/policies/${policy.id}$`))
      assert.equal(await page.locator('h1').innerText(), policy.title)
      for (const label of ['索引号', '主题分类', '发文机关', '成文日期', '发布日期', '发文字号', '有效性'])
        assert.ok(await page.locator('th', { hasText: label }).count(), `metadata block shows ${label}`)
      await page.locator('a[href^="/interpretations/"]').first().click()
      await page.waitForURL(/\/interpretations\/\d+$/)
      assert.ok(await page.locator('.card dt', { hasText: '享受对象' }).count(), '明白卡 shows 享受对象')
      await page.screenshot({ path: path.join(SHOTS, 'flow-interpretation.png'), fullPage: true })
      await page.locator('a[rel="up"]').first().click()
      await page.waitForURL(new RegExp(`/policies/${policy.id}$`))
      const infographic = page.locator('a[href^="/infographics/"]')
      if (await infographic.count()) {
        await infographic.first().click()
        await page.waitForURL(/\/infographics\/\d+$/)
        await page.locator('a[rel="up"]').first().click()
        await page.waitForURL(new RegExp(`/policies/${policy.id}$`))
      }
    } finally {
      await context.close()
    }
  })

  for (const [mode, cookie] of [
    ['standard', null],
    ['a11y', '1'],
  ] as const) {
    void test(`site: axe-core on every page type (${mode}), screenshots at desktop and mobile width`, { timeout: 180_000 }, async () => {
      const { browser, server } = ctx()
      const failures: string[] = []
      for (const [width, height, label] of [
        [1366, 900, 'desktop'],
        [390, 844, 'mobile'],
      ] as const) {
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height } })
        if (cookie) await context.addCookies([{ name: 'site-a11y', value: cookie, url: server.baseURL }])
        const page = await context.newPage()
        for (const p of pages) {
          await page.goto(`${server.baseURL}${p.path}`)
          await page.screenshot({ path: path.join(SHOTS, `${p.name}-${mode}-${label}.png`), fullPage: true })
          if (label === 'desktop') {
            const violations = await axe(page)
            axeResults[`${p.name} (${mode})`] = violations.length
            for (const v of violations)
              failures.push(`${p.path} [${mode}]: ${v.impact} ${v.id} — ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
          }
        }
        await context.close()
      }
      console.log(`site axe (serious + critical): ${JSON.stringify(axeResults)}`)
      assert.deepEqual(failures, [], 'axe-core: no serious or critical violations')
    })
  }

  void test('site: no unreleased package on any page or in the sitemap', { timeout: 120_000 }, async () => {
    const { baseURL } = ctx().server
    const login = await fetch(`${baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.gov.cn', password: 'demo1234' }),
    })
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `JWT ${token}` }
    const unreleased = (
      (await (await fetch(`${baseURL}/api/policies?where[stage][not_equals]=released&depth=0&limit=100`, { headers: auth })).json()) as {
        docs: { id: number; title: string }[]
      }
    ).docs
    assert.ok(unreleased.length > 0, 'the demo has unreleased packages')
    const members = (
      (await (
        await fetch(`${baseURL}/api/interpretations?where[policy][in]=${unreleased.map((p) => p.id).join(',')}&depth=0&limit=200`, {
          headers: auth,
        })
      ).json()) as {
        docs: { id: number; title: string }[]
      }
    ).docs
    const sitemap = await (await fetch(`${baseURL}/sitemap.xml`)).text()
    assert.match(sitemap, /<urlset/, 'sitemap.xml is a sitemap')
    const robots = await (await fetch(`${baseURL}/robots.txt`)).text()
    assert.match(robots, /Sitemap: .*\/sitemap\.xml/, 'robots.txt names the sitemap')
    const listPages: string[] = ['/', '/policies', '/policies?validity=valid']
    for (let page = 2; page <= 5; page++) listPages.push(`/policies?page=${page}`)
    const listed = (await Promise.all(listPages.map(async (p) => (await fetch(`${baseURL}${p}`)).text()))).join('\n')
    for (const p of unreleased) {
      for (const path of [`/policies/${p.id}`]) assert.equal((await fetch(`${baseURL}${path}`)).status, 404, `${path} (${p.title}) is 404`)
      assert.ok(!listed.includes(p.title), `${p.title} is on no list page`)
      const search = await (await fetch(`${baseURL}/search?q=${encodeURIComponent(p.title)}`)).text()
      assert.ok(!search.includes(`href="/policies/${p.id}"`), `search does not link ${p.title}`)
      assert.ok(!sitemap.includes(`/policies/${p.id}<`), `sitemap does not list policy ${p.id}`)
    }
    for (const m of members) {
      assert.equal((await fetch(`${baseURL}/interpretations/${m.id}`)).status, 404, `/interpretations/${m.id} (${m.title}) is 404`)
      assert.ok(!sitemap.includes(`/interpretations/${m.id}<`), `sitemap does not list interpretation ${m.id}`)
    }
  })

  void test('site: the editors’ preview shows a draft to its department only, never cached or indexed', { timeout: 120_000 }, async () => {
    const { baseURL } = ctx().server
    const token = async (email: string) => {
      const res = await fetch(`${baseURL}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'demo1234' }),
      })
      return ((await res.json()) as { token: string }).token
    }
    const drafter = await token('drafter@demo.gov.cn')
    const other = await token('drafter.b@demo.gov.cn')
    const own = (
      (await (
        await fetch(`${baseURL}/api/policies?where[stage][not_equals]=released&depth=0&limit=100`, {
          headers: { authorization: `JWT ${drafter}` },
        })
      ).json()) as { docs: { id: number; title: string; stage: string }[] }
    ).docs.find((p) => p.stage !== 'withdrawn')
    assert.ok(own, 'the demo has an unreleased package of department A')
    const path = `/preview/policies/${own.id}`
    const get = (cookie?: string) =>
      fetch(`${baseURL}${path}`, { headers: cookie ? { cookie: `payload-token=${cookie}` } : {}, redirect: 'manual' })

    const seen = await get(drafter)
    const html = await seen.text()
    assert.equal(seen.status, 200, 'the drafter of the department sees the preview')
    assert.match(seen.headers.get('cache-control') ?? '', /private/, 'Cache-Control: private')
    assert.match(seen.headers.get('cache-control') ?? '', /no-store/, 'Cache-Control: no-store')
    assert.equal(seen.headers.get('x-robots-tag'), 'noindex')
    assert.match(html, /<meta name="robots" content="noindex[^"]*"/, 'meta robots noindex')
    assert.ok(html.includes('预览 — 尚未发布 / Preview — not released'), 'the banner')
    assert.ok(html.includes(own.title), 'the package itself')

    const refused = await get(other)
    assert.equal(refused.status, 404, 'a drafter of department B gets 404')
    assert.ok(!(await refused.text()).includes(own.title), 'and no content')
    const anonymous = await get()
    const anonymousBody = await anonymous.text()
    assert.ok(!anonymousBody.includes(own.title), 'anonymous: no content')
    if (anonymous.status !== 200) {
      assert.equal(anonymous.status, 307, 'anonymous: sent to the login')
      assert.match(anonymous.headers.get('location') ?? '', /\/admin\/login\?redirect=%2Fpreview%2Fpolicies%2F/)
    } else assert.match(anonymousBody, /\/admin\/login\?redirect=%2Fpreview%2Fpolicies%2F/, 'anonymous: redirected to the login')
    assert.equal((await fetch(`${baseURL}/policies/${own.id}`)).status, 404, 'the public page is still 404')
    assert.ok(!(await (await fetch(`${baseURL}/sitemap.xml`)).text()).includes('/preview/'), 'no preview in the sitemap')

    // The browser: the preview as the drafter sees it, and the 待办 dashboard of the department's reviewer and signer.
    const { browser } = ctx()
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await adminLogin(page, baseURL, 'drafter@demo.gov.cn')
    await page.goto(`${baseURL}${path}`)
    await page.getByTestId('preview-banner').waitFor()
    await page.screenshot({ path: `${SHOTS}/preview-1366.png`, fullPage: true })
    await page.goto(`${baseURL}/admin`)
    await page.getByTestId('todo').waitFor()
    await page.screenshot({ path: `${SHOTS}/dashboard-drafter.png`, fullPage: true })
    await context.close()
    for (const email of ['reviewer@demo.gov.cn', 'signer@demo.gov.cn', 'reviewer.b@demo.gov.cn']) {
      const c = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })
      const p = await c.newPage()
      await adminLogin(p, baseURL, email)
      await p.goto(`${baseURL}/admin`)
      await p.getByTestId('todo').waitFor()
      await p.screenshot({ path: `${SHOTS}/dashboard-${email.split('@')[0]}.png`, fullPage: true })
      await c.close()
    }
  })
}
