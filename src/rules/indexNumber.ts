/**
 * 索引号: `<issuing department's unified social credit code>/<year>-<5-digit serial>`, e.g.
 * `11520000009390162H/2020-00001`. The serial counts per department and year.
 */
export const formatIndexNumber = (creditCode: string, year: number, serial: number): string =>
  `${creditCode}/${year}-${String(serial).padStart(5, '0')}`

/** GB 32100-2015 unified social credit code: 18 characters from a 31-symbol alphabet with a check digit. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + ALPHABET.indexOf(code[i]) * weight, 0)
  const check = (31 - (sum % 31)) % 31
  return ALPHABET[check] === code[17]
}

/** Completes a 17-character code body with its check character (used by the demo seed). */
export function withCheckCharacter(body17: string): string {
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + ALPHABET.indexOf(body17[i]) * weight, 0)
  return body17 + ALPHABET[(31 - (sum % 31)) % 31]
}
