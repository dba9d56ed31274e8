/**
 * Starts the servers a run needs once for the whole run: the MongoDB-wire server when TEST_DB=mongo, the S3-wire
 * server (SeaweedFS) when STORAGE=s3. Their addresses reach the workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB === 'mongo' && !process.env.TEST_MONGO_URL) {
    const { startFerretDB } = await import('../mongo/ferretdb')
    const server = await startFerretDB()
    process.env.TEST_MONGO_URL = server.url
    ;(globalThis as { __ferretdb?: typeof server }).__ferretdb = server
  }
  if (process.env.STORAGE === 's3' && !process.env.TEST_S3_ENDPOINT) {
    const { startSeaweedFS } = await import('../s3/seaweedfs')
    const server = await startSeaweedFS({ bucket: 'cms-test' })
    for (const [name, value] of Object.entries(server.env)) process.env[`TEST_${name}`] = value
    ;(globalThis as { __seaweedfs?: typeof server }).__seaweedfs = server
  }
}
