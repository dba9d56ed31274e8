import path from 'node:path'

import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Plugin } from 'payload'

import { s3ClientConfig } from './fileStore'
import type { S3Settings } from './settings'

/** An upload collection's folder under the media root (its staticDir), as a forward-slash prefix; '' for the root. */
export function uploadPrefix(collection: CollectionConfig, mediaRoot: string): string {
  const staticDir = typeof collection.upload === 'object' ? collection.upload.staticDir : undefined
  if (!staticDir) return collection.slug
  const rel = path.relative(mediaRoot, path.resolve(staticDir)).split(path.sep).join('/')
  if (rel.startsWith('..'))
    throw new Error(`${collection.slug} stores its files in ${staticDir}, outside the media directory ${mediaRoot}.`)
  return rel
}

/**
 * Payload's S3 adapter for every upload collection when S3 is configured: originals and image sizes go to the
 * bucket under the same layout as media/ (`<S3_PREFIX><collection folder>/<filename>`), reads stay proxied
 * through Payload's file route with the collection's read access (no public URLs, no signed downloads).
 *
 * Local storage keeps the adapter's fields (`prefix`, `_objectKey`: alwaysInsertFields), so both backends have
 * one schema and one migration; composite prefixes keep the stored `prefix` relative (empty for server uploads),
 * so documents do not depend on S3_PREFIX and a backup restores into either backend.
 */
export function uploadStorage(collections: CollectionConfig[], settings: null | S3Settings, mediaRoot: string): Plugin {
  const uploads = collections.filter((c) => c.upload)
  return s3Storage({
    enabled: settings !== null,
    alwaysInsertFields: true,
    useCompositePrefixes: true,
    bucket: settings?.bucket ?? 'unused',
    config: settings ? s3ClientConfig(settings) : {},
    collections: Object.fromEntries(uploads.map((c) => [c.slug, { prefix: `${settings?.prefix ?? ''}${uploadPrefix(c, mediaRoot)}` }])),
  })
}
