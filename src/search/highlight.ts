/**
 * Highlighting: matches are found in the normalised text (what the index searched) and cut from the original text
 * at the same offsets (normalisation keeps lengths, see normalize.ts). Output is HTML-escaped text whose only
 * markup is <em>…</em> around matches, safe to insert as HTML.
 */

type Range = [start: number, end: number]

const MAX_OCCURRENCES = 200

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!)

/** Single characters are highlighted only when the query itself was one character (else 省, 市 light up everywhere). */
function usefulWords(words: string[]): string[] {
  const long = words.filter((w) => [...w].length >= 2)
  return long.length ? long : words.filter(Boolean)
}

function occurrences(norm: string, words: string[]): Range[] {
  const ranges: Range[] = []
  for (const word of usefulWords(words)) {
    for (let at = norm.indexOf(word); at !== -1 && ranges.length < MAX_OCCURRENCES; at = norm.indexOf(word, at + word.length)) {
      ranges.push([at, at + word.length])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}

function mark(text: string, ranges: Range[], from: number, to: number): string {
  let out = ''
  let at = from
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue
    const s = Math.max(start, from)
    const e = Math.min(end, to)
    out += `${escapeHtml(text.slice(at, s))}<em>${escapeHtml(text.slice(s, e))}</em>`
    at = e
  }
  return out + escapeHtml(text.slice(at, to))
}

/** The whole text with matches marked (titles, numbers). */
export function highlightAll(text: string, norm: string, words: string[]): string {
  return mark(text, occurrences(norm, words), 0, text.length)
}

const SENTENCE_END = /[。；！？!?;\n]/

/**
 * A window of about `width` characters around the densest cluster of matches, starting at a sentence boundary
 * when one is near; the start of the text when nothing matches. Undefined for an empty text.
 */
export function snippet(text: string, norm: string, words: string[], width = 120): string | undefined {
  if (!text) return undefined
  const ranges = occurrences(norm, words)
  if (!ranges.length) {
    return escapeHtml(text.slice(0, width).replace(/\s+/g, ' ')) + (text.length > width ? '…' : '')
  }
  // The window start (at a match) covering the most distinct matched strings.
  let bestStart = ranges[0][0]
  let bestScore = -1
  for (let i = 0; i < ranges.length; i += 1) {
    const seen = new Set<string>()
    for (let j = i; j < ranges.length && ranges[j][1] <= ranges[i][0] + width; j += 1) seen.add(norm.slice(...ranges[j]))
    if (seen.size > bestScore) {
      bestScore = seen.size
      bestStart = ranges[i][0]
    }
  }
  let start = Math.max(0, bestStart - 20)
  for (let i = bestStart - 1; i >= Math.max(0, bestStart - 40); i -= 1) {
    if (SENTENCE_END.test(text[i])) {
      start = i + 1
      break
    }
  }
  const end = Math.min(text.length, start + width)
  const body = mark(text, ranges, start, end).replace(/\s+/g, ' ')
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`
}
