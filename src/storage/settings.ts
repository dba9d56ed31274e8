/**
 * Where files live, from the environment: local `MEDIA_DIR` (default), or S3-compatible object storage when
 * S3_BUCKET is set (with S3_ENDPOINT for anything but AWS, S3_REGION, and credentials).
 */

export type S3Settings = {
  bucket: string
  /** e.g. `https://oss-cn-guiyang.example.gov.cn`; unset for AWS itself. */
  endpoint?: string
  region: string
  /** Keys are `<prefix><path under the media root>`; empty by default. Lets several deployments share a bucket. */
  prefix: string
  forcePathStyle: boolean
  /** Unset: the AWS SDK's default chain (AWS_ACCESS_KEY_ID…, instance roles). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
}

export class StorageConfigError extends Error {
  override name = 'StorageConfigError'
}

const value = (name: string): string | undefined => {
  const raw = process.env[name]?.trim()
  return raw ? raw : undefined
}

/** The S3 settings, or null for local storage. Refuses half a configuration at start rather than at the first upload. */
export function s3Settings(): null | S3Settings {
  const bucket = value('S3_BUCKET')
  const stray = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_PREFIX'].filter((n) => value(n))
  if (!bucket) {
    if (stray.length)
      throw new StorageConfigError(`${stray.join(', ')} set without S3_BUCKET: set S3_BUCKET too, or unset them for local media storage.`)
    return null
  }
  const accessKeyId = value('S3_ACCESS_KEY_ID')
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY')
  if (!accessKeyId !== !secretAccessKey)
    throw new StorageConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (SDK default credentials).')
  const endpoint = value('S3_ENDPOINT')
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint))
    throw new StorageConfigError(`S3_ENDPOINT must be an http(s) URL (got “${endpoint}”).`)
  let prefix = (value('S3_PREFIX') ?? '').replace(/^\/+/, '')
  if (prefix && !prefix.endsWith('/')) prefix += '/'
  if (prefix.split('/').some((part) => part === '..' || part === '.'))
    throw new StorageConfigError(`S3_PREFIX must not contain . or .. segments (got “${prefix}”).`)
  return {
    bucket,
    endpoint,
    region: value('S3_REGION') ?? 'us-east-1',
    prefix,
    // Self-hosted S3 servers (SeaweedFS, MinIO, Ceph) usually have no per-bucket DNS names.
    forcePathStyle: (value('S3_FORCE_PATH_STYLE') ?? (endpoint ? 'true' : 'false')) === 'true',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken: value('S3_SESSION_TOKEN') } : undefined,
  }
}
