import { getPayload } from 'payload'

import { buildAppConfig } from '../src/buildAppConfig'
import { lane } from './helpers/payload'
import { policyData } from './helpers/world'
import { seedOrganisation } from '../src/seed/organisation'

// MongoDB needs no schema migrations: this checks the shipped SQLite migrations only.
const sqliteOnly = lane === 'sqlite' ? test : test.skip

sqliteOnly('the shipped migrations build a schema the application runs on', async () => {
  const payload = await getPayload({
    config: buildAppConfig({ databaseUrl: process.env.DATABASE_URL, database: { sqlitePush: false } }),
  })
  try {
    await payload.db.migrate()
    const { departments } = await seedOrganisation(payload)
    const policy = await payload.create({ collection: 'policies', data: policyData(departments.finance) })
    expect(policy.indexNumber).toMatch(/^\w{18}\/2020-00001$/)
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 10 })
    expect(docs.map((d: any) => d.name)).toContain('20261126_105316_initial')
  } finally {
    await payload.destroy()
  }
})
