/**
 * Child process for the crash test: boots the app on the test's database, says READY, then releases one
 * package. The test kills it with SIGKILL at varied moments.
 */
import { createLocalReq, getPayload } from 'payload'

import { performAction } from '../../src/lifecycle/packageLifecycle'
import { testConfig } from '../helpers/payload'

const [policyId, signerEmail] = process.argv.slice(2)
const payload = await getPayload({ config: testConfig() })
const { docs } = await payload.find({ collection: 'users', where: { email: { equals: signerEmail } }, limit: 1 })
const req = await createLocalReq({ user: { ...docs[0], collection: 'users' } }, payload)
process.stdout.write('READY\n')
await performAction(req, policyId, 'release')
process.stdout.write('DONE\n')
process.exit(0)
