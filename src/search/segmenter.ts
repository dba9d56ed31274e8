import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'
import { createHash } from 'node:crypto'

import { normalizeText } from './normalize'

/** A user dictionary entry (collection `search-terms`): a government term and the words that mean the same. */
export type DictionaryEntry = { synonyms: string[]; term: string }

/**
 * Function words that carry no meaning on their own. Kept short on purpose: BM25's idf already discounts
 * frequent words, and dropping real words (关于, 通知) would make title queries less precise.
 */
const STOPWORDS = new Set(
  '的 了 和 与 及 或 是 在 对 为 等 之 于 以 把 被 其 也 就 都 而 并 将 从 向 由 按 即 至 着 个 这 那 该 各 所'.split(' '),
)

const MAX_TOKEN = 32

/** Frequency given to user words: high enough that jieba keeps them whole wherever they occur. */
const USER_WORD_FREQUENCY = 200_000

const meaningful = /[\p{L}\p{N}]/u

const keep = (token: string) => token.length <= MAX_TOKEN && !STOPWORDS.has(token) && meaningful.test(token)

function clean(tokens: string[]): string[] {
  const out: string[] = []
  for (const raw of tokens) {
    const token = raw.trim()
    if (token && keep(token)) out.push(token)
  }
  return out
}

/** Pushes a pending run of single characters; returns the new (empty) run. */
function flush(words: string[], run: string): string {
  if (run) words.push(run)
  return ''
}

/**
 * jieba (@node-rs/jieba) with the built-in dictionary plus the admins' government terms. Documents are cut in
 * search mode (whole words and their dictionary sub-words, so 贯彻落实 is found by 落实 too); queries are cut into
 * whole words. Both without jieba's HMM guesser: it glues unknown characters to their neighbours depending on
 * context (申酉甲 in one text, 申酉 in another), so that a word could be cut one way in the query and another in
 * the document. An instance never changes: a dictionary edit makes a new one (see `segmenterFor`).
 */
export class Segmenter {
  /** Identifies the dictionary: the same entries give the same version on every instance. */
  readonly version: string
  readonly entries: DictionaryEntry[]
  private readonly jieba: Jieba
  private readonly groups = new Map<string, string[]>()

  constructor(entries: DictionaryEntry[]) {
    this.entries = normalizeEntries(entries)
    this.version = dictionaryVersion(this.entries)
    this.jieba = Jieba.withDict(dict)
    const words = new Set<string>()
    for (const entry of this.entries) {
      const group = [entry.term, ...entry.synonyms]
      for (const word of group) {
        words.add(word)
        // A word in several groups (rare) expands to all of them.
        this.groups.set(word, [...new Set([...(this.groups.get(word) ?? []), ...group])])
      }
    }
    if (words.size) {
      const lines = [...words].map((word) => `${word} ${USER_WORD_FREQUENCY} n`).join('\n')
      this.jieba.loadDict(Buffer.from(`${lines}\n`))
    }
  }

  /** Tokens of a normalised document text, in order, with repeats (term frequencies count them). */
  indexTokens(text: string): string[] {
    return text ? clean(this.jieba.cutForSearch(text, false)) : []
  }

  /**
   * Whole words of a normalised query, without repeats. Neighbouring single characters (what jieba leaves of a name
   * or new word it does not know, e.g. 申/酉) are kept together as one word, matched as a substring (see query.ts).
   */
  queryTokens(text: string): string[] {
    const words: string[] = []
    let run = ''
    let runEnd = -1
    let offset = 0
    for (const raw of this.jieba.cut(text, false)) {
      const start = offset
      offset += raw.length
      const token = raw.trim()
      if (!token || !keep(token)) continue
      if ([...token].length === 1 && /\p{Script=Han}/u.test(token)) {
        run = runEnd === start ? run + token : flush(words, run) + token
        runEnd = offset
        continue
      }
      run = flush(words, run)
      words.push(token)
    }
    flush(words, run)
    return [...new Set(words)]
  }

  /** Smaller pieces of a word, to find it where the document was cut differently (e.g. inside a longer word). */
  pieces(word: string): string[] {
    const search = clean(this.jieba.cutForSearch(word, false)).filter((t) => t !== word)
    const covered = search.join('')
    if (search.length && [...word].every((ch) => covered.includes(ch))) return [...new Set(search)]
    return [...new Set(clean([...word]))]
  }

  /** The word and its synonyms from the user dictionary (公租房 ↔ 公共租赁住房). */
  alternatives(word: string): string[] {
    return this.groups.get(word) ?? [word]
  }
}

function normalizeEntries(entries: DictionaryEntry[]): DictionaryEntry[] {
  const word = (w: string) => normalizeText(w).replace(/\s+/g, '')
  return entries
    .map((e) => ({ term: word(e.term), synonyms: [...new Set(e.synonyms.map(word))].filter((s) => s && s !== word(e.term)).sort() }))
    .filter((e) => e.term)
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
}

export function dictionaryVersion(entries: DictionaryEntry[]): string {
  const canonical = entries.map((e) => `${e.term}=${e.synonyms.join(',')}`).join('\n')
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}

/**
 * Building jieba's dictionary takes ~0.4 s, so instances are shared per dictionary version within the process (the
 * app and, in tests, a second Payload instance on the same database).
 */
const cache = new Map<string, Segmenter>()
const CACHE_SIZE = 3

export function segmenterFor(entries: DictionaryEntry[]): Segmenter {
  const version = dictionaryVersion(normalizeEntries(entries))
  const hit = cache.get(version)
  if (hit) {
    cache.delete(version)
    cache.set(version, hit)
    return hit
  }
  const segmenter = new Segmenter(entries)
  cache.set(version, segmenter)
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  return segmenter
}
