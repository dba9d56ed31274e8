import * as OpenCC from 'opencc-js/t2cn'

/**
 * Text normalisation shared by indexing and querying, so that a citizen typing traditional characters,
 * full-width letters/digits or upper case finds the same documents as one typing simplified half-width text.
 *
 * Invariant: `normalizeText(s).length === s.length`. Highlights are found in the normalised text and cut from the
 * original text at the same offsets, so the index keeps one copy of each text only.
 */

let toSimplified: ((text: string) => string) | undefined
/** 1 where a BMP code unit is a traditional character that OpenCC would change. */
let traditionalUnits: Uint8Array | undefined

function converter(): (text: string) => string {
  // Taiwan variants (臺, 裡, 資訊…) are a superset of standard traditional forms for our purpose.
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' })
  return toSimplified
}

/** Which code units OpenCC changes, computed once by converting every CJK unified ideograph of the BMP. */
function traditionalTable(): Uint8Array {
  if (traditionalUnits) return traditionalUnits
  const table = new Uint8Array(0x10000)
  const convert = converter()
  const from = 0x3400
  const to = 0x9fff
  let all = ''
  for (let code = from; code <= to; code += 1) all += String.fromCharCode(code)
  // Character by character would take a second; converting the range as one string is milliseconds, and a phrase
  // rule firing across two neighbours only flags a character that then goes through the converter for nothing.
  const converted = convert(all)
  if (converted.length === all.length) {
    for (let i = 0; i < all.length; i += 1) if (converted[i] !== all[i]) table[all.charCodeAt(i)] = 1
  } else {
    for (let i = 0; i < all.length; i += 1) if (convert(all[i]) !== all[i]) table[all.charCodeAt(i)] = 1
  }
  traditionalUnits = table
  return table
}

/** Traditional → simplified without changing the length (a phrase rule that would is applied per character). */
function simplify(text: string): string {
  const convert = converter()
  const whole = convert(text)
  if (whole.length === text.length) return whole
  let out = ''
  for (const ch of text) {
    const one = convert(ch)
    out += one.length === ch.length ? one : ch
  }
  return out.length === text.length ? out : text
}

/**
 * Full-width ASCII (ＡＢＣ１２３) → half-width, the ideographic space → space, A–Z → a–z, traditional → simplified.
 * Chinese punctuation is left alone (document numbers need 〔〕; the tokenizer drops punctuation anyway).
 */
export function normalizeText(text: string): string {
  const table = traditionalTable()
  let changed = false
  let traditional = false
  let out = ''
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i)
    if (code >= 0xff01 && code <= 0xff5e && isAlnumFullWidth(code)) code -= 0xfee0
    else if (code === 0x3000) code = 0x20
    if (code >= 0x41 && code <= 0x5a) code += 0x20
    if (table[code]) traditional = true
    const ch = String.fromCharCode(code)
    if (ch !== text[i]) changed = true
    out += ch
  }
  const folded = changed ? out : text
  return traditional ? simplify(folded) : folded
}

/** Only letters, digits and a few symbols that appear inside identifiers are folded (not （）、，。 etc.). */
function isAlnumFullWidth(code: number): boolean {
  return (
    (code >= 0xff10 && code <= 0xff19) || // ０-９
    (code >= 0xff21 && code <= 0xff3a) || // Ａ-Ｚ
    (code >= 0xff41 && code <= 0xff5a) || // ａ-ｚ
    code === 0xff0f || // ／ (index numbers)
    code === 0xff0d || // － (index numbers)
    code === 0xff0e || // ．
    code === 0xff05 // ％
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Document numbers (发文字号) and index numbers (索引号)
// ---------------------------------------------------------------------------------------------------------------

/**
 * The part of a 发文字号 after the agency code, as typed: any bracket pair (or none) around the year, optional 第
 * and spaces, e.g. [2020]1号. Matched first (it is rare and cheap to find), the code is then read backwards.
 */
const NUMBER_TAIL = /[〔[(（【［{｛]?[ \t]*((?:19|20)\d{2})[ \t]*[〕\])）】］}｝]?[ \t]*第?[ \t]*0*(\d{1,5})[ \t]*号/g

/** Longest agency code (机关代字) considered, e.g. 黔府办函 is 4. */
const MAX_CODE = 6

const isHan = (code: number) => code >= 0x4e00 && code <= 0x9fff

/** 索引号: 18-character credit code / year - 5-digit serial (after normalisation: lower case). */
const INDEX_NUMBER = /[0-9a-z]{18}\s*\/\s*\d{4}\s*-\s*\d{5}/g

export type NumberMatch = {
  /** The whole run of Chinese characters before the year (up to 16), which ends with the agency code. */
  code: string
  end: number
  start: number
  variants: string[]
}

/** The canonical form of a 发文字号 (normalised text in, `代字〔年〕号` out). */
export const canonicalDocumentNumber = (code: string, year: string, serial: string): string => `${code}〔${year}〕${Number(serial)}号`

/**
 * Document numbers in (normalised) text. Nothing marks where an agency code (机关代字, 2–6 characters) begins, so
 * "按照黔府发〔2020〕1号" yields the candidates 照黔府发…, 黔府发…, 府发… (`variants`, longest first): the index stores
 * them all for references in body text, a query keeps the one an exact lookup knows.
 */
export function findDocumentNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = []
  for (const m of text.matchAll(NUMBER_TAIL)) {
    const [whole, year, serial] = m
    let codeEnd = m.index
    while (codeEnd > 0 && (text[codeEnd - 1] === ' ' || text[codeEnd - 1] === '\t')) codeEnd -= 1
    let start = codeEnd
    while (start > 0 && codeEnd - start < 16 && isHan(text.charCodeAt(start - 1))) start -= 1
    const code = text.slice(start, codeEnd)
    if (!code) continue
    const variants: string[] = []
    for (let i = Math.max(0, code.length - MAX_CODE); i <= code.length - 2; i += 1) {
      variants.push(canonicalDocumentNumber(code.slice(i), year, serial))
    }
    if (code.length < 2) variants.push(canonicalDocumentNumber(code, year, serial))
    out.push({ code, start, end: m.index + whole.length, variants })
  }
  return out
}

export function findIndexNumbers(text: string): NumberMatch[] {
  return [...text.matchAll(INDEX_NUMBER)].map((m) => ({
    code: '',
    start: m.index,
    end: m.index + m[0].length,
    variants: [m[0].replace(/\s+/g, '')],
  }))
}

/** Canonical key of a stored document number (already validated as 代字〔YYYY〕N号), or undefined. */
export function documentNumberKey(value: null | string | undefined): string | undefined {
  if (!value) return undefined
  const text = normalizeText(value).trim()
  const [match] = findDocumentNumbers(text)
  if (!match || match.start !== 0 || match.end !== text.length) return text.replace(/\s+/g, '')
  const [, year, serial] = /〔(\d{4})〕(\d+)号$/.exec(match.variants[0])!
  return canonicalDocumentNumber(match.code, year, serial)
}

export function indexNumberKey(value: null | string | undefined): string | undefined {
  if (!value) return undefined
  return normalizeText(value).replace(/\s+/g, '')
}
