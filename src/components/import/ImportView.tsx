import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import { isAdminUser } from '../../roles'
import { ImportPanel } from './ImportPanel'

/** /admin/import: upload a legacy library file, read the dry-run report, run the import with progress (admins). */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
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
      <Gutter>{isAdminUser(req.user) ? <ImportPanel /> : <p>仅管理员可导入存量文件 / Only admins import legacy documents.</p>}</Gutter>
    </DefaultTemplate>
  )
}
