/**
 * Browser end-to-end test (`npm run test:e2e`): headless Chromium (Debian's, via playwright-core) drives the
 * production build (`next start`, fresh SQLite database, demo organisation) through one package's life in the
 * Chinese admin: the drafter writes a policy and its interpretation through the real forms and submits; the
 * reviewer approves twice; the signer signs and releases; the package is public; the compliance dashboard counts it.
 * Screenshots of every step land in test-results/e2e/ (gitignored); a failed step adds a screenshot, the page's
 * visible error text and the server's last log lines.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type APIRequestContext, type Browser, chromium, type Page, request as playwrightRequest } from 'playwright-core'

import {
  chooseOption,
  DEMO_PASSWORD,
  login,
  logout,
  runStep,
  saveNew,
  typeRichText,
  visibleErrors,
  waitForStage,
  waitUntil,
  workflowPanel,
} from './admin'
import { buildId, root, startServer, type E2EServer } from './server'
import { registerSiteTests } from './site'

const SHOTS = path.join(root, 'test-results', 'e2e')
const DEPARTMENT = '贵州省财政厅' // the department of drafter@ / reviewer@ / signer@demo.gov.cn
const SHORT_NAME = '黔财农' // its 机关代字 (src/seed/organisation.ts)
const cstToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const year = cstToday.slice(0, 4)
const run = Date.now().toString(36)
const POLICY = {
  title: `关于做好${year}年耕地地力保护补贴政策公开工作的通知（E2E ${run}）`,
  documentNumber: `${SHORT_NAME}〔${year}〕9号`,
  body: ['各市（州）财政局：', '为做好耕地地力保护补贴政策信息公开工作，现就有关事项通知如下。'],
}
const INTERPRETATION = {
  title: `《${POLICY.title}》政策解读`,
  body: ['一、出台背景', '补贴资金直接发放到农民“一卡通”账户，补贴标准和发放结果按规定公开。'],
}

let server: E2EServer
let browser: Browser
let page: Page
let policyId = ''
let departmentId = ''
let stepNo = 0
let broken = '' // the first failed step: later steps skip (they depend on it)
const started = Date.now()

/** Compliance dashboard figures (being built in src/components/compliance): present in this source tree? */
const dashboardInSource = () =>
  existsSync(path.join(root, 'src/components/compliance')) &&
  readFileSync(path.join(root, 'src/buildAppConfig.ts'), 'utf8').includes('compliance')
const DASHBOARD_SKIP = 'compliance dashboard not in this source tree yet (src/components/compliance, registered in src/buildAppConfig.ts)'
let releasedBefore: null | { department: number; overall: number } = null

/** One step of the walk: numbered screenshot after it, or failure screenshot, visible errors and server log. */
function step(name: string, body: () => Promise<void>, options: { screenshot?: boolean; skip?: () => false | string } = {}): void {
  const number = String(++stepNo).padStart(2, '0')
  const slug = `${number}-${name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()}`
  void test(`${number} ${name}`, { timeout: 90_000 }, async (t) => {
    if (broken) return t.skip(`skipped: step “${broken}” failed`)
    const skip = options.skip?.()
    if (skip) return t.skip(skip)
    try {
      await body()
      if (options.screenshot !== false) await page.screenshot({ path: path.join(SHOTS, `${slug}.png`), fullPage: true })
    } catch (error) {
      broken = name
      const shot = path.join(SHOTS, `${slug}-FAILED.png`)
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined)
      const errors = await visibleErrors(page).catch(() => '')
      const message = error instanceof Error ? error.message : String(error)
      throw new Error(
        `${message}\n  page: ${page.url()}\n  screenshot: ${path.relative(root, shot)}\n` +
          `  visible messages: ${errors || '(none)'}\n  server log (last lines):\n${server.logTail(15)}`,
        { cause: error },
      )
    }
  })
}

/** Logs the current user out through the admin (as a person would), then the next one in. */
let signedIn = ''
async function switchUser(email: string): Promise<void> {
  if (signedIn) await logout(page, server.baseURL)
  signedIn = ''
  if (email) await login(page, server.baseURL, email)
  signedIn = email
}

const openPolicy = async () => {
  await page.goto(`${server.baseURL}/admin/collections/policies/${policyId}`)
  await workflowPanel(page).waitFor({ timeout: 30_000 })
}

type Released = { department: number; overall: number }

/** Released counts from GET /api/compliance (src/compliance/types.ts: `overall`, `departments[].figures`). */
async function releasedFromApi(request: APIRequestContext): Promise<Released> {
  const res = await request.get(`${server.baseURL}/api/compliance`)
  if (res.status() === 404)
    throw new Error('GET /api/compliance answers 404: the build in .next predates the compliance dashboard; run `npx next build`')
  assert.equal(res.status(), 200, `GET /api/compliance: ${res.status()} ${(await res.text()).slice(0, 300)}`)
  const report = (await res.json()) as { departments: { figures: { released: number }; id: string }[]; overall: { released: number } }
  // A department without activity has no row yet: it counts 0.
  const row = report.departments.find((d) => String(d.id) === departmentId)
  return { overall: report.overall.released, department: row?.figures.released ?? 0 }
}

/** The same counts as the dashboard shows them (data-testid figures). */
async function releasedOnDashboard(on: Page): Promise<Released> {
  await on.goto(`${server.baseURL}/admin/compliance`)
  const figure = async (testId: string) => {
    const locator = on.getByTestId(testId)
    await locator.waitFor({ timeout: 30_000 })
    const text = (await locator.innerText()).replace(/[,，\s]/g, '')
    const value = /\d+/.exec(text)
    assert.ok(value, `figure ${testId} shows no number: “${text}”`)
    return Number(value[0])
  }
  return { overall: await figure('compliance-overall-released'), department: await figure(`compliance-released-${departmentId}`) }
}

void describe('package workflow in the admin (headless Chromium)', { concurrency: false }, () => {
  before(async () => {
    rmSync(SHOTS, { recursive: true, force: true })
    mkdirSync(SHOTS, { recursive: true })
    server = await startServer()
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox'],
    })
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } })
    context.setDefaultTimeout(20_000)
    page = await context.newPage()
    const res = await fetch(`${server.baseURL}/api/departments?where[name][equals]=${encodeURIComponent(DEPARTMENT)}&depth=0`)
    departmentId = String(((await res.json()) as { docs: { id: number }[] }).docs[0]?.id ?? '')
    assert.ok(departmentId, `seeded department ${DEPARTMENT} not found`)
    console.log(`e2e: build ${buildId()}, Chromium ${browser.version()}, screenshots in ${path.relative(root, SHOTS)}/`)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
    console.log(`e2e: ${stepNo} steps in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  })

  step('drafter logs in', async () => {
    await switchUser('drafter@demo.gov.cn')
  })

  step('drafter creates the policy', async () => {
    await page.goto(`${server.baseURL}/admin/collections/policies/create`)
    await page.locator('#field-title').fill(POLICY.title)
    await page.locator('#field-documentNumber').fill(POLICY.documentNumber)
    await chooseOption(page, 'documentType', '通知') // not 规范性文件: no consultation notice needed
    await chooseOption(page, 'issuingOrgans', DEPARTMENT)
    const written = page.locator('#field-writtenAt input')
    await written.fill(cstToday)
    await written.press('Enter')
    await typeRichText(page, 'body', POLICY.body)
    // Defaults the form must show: the drafter's own department, 主动公开.
    assert.match(await page.locator('#field-department').innerText(), new RegExp(DEPARTMENT))
    assert.match(await page.locator('#field-disclosure').innerText(), /主动公开/)
    policyId = await saveNew(page, 'policies')
    const panel = workflowPanel(page)
    await waitForStage(panel, '起草中')
    // 双关联: without an interpretation the panel names the rule and 提交审核 stays disabled.
    await waitUntil(
      'the panel to name the missing interpretation',
      () => panel.innerText(),
      (text) => text.includes('双关联'),
    )
    assert.equal(await panel.getByRole('button', { name: '提交审核', exact: true }).isEnabled(), false)
    assert.match(await page.locator('#field-indexNumber').inputValue(), /\S/, 'index number generated on save')
  })

  step('drafter writes the interpretation', async () => {
    await page.goto(`${server.baseURL}/admin/collections/interpretations/create`)
    await page.locator('#field-title').fill(INTERPRETATION.title)
    await chooseOption(page, 'policy', POLICY.title)
    assert.match(await page.locator('#field-form').innerText(), /文字解读/, 'form defaults to 文字解读')
    await typeRichText(page, 'body', INTERPRETATION.body)
    await saveNew(page, 'interpretations')
  })

  step('drafter submits the package (提交审核)', async () => {
    await openPolicy()
    const panel = workflowPanel(page)
    await waitUntil(
      'the interpretation to be listed on the policy',
      () => page.locator('#field-interpretations').innerText(),
      (t) => t.includes(INTERPRETATION.title),
    )
    await waitUntil(
      'nothing to block submission',
      () => panel.innerText(),
      (text) => !text.includes('提交前须解决'),
    )
    await runStep(page, '提交审核', '已提交')
  })

  step('reviewer approves twice (审核通过)', async () => {
    await switchUser('reviewer@demo.gov.cn')
    await openPolicy()
    await waitForStage(workflowPanel(page), '已提交')
    await runStep(page, '审核通过', '保密审查通过')
    await runStep(page, '审核通过', '内容审核通过')
  })

  step('signer signs (签发)', async () => {
    await switchUser('signer@demo.gov.cn')
    await openPolicy()
    const panel = workflowPanel(page)
    await waitForStage(panel, '内容审核通过')
    // The panel asks for 发文字号 only when the policy has none; ours was numbered when drafted.
    const number = panel.getByPlaceholder('发文字号')
    if (await number.isVisible()) await number.fill(POLICY.documentNumber)
    await runStep(page, '签发', '已签发')
    await waitUntil(
      'the release deadline to show',
      () => panel.innerText(),
      (text) => text.includes('发布时限'),
    )
  })

  step(
    'compliance figures before the release (evaluator, GET /api/compliance)',
    async () => {
      // Its own API session, so that the signer's browser session stays open for the release.
      const api = await playwrightRequest.newContext({ baseURL: server.baseURL })
      try {
        const res = await api.post('/api/users/login', { data: { email: 'evaluator@demo.gov.cn', password: DEMO_PASSWORD } })
        assert.equal(res.status(), 200, 'evaluator login')
        releasedBefore = await releasedFromApi(api)
        console.log(`e2e: released before: overall ${releasedBefore.overall}, ${DEPARTMENT} ${releasedBefore.department}`)
      } finally {
        await api.dispose()
      }
    },
    { skip: () => !dashboardInSource() && DASHBOARD_SKIP, screenshot: false },
  )

  step('signer releases (发布)', async () => {
    await runStep(page, '发布', '已发布')
  })

  step('the released package is public', async () => {
    await switchUser('') // anonymous from here
    const res = await page.request.get(`${server.baseURL}/api/public/policies/${policyId}`)
    assert.equal(res.status(), 200, `anonymous GET /api/public/policies/${policyId}`)
    const bundle = JSON.stringify(await res.json())
    assert.ok(
      bundle.includes(POLICY.documentNumber) && bundle.includes(INTERPRETATION.title),
      'bundle holds the policy and its interpretation',
    )
    await page.goto(`${server.baseURL}/api/public/policies/${policyId}`) // for the screenshot
  })

  step(
    'the compliance dashboard counts the package (evaluator)',
    async () => {
      assert.ok(releasedBefore, 'no count read before the release')
      await switchUser('evaluator@demo.gov.cn')
      const shown = await releasedOnDashboard(page)
      const api = await releasedFromApi(page.request) // the browser's session
      assert.deepEqual(shown, api, 'the dashboard shows what GET /api/compliance answers')
      assert.deepEqual(
        api,
        { overall: releasedBefore.overall + 1, department: releasedBefore.department + 1 },
        'released counts went up by one',
      )
    },
    { skip: () => !dashboardInSource() && DASHBOARD_SKIP },
  )

  // The public site in the same server (one build, one seeded database): see ./site.ts.
  registerSiteTests(() => ({ browser, server }))
})
