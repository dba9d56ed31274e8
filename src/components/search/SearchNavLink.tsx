'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'

/** A navigation entry for the 站内搜索 admin page (custom views get none by themselves). */
export function SearchNavLink() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const href = `${config.routes.admin}/search`
  return (
    <Link className="nav__link" href={href} style={{ display: 'block', padding: '4px 0' }}>
      {i18n.language === 'en' ? 'Site search' : '站内搜索'}
    </Link>
  )
}
