/**
 * Ids are numbers on SQLite and ObjectId strings on MongoDB. Relationship values arrive either as an id or as
 * a populated document. These helpers never parse ids: they compare their string forms.
 */
export type Id = number | string

export type RelationValue = { id: Id } | Id | null | undefined

export const idOf = (value: RelationValue): Id | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return value.id
  return value
}

export const sameId = (a: RelationValue, b: RelationValue): boolean => {
  const x = idOf(a)
  const y = idOf(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}
