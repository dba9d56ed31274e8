/**
 * Legacy bodies: HTML (as website pages hold it) → Lexical with Payload's own converter (convertHTMLToLexical),
 * after sanitising, or plain text → one paragraph per line.
 *
 * Sanitising happens on the DOM before conversion: script/style/iframe/object/embed/form and comments go, event
 * handler attributes and javascript:/data: links go, and tables (which the editor has no node for) become one
 * paragraph per row, cells separated by " | ", so that their text survives for readers and search.
 */
import type { Payload } from 'payload'
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'

import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'

import { lexicalFromText } from '../richText/plainText'

const DROP = 'script, style, iframe, object, embed, form, input, button, noscript, template, link, meta'

export const looksLikeHtml = (text: string) =>
  /<\/?(p|div|br|span|table|h[1-6]|ul|ol|li|strong|b|em|a|img|font|section)\b[^>]*>/i.test(text)

/** The sanitised HTML of a fragment (exported for tests). */
export function sanitiseHtml(html: string): string {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`)
  const { document } = dom.window
  document.querySelectorAll(DROP).forEach((el) => el.remove())
  const walker = document.createTreeWalker(document.body, 128 /* NodeFilter.SHOW_COMMENT */)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  comments.forEach((c) => c.parentNode?.removeChild(c))
  document.body.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase()
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc') el.removeAttribute(attr.name)
      else if ((name === 'href' || name === 'src') && /^\s*(javascript|data|vbscript):/i.test(attr.value)) el.removeAttribute(attr.name)
    }
  })
  // Images would need their files: their alt text stays, the element goes.
  document.querySelectorAll('img').forEach((img) => img.replaceWith(document.createTextNode(img.getAttribute('alt') ?? '')))
  document.querySelectorAll('table').forEach((table) => {
    const rows = [...table.querySelectorAll('tr')].map((tr) => {
      const p = document.createElement('p')
      p.textContent = [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()).join(' | ')
      return p
    })
    table.replaceWith(...rows)
  })
  const out = document.body.innerHTML
  // An unclosed window keeps its whole document alive: thousands of bodies exhaust the heap.
  dom.window.close()
  return out
}

/** Payload's converter builds its own window per call; this one is remembered so that it can be closed after. */
const opened: JSDOM[] = []
class ClosingJSDOM extends JSDOM {
  constructor(html: string) {
    super(html)
    opened.push(this)
  }
}

let editorConfig: Promise<SanitizedServerEditorConfig> | undefined

/** The Lexical document of a legacy body (HTML or plain text). */
export async function bodyToLexical(payload: Payload, body: string) {
  if (!looksLikeHtml(body)) return lexicalFromText(body)
  editorConfig ??= editorConfigFactory.default({ config: payload.config })
  const config = await editorConfig
  try {
    return convertHTMLToLexical({ editorConfig: config, html: sanitiseHtml(body), JSDOM: ClosingJSDOM })
  } finally {
    for (const dom of opened.splice(0)) dom.window.close()
  }
}
