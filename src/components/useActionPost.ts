'use client'

import { toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

/**
 * POSTs an admin action to the API in the user's language and reports the outcome as a toast: the server's own
 * refusal message (rule, document, fix) on failure. `reload` runs afterwards either way.
 */
export function useActionPost(lang: 'en' | 'zh', doneText: string, reload: () => Promise<void> | void) {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const post = async (url: string, body: object, after?: () => void): Promise<boolean> => {
    setBusy(true)
    try {
      const res = await fetch(url, {
        method: 'POST',
        credentials: 'include',
        headers: { 'accept-language': lang, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = (await res.json()) as { errors?: { message: string }[] }
      if (!res.ok) {
        toast.error(json.errors?.[0]?.message ?? String(res.status))
        return false
      }
      toast.success(doneText)
      after?.()
      router.refresh()
      return true
    } finally {
      setBusy(false)
      void reload()
    }
  }
  return { busy, post }
}
