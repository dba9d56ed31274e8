/**
 * 发文字号 per GB/T 9704-2012 §7.2.4: 机关代字 + 〔full year〕 + serial + 号.
 * Year in hexagonal brackets 〔〕, four digits; serial without leading zeros and without 第.
 */
const PATTERN = /^([\u4e00-\u9fa5]{1,20})〔(\d{4})〕([1-9]\d{0,5})号$/

export type ParsedDocumentNumber = { organCode: string; serial: number; year: number }

export type DocumentNumberProblem = { en: string; zh: string }

export function parseDocumentNumber(value: string): ParsedDocumentNumber | null {
  const match = PATTERN.exec(value)
  if (!match) return null
  return { organCode: match[1], serial: Number(match[3]), year: Number(match[2]) }
}

/** Explains what is wrong, naming the common mistakes clerks make, or returns null when valid. */
export function documentNumberProblem(value: string, now = new Date()): DocumentNumberProblem | null {
  const trimmed = value.trim()
  if (/[[\]()（）【】]/.test(trimmed)) {
    return {
      en: 'the year must be in hexagonal brackets 〔〕, not [], (), 【】 or （）',
      zh: '年份应使用六角括号〔〕，不得使用 []、()、【】 或（）',
    }
  }
  if (/〕\s*第/.test(trimmed)) {
    return { en: 'the serial number takes no 第 (e.g. 〔2018〕7号)', zh: '发文顺序号前不加“第”字（如〔2018〕7号）' }
  }
  if (/〔\d{1,3}〕/.test(trimmed) || /〔\d{5,}〕/.test(trimmed)) {
    return { en: 'the year must be written in full with four digits (〔2018〕, not 〔18〕)', zh: '年份应标全称，四位数字（〔2018〕，不能写作〔18〕）' }
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
