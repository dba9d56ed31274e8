import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The API and admin are the product; no telemetry or image optimisation server is needed.
  images: { unoptimized: true },
  // chinese-days ships an ES build without "type": "module"; Turbopack refuses to bundle it, Node loads it fine.
  // @node-rs/jieba (site search) is a native addon that reads its dictionary from its own folder: load it from node_modules.
  serverExternalPackages: ['chinese-days', '@node-rs/jieba'],
  // The editors' preview (src/app/(site)/preview): one user's view of an unreleased package, kept by no cache and no
  // search engine (the same values as PREVIEW_HEADERS in src/site/preview.ts; the e2e test asserts the responses).
  async headers() {
    return [
      {
        source: '/preview/:path*',
        headers: [
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'X-Robots-Tag', value: 'noindex' },
        ],
      },
    ]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
