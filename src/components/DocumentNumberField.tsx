'use client'

import type { TextFieldClientComponent } from 'payload'

import { Button, TextField, useConfig, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Check = { canonical: null | string; problem: { en: string; zh: string } | null; scheme: 'decree' | 'document'; valid: boolean }

const text = {
  suggestion: { en: 'Canonical form', zh: '规范写法' },
  apply: { en: 'Use it', zh: '一键采用' },
}

/**
 * 发文字号 / 令号 with the check endpoint behind it: while typing, the problem (for the document type chosen) and,
 * when the number is almost right, its canonical form, applied with one click. Never rewritten silently.
 */
export const DocumentNumberField: TextFieldClientComponent = (props) => {
  const path = props.path ?? props.field.name
  const { value, setValue } = useField<string>({ path })
  const documentType = useFormFields(([fields]) => fields.documentType?.value) as string | undefined
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const [check, setCheck] = useState<Check | null>(null)

  useEffect(() => {
    if (!value) {
      setCheck(null)
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ value, ...(documentType ? { documentType } : {}) })
      fetch(`${config.serverURL}${config.routes.api}/document-numbers/check?${query}`, {
        credentials: 'include',
        signal: controller.signal,
      })
        .then((res) => (res.ok ? (res.json() as Promise<Check>) : null))
        .then((body) => setCheck(body))
        .catch(() => undefined)
    }, 250)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [value, documentType, config.serverURL, config.routes.api])

  return (
    <div>
      <TextField {...props} />
      {check && !check.valid ? (
        <div style={{ color: 'var(--theme-error-600)', marginTop: -12, marginBottom: 16, fontSize: 13 }}>
          {check.problem?.[lang]}
          {check.canonical ? (
            <span style={{ marginLeft: 8 }}>
              {text.suggestion[lang]}：<strong>{check.canonical}</strong>{' '}
              <Button buttonStyle="secondary" size="small" onClick={() => setValue(check.canonical)}>
                {text.apply[lang]}
              </Button>
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
