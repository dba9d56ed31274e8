/**
 * Child process of the browser test: applies the shipped migrations to a fresh SQLite DATABASE_URL and seeds
 * the demo organisation only (departments and `<role>@demo.gov.cn` users), not the demo packages, so the
 * dashboard counts start from zero and the run stays short.
 * Run as `node --conditions=production --import tsx tests/e2e/seed.ts` (plain node can hang loading lexical),
 * without NODE_ENV=production (the seed refuses to create demo users there).
 */
async function main(): Promise<void> {
  if (!process.env.DATABASE_URL?.startsWith('file:')) throw new Error('e2e seed: DATABASE_URL must be a file: URL')
  // Imported after the environment is final: the config reads DATABASE_URL and PAYLOAD_SECRET when evaluated.
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  const { seedOrganisation } = await import('../../src/seed/organisation')

  const payload = await getPayload({ config })
  // The shipped migrations (migrations/), as `next start` would apply them at boot; it then finds them done.
  await payload.db.migrate()
  const { departments, users } = await seedOrganisation(payload)
  console.log(`e2e seed: ${Object.keys(departments).length} departments, ${Object.keys(users).length} users`)
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('e2e seed failed:', error)
    process.exit(1)
  },
)
