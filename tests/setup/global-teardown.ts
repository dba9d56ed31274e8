export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __ferretdb?: { stop: () => Promise<void> } }).__ferretdb
  if (server) await server.stop()
}
