import type { CollectionBeforeChangeHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { idOf } from '../../../src/ids'
import { isDocumentId } from '../../../src/input/ids'
import { dateProblem } from '../../../src/rules/dates'
import { formatIndexNumber } from '../../../src/rules/indexNumber'
import { LEGACY_IMPORT_FLAG } from './checkNumbers'

/**
 * 索引号 is assigned once, on creation: the drafting department's credit code, the year written, and the next
 * serial for that department and year. The unique index on indexNumber catches a concurrent duplicate.
 */
export const assignIndexNumber: CollectionBeforeChangeHook<Policy> = async ({ context, data, operation, req }) => {
  if (operation !== 'create') return data
  // An imported document keeps the 索引号 it was published with (the importer also sets indexYear/indexSerial).
  if (context[LEGACY_IMPORT_FLAG] && data.indexNumber) return data
  const departmentId = idOf(data.department)
  if (departmentId === undefined) return data
  const year = data.writtenAt ? new Date(data.writtenAt).getFullYear() : new Date().getFullYear()
  // A missing department or an impossible date is refused by field validation, which runs after this hook.
  if (!isDocumentId(req.payload, departmentId) || !Number.isInteger(year) || dateProblem(data.writtenAt)) return data
  const department = await req.payload.findByID({ collection: 'departments', id: departmentId, depth: 0, req }).catch(() => null)
  if (!department) return data
  const { docs } = await req.payload.find({
    collection: 'policies',
    where: { and: [{ department: { equals: departmentId } }, { indexYear: { equals: year } }] },
    sort: '-indexSerial',
    limit: 1,
    depth: 0,
    req,
  })
  const serial = (docs[0]?.indexSerial ?? 0) + 1
  return {
    ...data,
    indexNumber: formatIndexNumber(department.creditCode, year, serial),
    indexSerial: serial,
    indexYear: year,
  }
}
