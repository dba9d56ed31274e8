import type { PayloadRequest } from 'payload'

import { type Id, idOf } from '../ids'

/** The department the signed-in user acts for, or undefined (anonymous, or a user without one). */
export const userDepartment = (req: PayloadRequest): Id | undefined =>
  idOf((req.user as { department?: { id: Id } | Id | null } | null)?.department)
