'use client'

import { useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'

/** A navigation entry for the 存量导入 admin page, shown to admins only. */
export function ImportNavLink() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const { user } = useAuth<{ roles?: string[] }>()
  if (!user?.roles?.includes('admin')) return null
  return (
    <Link className="nav__link" href={`${config.routes.admin}/import`} style={{ display: 'block', padding: '4px 0' }}>
      {i18n.language === 'en' ? 'Legacy import' : '存量导入'}
    </Link>
  )
}
