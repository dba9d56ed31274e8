/**
 * Child process of the browser test: applies the shipped migrations to a fresh SQLite DATABASE_URL and seeds
 * the demo organisation and the demo packages (released ones for the public site's pages, and unreleased ones
 * that the site test proves absent). The workflow test compares counts before and after its own release.
 * Run as `node --conditions=production --import tsx tests/e2e/seed.ts` (plain node can hang loading lexical),
 * without NODE_ENV=production (the seed refuses to create demo users there).
 */
async function main(): Promise<void> {
  if (!process.env.DATABASE_URL?.startsWith('file:')) throw new Error('e2e seed: DATABASE_URL must be a file: URL')
  // Imported after the environment is final: the config reads DATABASE_URL and PAYLOAD_SECRET when evaluated.
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const { seedDemo } = await import('../../src/seed/index')

  const payload = await getPayload({ config })
  // The shipped migrations (migrations/), as `next start` would apply them at boot; it then finds them done.
  await payload.db.migrate()
  const created = await seedDemo(payload)
  console.log(`e2e seed: demo organisation and packages (${JSON.stringify(created)})`)
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('e2e seed failed:', error)
    process.exit(1)
  },
)
