import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import { isAdminUser } from '../../roles'
import { SearchPanel } from './SearchPanel'

/**
 * /admin/search: try the public site search as citizens see it, and (admins) the index status, the most frequent
 * zero-result queries and a rebuild button.
 */
export function SearchView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect(`${req.payload.config.routes.admin}/login`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <SearchPanel admin={isAdminUser(req.user)} />
      </Gutter>
    </DefaultTemplate>
  )
}
