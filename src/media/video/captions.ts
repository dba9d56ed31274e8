import webvtt from 'webvtt-parser'

import type { Bilingual } from '../../i18n'
import { vttMessageZh } from './vttMessages'

export type CaptionProblem = { col?: number; line: number; message: string }

/** BCP 47 language tags as used by <track srclang>: zh, zh-CN, zh-Hans, en, bo (Tibetan), ii (Yi)… */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

/**
 * Validates WebVTT with the W3C reference parser (webvtt-parser): every problem with its line (and column),
 * plus the two the parser tolerates but a player would show as nothing: no cue at all, or an empty one.
 */
export function vttProblems(text: string): CaptionProblem[] {
  const { cues, errors } = new webvtt.WebVTTParser().parse(text.replace(/^\uFEFF/, ''), 'subtitles')
  const problems: CaptionProblem[] = errors.map((e) => ({ line: e.line, col: e.col, message: e.message }))
  if (!problems.length && cues.length === 0) problems.push({ line: 1, message: 'No cue found: the file has a header but no captions.' })
  return problems.sort((a, b) => a.line - b.line || (a.col ?? 0) - (b.col ?? 0))
}

/** “line 6, column 8: Must be exactly two digits.”, the first few of them. */
export function describeVttProblems(problems: CaptionProblem[], max = 5): Bilingual {
  const shown = problems.slice(0, max)
  const more = problems.length - shown.length
  const en = shown.map((p) => `line ${p.line}${p.col ? `, column ${p.col}` : ''}: ${p.message}`).join('; ')
  const zh = shown.map((p) => `第 ${p.line} 行${p.col ? `第 ${p.col} 列` : ''}：${vttMessageZh(p.message)}`).join('；')
  return { en: more ? `${en}; and ${more} more` : en, zh: more ? `${zh}；另有 ${more} 处` : zh }
}
