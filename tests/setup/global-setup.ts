/** Starts the MongoDB-wire test server once for the whole run when TEST_DB=mongo. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB !== 'mongo' || process.env.TEST_MONGO_URL) return
  const { startFerretDB } = await import('../mongo/ferretdb')
  const server = await startFerretDB()
  process.env.TEST_MONGO_URL = server.url
  ;(globalThis as { __ferretdb?: typeof server }).__ferretdb = server
}
