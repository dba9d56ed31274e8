import type { CollectionConfig, Endpoint, Field } from 'payload'

import { createInOwnDepartment, ownDepartment } from '../access/ownDepartment'
import { GROUPS } from '../groups'
import { type Bilingual, L } from '../i18n'
import type { MemberSlug } from '../lifecycle/members'
import { memberEndpoints, memberFields, memberHooks, memberPolicyField, memberReadAccess } from '../lifecycle/packageMember'
import type { Role } from '../roles'
import { originalsDir } from './config'
import { derivativesField, thumbnailUrl } from './fields'
import { derivedFileEndpoint } from './serve'
import { removeDerivatives, type UploadKind, uploadHooks } from './uploadHooks'

/** Editors (图解/视频/访谈编辑) and drafters of the policy's department make media. */
export const MEDIA_ROLES: Role[] = ['editor', 'drafter']

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Concatenates hook lists in the order given (the member hooks come first: department, scope, lock). */
export function mergeHooks(...parts: Hooks[]): Hooks {
  const merged: Record<string, unknown[]> = {}
  for (const part of parts) {
    for (const [key, list] of Object.entries(part)) merged[key] = [...(merged[key] ?? []), ...((list as unknown[]) ?? [])]
  }
  return merged as Hooks
}

export type MediaCollectionArgs = {
  slug: MemberSlug
  labels: { plural: Bilingual; singular: Bilingual }
  description: Bilingual
  policyLabel: Bilingual
  defaultColumns: string[]
  /** The collection's own fields, between the policy link and the derivatives. */
  fields: Field[]
  upload?: { filesRequiredOnCreate: boolean; kind: UploadKind; mimeTypes: string[] }
  hooks?: Hooks
  endpoints?: Endpoint[]
}

/**
 * A media collection that is a member of a policy's package (三同步) exactly like interpretations: the policy
 * link, the derived department, the lock after submission, visibility derived from the policy, the audit trail
 * and the supplement workflow — plus, for uploads, the media pipeline and the derivatives served with the
 * record's own read access.
 */
export function mediaMemberCollection(args: MediaCollectionArgs): CollectionConfig {
  const { slug } = args
  return {
    slug,
    labels: args.labels,
    admin: {
      group: GROUPS.media,
      useAsTitle: 'title',
      defaultColumns: args.defaultColumns,
      description: args.description,
    },
    access: {
      read: memberReadAccess,
      create: createInOwnDepartment(MEDIA_ROLES),
      update: ownDepartment(MEDIA_ROLES),
      delete: ownDepartment(MEDIA_ROLES),
    },
    ...(args.upload
      ? {
          upload: {
            // Absolute, under MEDIA_DIR: a relative staticDir would follow the working directory.
            staticDir: originalsDir(slug),
            mimeTypes: args.upload.mimeTypes,
            filesRequiredOnCreate: args.upload.filesRequiredOnCreate,
            focalPoint: false,
            crop: false,
            adminThumbnail: thumbnailUrl,
            modifyResponseHeaders: ({ headers }) => {
              headers.set('X-Content-Type-Options', 'nosniff')
              return headers
            },
          },
        }
      : {}),
    endpoints: [...memberEndpoints(slug), derivedFileEndpoint(slug), ...(args.endpoints ?? [])],
    hooks: mergeHooks(memberHooks(slug), args.upload ? uploadHooks(slug, args.upload.kind, MEDIA_ROLES) : { afterDelete: [removeDerivatives(slug)] }, args.hooks ?? {}),
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 200, label: L('标题', 'Title') },
      memberPolicyField(args.policyLabel, L('三同步：随该政策文件同步起草、审签、发布', 'Three synchronizations: drafted, signed and released with this policy')),
      ...args.fields,
      derivativesField(),
      ...memberFields(),
    ],
  }
}
