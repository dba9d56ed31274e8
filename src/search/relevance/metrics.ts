/**
 * Relevance metrics for the search harness (scripts/bench-search.ts --relevance). A judged query lists documents by
 * `collection:title` with a grade: 2 = should come first, 1 = relevant. Unlisted documents count as 0.
 */
export type Judgement = { note?: string; q: string; relevant: Record<string, number> }

/** nDCG@k with gains 2^grade − 1. */
export function ndcgAt(k: number, ranked: string[], relevant: Record<string, number>): number {
  const gain = (grade: number) => 2 ** grade - 1
  const dcg = ranked.slice(0, k).reduce((sum, key, i) => sum + gain(relevant[key] ?? 0) / Math.log2(i + 2), 0)
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0)
  return ideal > 0 ? dcg / ideal : 0
}

/** Reciprocal rank of the first document judged to come first (the highest grade of the query). */
export function reciprocalRank(ranked: string[], relevant: Record<string, number>): number {
  const top = Math.max(0, ...Object.values(relevant))
  if (!top) return 0
  const at = ranked.findIndex((key) => (relevant[key] ?? 0) >= top)
  return at === -1 ? 0 : 1 / (at + 1)
}

export const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0)

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}
