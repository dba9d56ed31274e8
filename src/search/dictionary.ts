import type { Payload } from 'payload'

import { normalizeText } from './normalize'
import type { DictionaryEntry } from './segmenter'

export const SEARCH_TERMS = 'search-terms' as const

/**
 * Government terms jieba's general dictionary cuts apart (三同步 → 三/同步), shipped with the code so that a fresh
 * installation searches well; admins add their own in 搜索词典 (collection `search-terms`) and can switch any of
 * these off there with an entry of the same term marked disabled. Synonyms are searched as the same word.
 */
export const DEFAULT_TERMS: readonly DictionaryEntry[] = [
  { term: '三同步', synonyms: [] },
  { term: '双关联', synonyms: [] },
  { term: '放管服', synonyms: ['简政放权放管结合优化服务'] },
  { term: '一网通办', synonyms: [] },
  { term: '跨省通办', synonyms: [] },
  { term: '一件事一次办', synonyms: [] },
  { term: '最多跑一次', synonyms: [] },
  { term: '互联网+政务服务', synonyms: [] },
  { term: '双随机一公开', synonyms: [] },
  { term: '证照分离', synonyms: [] },
  { term: '好差评', synonyms: [] },
  { term: '政务公开', synonyms: [] },
  { term: '政策解读', synonyms: [] },
  { term: '决策预公开', synonyms: [] },
  { term: '重大行政决策', synonyms: [] },
  { term: '规范性文件', synonyms: [] },
  { term: '政务新媒体', synonyms: [] },
  { term: '明白卡', synonyms: [] },
  { term: '明白袋', synonyms: [] },
  { term: '公租房', synonyms: ['公共租赁住房'] },
  { term: '老旧小区', synonyms: [] },
  { term: '危房改造', synonyms: [] },
  { term: '医保', synonyms: ['医疗保障'] },
  { term: '社保', synonyms: ['社会保险'] },
  { term: '营商环境', synonyms: [] },
  { term: '乡村振兴', synonyms: [] },
  { term: '脱贫攻坚', synonyms: [] },
  { term: '易地扶贫搬迁', synonyms: [] },
  { term: '扶贫生态移民', synonyms: [] },
  { term: '健康扶贫', synonyms: [] },
  { term: '涉农资金', synonyms: [] },
  { term: '惠民政策', synonyms: [] },
  { term: '河长制', synonyms: [] },
  { term: '林长制', synonyms: [] },
]

export type StoredTerm = { enabled?: boolean | null; synonyms?: null | string[]; term: string }

const key = (term: string) => normalizeText(term).replace(/\s+/g, '')

/** The built-in terms overlaid with the admins' entries: an entry replaces the built-in of the same term, a disabled one removes it. */
export function mergeDictionary(stored: StoredTerm[]): DictionaryEntry[] {
  const merged = new Map<string, DictionaryEntry>(DEFAULT_TERMS.map((e) => [key(e.term), { term: e.term, synonyms: [...e.synonyms] }]))
  for (const entry of stored) {
    const k = key(entry.term ?? '')
    if (!k) continue
    if (entry.enabled === false) merged.delete(k)
    else merged.set(k, { term: entry.term, synonyms: (entry.synonyms ?? []).filter(Boolean) })
  }
  return [...merged.values()]
}

export async function loadDictionary(payload: Payload): Promise<DictionaryEntry[]> {
  const { docs } = await payload.find({ collection: SEARCH_TERMS, depth: 0, pagination: false, overrideAccess: true })
  return mergeDictionary(docs as StoredTerm[])
}
