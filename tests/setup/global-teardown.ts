export default async function globalTeardown(): Promise<void> {
  const servers = globalThis as { __ferretdb?: { stop: () => Promise<void> }; __seaweedfs?: { stop: () => Promise<void> } }
  await Promise.all([servers.__ferretdb?.stop(), servers.__seaweedfs?.stop()])
}
