import type { AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'

import { ComplianceDashboard } from './ComplianceDashboard'
import { type DashboardData, loadDashboard } from './loadDashboard'
import { TEXT } from './text'

/**
 * /admin/compliance: the compliance figures (trend by month, department ranking, forms mix), the packages a rule
 * blocks or the release clock has overtaken, and the sleeping catalog columns, filtered by year and department.
 * Everything is computed here on the server in the user's scope; the charts draw it in the browser.
 */
export async function ComplianceView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect(`${req.payload.config.routes.admin}/login`)
  const lang = req.i18n.language === 'en' ? 'en' : 'zh'
  let data: DashboardData | null = null
  let refusal: null | string = null
  try {
    data = await loadDashboard(req, (searchParams ?? {}) as Record<string, string | string[] | undefined>)
  } catch (error) {
    // A user without a department (and not an admin or evaluator) has no scope: say so instead of failing.
    refusal = error instanceof Error ? error.message : String(error)
  }
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
        {data ? (
          <ComplianceDashboard adminRoute={req.payload.config.routes.admin} data={data} lang={lang} />
        ) : (
          <div data-testid="compliance-refused">
            <h1>{TEXT.title[lang]}</h1>
            <p>{refusal}</p>
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
