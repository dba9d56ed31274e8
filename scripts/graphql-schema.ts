/**
 * Prints the GraphQL schema Payload serves at /api/graphql as SDL (introspection is off in production, as it should
 * be): `node --conditions=production --import tsx scripts/graphql-schema.ts > schema.graphql`. Used by scripts/fuzz.sh.
 */
export {}

const { configToSchema } = await import('@payloadcms/graphql')
const { printSchema } = await import('graphql')
const { buildAppConfig } = await import('../src/buildAppConfig')

// buildAppConfig returns the sanitized config (buildConfig).
const config = await buildAppConfig({})
const { schema } = configToSchema(config)
process.stdout.write(printSchema(schema))
process.exit(0)
