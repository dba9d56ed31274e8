'use client'

import { useConfig, useTranslation } from '@payloadcms/ui'
import Link from 'next/link'

import { TEXT } from './text'

/** A navigation entry for the compliance dashboard (custom views get none by themselves). */
export function ComplianceNavLink() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  return (
    <Link className="nav__link" href={`${config.routes.admin}/compliance`} style={{ display: 'block', padding: '4px 0' }}>
      {i18n.language === 'en' ? TEXT.nav.en : TEXT.nav.zh}
    </Link>
  )
}
