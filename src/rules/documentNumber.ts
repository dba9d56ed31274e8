import * as OpenCC from 'opencc-js/t2cn'

import type { Bilingual } from '../i18n'

/**
 * Every numbering scheme of a policy document, in one module.
 *
 * - `document`: 发文字号 per GB/T 9704-2012 §7.2.4: 机关代字 + 〔full year〕 + serial + 号; year in hexagonal
 *   brackets 〔〕, four digits; serial without leading zeros and without 第 (`黔府发〔2020〕1号`).
 * - `decree`: 令号 of decrees and government regulations (政府令 / 部门令): `<机关>令第N号`, serial across years, no
 *   year bracket, 第 required (`贵州省人民政府令第195号`, `国务院令第713号`).
 *
 * Other identifiers are separate fields, never mixed into the number: 规范性文件统一登记号 (registrationNumber,
 * pattern configurable, see registrationNumberProblem) and 索引号 (src/rules/indexNumber.ts).
 */
export type NumberScheme = 'decree' | 'document'

/** Which document type takes which scheme; every type not listed takes the ordinary 发文字号. */
export const NUMBER_SCHEMES: Readonly<Record<string, NumberScheme>> = {
  decree: 'decree',
  regulation: 'decree',
}

export const schemeFor = (documentType: null | string | undefined): NumberScheme =>
  (documentType && Object.hasOwn(NUMBER_SCHEMES, documentType) ? NUMBER_SCHEMES[documentType] : undefined) ?? 'document'

export const SCHEME_LABELS: Record<NumberScheme, Bilingual> = {
  document: { en: 'document number 机关代字〔YYYY〕N号 (GB/T 9704)', zh: '发文字号“机关代字〔年份〕序号号”（GB/T 9704）' },
  decree: { en: 'decree number <organ>令第N号', zh: '令号“机关令第N号”' },
}

const PATTERN = /^([\u4e00-\u9fa5]{1,20})〔(\d{4})〕([1-9]\d{0,5})号$/
const DECREE_PATTERN = /^([\u4e00-\u9fa5]{2,30}令)第([1-9]\d{0,5})号$/

export type ParsedDocumentNumber = { organCode: string; serial: number; year: number }
export type ParsedDecreeNumber = { organ: string; serial: number }

export type DocumentNumberProblem = Bilingual

export function parseDocumentNumber(value: string): ParsedDocumentNumber | null {
  const match = PATTERN.exec(value)
  if (!match) return null
  return { organCode: match[1], serial: Number(match[3]), year: Number(match[2]) }
}

export function parseDecreeNumber(value: string): ParsedDecreeNumber | null {
  const match = DECREE_PATTERN.exec(value)
  if (!match) return null
  return { organ: match[1], serial: Number(match[2]) }
}

/** Explains what is wrong with an ordinary 发文字号, naming the common mistakes clerks make, or returns null. */
export function documentNumberProblem(value: string, now = new Date()): DocumentNumberProblem | null {
  const trimmed = value.trim()
  if (DECREE_PATTERN.test(trimmed)) {
    return {
      en: 'this is a decree number (令号); only decrees and government regulations take one — use 机关代字〔YYYY〕N号 or change the document type',
      zh: '这是令号，仅政府令、政府规章使用；请改用“机关代字〔年份〕序号号”，或更正文种',
    }
  }
  if (/[[\]()（）【】﹝﹞„‟［］]/.test(trimmed)) {
    return {
      en: 'the year must be in hexagonal brackets 〔〕, not [], (), 【】 or （）',
      zh: '年份应使用六角括号〔〕，不得使用 []、()、【】 或（）',
    }
  }
  if (/〕\s*第/.test(trimmed)) {
    return { en: 'the serial number takes no 第 (e.g. 〔2018〕7号)', zh: '发文顺序号前不加“第”字（如〔2018〕7号）' }
  }
  if (/〔\d{1,3}〕/.test(trimmed) || /〔\d{5,}〕/.test(trimmed)) {
    return {
      en: 'the year must be written in full with four digits (〔2018〕, not 〔18〕)',
      zh: '年份应标全称，四位数字（〔2018〕，不能写作〔18〕）',
    }
  }
  if (/〕0\d*号$/.test(trimmed)) {
    return { en: 'the serial number has no leading zeros (1号, not 01号)', zh: '发文顺序号不编虚位（1号，不写作01号）' }
  }
  const parsed = parseDocumentNumber(trimmed)
  if (!parsed || trimmed !== value) {
    return {
      en: 'expected 机关代字〔YYYY〕N号, e.g. 黔府发〔2020〕1号',
      zh: '格式应为“机关代字〔年份〕序号号”，如 黔府发〔2020〕1号',
    }
  }
  if (parsed.year < 1949 || parsed.year > now.getFullYear() + 1) {
    return { en: `the year ${parsed.year} is not plausible`, zh: `年份 ${parsed.year} 不合理` }
  }
  return null
}

/** What is wrong with a 令号, or null. */
export function decreeNumberProblem(value: string): DocumentNumberProblem | null {
  const trimmed = value.trim()
  if (/令\s*[〔[(（【﹝„［]\s*\d{2,4}\s*[〕\])）】﹞‟］]/.test(trimmed) || (/〔\d{4}〕/.test(trimmed) && /令/.test(trimmed))) {
    return {
      en: 'a decree number has no year in brackets: the serial runs across years (e.g. 贵州省人民政府令第195号)',
      zh: '令号不标年份，序号跨年连续编排（如 贵州省人民政府令第195号）',
    }
  }
  if (PATTERN.test(trimmed)) {
    return {
      en: 'this is an ordinary document number; a decree or government regulation takes <organ>令第N号 (e.g. 国务院令第713号)',
      zh: '这是普通发文字号；政府令、政府规章应使用“机关令第N号”（如 国务院令第713号）',
    }
  }
  if (/令\d/.test(trimmed)) {
    return { en: 'a decree number needs 第 before the serial (令第195号)', zh: '令号序号前须加“第”字（令第195号）' }
  }
  if (/令第0/.test(trimmed)) {
    return { en: 'the serial number has no leading zeros (第5号, not 第05号)', zh: '序号不编虚位（第5号，不写作第05号）' }
  }
  if (!parseDecreeNumber(trimmed) || trimmed !== value) {
    return { en: 'expected <organ>令第N号, e.g. 贵州省人民政府令第195号', zh: '格式应为“机关令第N号”，如 贵州省人民政府令第195号' }
  }
  return null
}

let toSimplified: ((text: string) => string) | undefined

/**
 * The form a number was almost certainly meant to have: whitespace removed (also U+3000), full-width digits and
 * letters half-width (NFKC, which also turns small-form ﹝﹞ into 〔〕), any bracket pair around a four-digit year
 * (also „‟, what 〔〕 become when GBK pages are read as Windows-1252) as 〔〕, and traditional characters simplified.
 * Never applied silently: it is offered as a suggestion.
 */
export function canonicalNumberForm(value: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' })
  let text = value.normalize('NFKC').replace(/[\s\u3000\u200b\ufeff]+/g, '')
  text = text.replace(/[[(（【〖„［﹝]((?:19|20)\d{2})[\])）】〗‟］﹞]/g, '〔$1〕')
  return toSimplified(text)
}

export type NumberCheck = {
  valid: boolean
  scheme: NumberScheme
  /** The value itself when valid; the canonical form when that is valid; otherwise null. */
  canonical: null | string
  problem: Bilingual | null
}

const problemFor = (scheme: NumberScheme, value: string, now: Date) =>
  scheme === 'decree' ? decreeNumberProblem(value) : documentNumberProblem(value, now)

/** The check the policy hook, the check endpoint and the importer share. */
export function checkNumber(value: string, documentType: null | string | undefined, now = new Date()): NumberCheck {
  const scheme = schemeFor(documentType)
  const problem = problemFor(scheme, value, now)
  if (!problem) return { valid: true, scheme, canonical: value, problem: null }
  const candidate = canonicalNumberForm(value)
  const canonical = candidate !== value && !problemFor(scheme, candidate, now) ? candidate : null
  return { valid: false, scheme, canonical, problem }
}

/**
 * 规范性文件统一登记号 (e.g. 湖南 `HHCR-2023-01005`): its pattern differs by province, so it is configurable with
 * REGISTRATION_NUMBER_PATTERN (a regular expression matched against the whole value).
 */
export const DEFAULT_REGISTRATION_PATTERN = '^[A-Z]{2,8}-\\d{4}-\\d{3,6}$'

export function registrationNumberPattern(): RegExp {
  const source = process.env.REGISTRATION_NUMBER_PATTERN || DEFAULT_REGISTRATION_PATTERN
  return new RegExp(source.startsWith('^') ? source : `^(?:${source})$`)
}

export function registrationNumberProblem(value: string): Bilingual | null {
  const pattern = registrationNumberPattern()
  return pattern.test(value)
    ? null
    : {
        en: `“${value}” does not match the registration number pattern ${pattern.source}`,
        zh: `“${value}”不符合统一登记号格式 ${pattern.source}`,
      }
}
