import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { content, parseId, siteOrigin } from '../../../../site/api'
import { PolicyView } from '../../../../site/PolicyView'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

const load = cache(async (raw: string) => {
  const id = parseId(raw)
  return id === null ? null : content().bundle(id)
})

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params
  const bundle = await load(id)
  if (!bundle) return { title: '未找到', robots: { index: false } }
  return { title: bundle.title, description: bundle.body.text.slice(0, 120), alternates: { canonical: `/policies/${bundle.id}` } }
}

export default async function PolicyPage({ params }: Params) {
  const { id } = await params
  const bundle = await load(id)
  if (!bundle) notFound()
  return <PolicyView bundle={bundle} shareUrl={`${siteOrigin()}/policies/${bundle.id}`} />
}
