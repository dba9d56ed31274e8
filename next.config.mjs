import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The API and admin are the product; no telemetry or image optimisation server is needed.
  images: { unoptimized: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
