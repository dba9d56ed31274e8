/**
 * Page helpers for Payload's admin panel (Chinese UI), using labels, roles, text and Payload's field ids
 * (`#field-<name>`, `#action-save`) rather than layout.
 */
import type { Locator, Page } from 'playwright-core'

export const DEMO_PASSWORD = 'demo1234'

/** Polls until `read()` satisfies `ok`, or fails naming what it last saw. Playwright-core has no `expect`. */
export async function waitUntil<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  let lastError: unknown
  for (;;) {
    try {
      last = await read()
      if (ok(last)) return last
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const seen = lastError && last === undefined ? `error: ${String(lastError)}` : JSON.stringify(last)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

export async function login(page: Page, baseURL: string, email: string): Promise<void> {
  await page.goto(`${baseURL}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/login'), { timeout: 30_000 })
  // The account menu only renders for a signed-in user: proof that the session cookie took.
  await page.locator('nav, .nav').first().waitFor({ timeout: 30_000 })
}

export async function logout(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/admin/logout`)
  await page.waitForURL((url) => url.pathname.startsWith('/admin/login'), { timeout: 30_000 })
  await page.locator('#field-email').waitFor()
  // The API agrees: no user behind the cookie any more.
  const me = await page.request.get(`${baseURL}/api/users/me`)
  const body = (await me.json()) as { user?: unknown }
  if (body.user) throw new Error('Still signed in after /admin/logout')
}

/** Picks an option of a react-select field (select or relationship) by its visible label. */
export async function chooseOption(page: Page, field: string, label: string): Promise<void> {
  const container = page.locator(`#field-${field}`)
  await container.locator('.rs__control').click()
  await container.getByRole('combobox').fill(label)
  await container.locator('.rs__option', { hasText: label }).first().click()
  await waitUntil(
    `${field} to show “${label}”`,
    () => container.locator('.rs__value-container').innerText(),
    (text) => text.includes(label),
  )
}

/** Types into a Lexical rich-text field: click the editable area and type, as a person would. */
export async function typeRichText(page: Page, field: string, paragraphs: string[]): Promise<void> {
  const editor = page.locator(`.rich-text-lexical[data-field-path="${field}"] [contenteditable="true"]`)
  await editor.click()
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter')
    await page.keyboard.insertText(paragraph)
  }
  await waitUntil(
    `the ${field} editor to hold the text`,
    () => editor.innerText(),
    (text) => text.includes(paragraphs[0]),
  )
}

/** Saves the document and waits until the admin is on its edit view; returns the document's id. */
export async function saveNew(page: Page, collection: string): Promise<string> {
  await page.locator('#action-save').click()
  await page.waitForURL(
    (url) => new RegExp(`/admin/collections/${collection}/[^/]+$`).test(url.pathname) && !url.pathname.endsWith('/create'),
    {
      timeout: 30_000,
    },
  )
  return new URL(page.url()).pathname.split('/').pop() as string
}

/** The 审签发布 panel in the policy's sidebar (src/components/PackageWorkflow.tsx): the heading's own block. */
export function workflowPanel(page: Page): Locator {
  return page.getByRole('heading', { name: '审签发布', exact: true }).locator('xpath=..')
}

export async function panelStage(panel: Locator): Promise<string> {
  const text = await panel.innerText()
  return /当前状态：\s*(\S+)/.exec(text)?.[1] ?? `(no stage in: ${text.slice(0, 200)})`
}

export async function waitForStage(panel: Locator, stage: string): Promise<void> {
  await waitUntil(
    `the 审签发布 panel to show stage “${stage}”`,
    () => panelStage(panel),
    (seen) => seen === stage,
    30_000,
  )
}

/** Clicks a step's button in the panel once it is enabled, then waits for the server's toast and the new stage. */
export async function runStep(page: Page, button: string, nextStage: string): Promise<void> {
  const panel = workflowPanel(page)
  const target = panel.getByRole('button', { name: button, exact: true })
  await waitUntil(`the “${button}” button to be enabled`, () => target.isEnabled(), Boolean)
  await target.click()
  await waitForStage(panel, nextStage)
  // The form's own 流程状态 field follows the step too (the panel reloads the form after a step).
  await waitUntil(
    `the 流程状态 field to show “${nextStage}”`,
    () => page.locator('#field-stage').innerText(),
    (seen) => seen.includes(nextStage),
    30_000,
  )
}

/** What the page says: toasts, field errors, alerts (also a success toast); for failure reports. */
export async function visibleErrors(page: Page): Promise<string> {
  const selectors = ['[data-sonner-toast]', '.toast', '.field-error', '.tooltip-content', '[role="alert"]', '.error-message', '.not-found']
  const lines: string[] = []
  for (const selector of selectors) {
    for (const element of await page.locator(selector).all()) {
      const text = (await element.innerText().catch(() => '')).trim()
      if (text && !lines.includes(text)) lines.push(text)
    }
  }
  return lines.join('\n')
}
