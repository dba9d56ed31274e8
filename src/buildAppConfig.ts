import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import path from 'node:path'
import { buildConfig, type SanitizedConfig } from 'payload'
import sharp from 'sharp'

import { AuditLog } from '../collections/AuditLog'
import { CatalogItems } from '../collections/CatalogItems'
import { Consultations } from '../collections/Consultations'
import { Departments } from '../collections/Departments'
import { Infographics } from '../collections/Infographics'
import { Interpretations } from '../collections/Interpretations'
import { Interviews } from '../collections/Interviews'
import { Media } from '../collections/Media'
import { OfficialCalendars } from '../collections/OfficialCalendars'
import { Policies } from '../collections/Policies'
import { SearchMisses } from '../collections/SearchMisses'
import { SearchTerms } from '../collections/SearchTerms'
import { Users } from '../collections/Users'
import { Videos } from '../collections/Videos'
import { WebhookDeliveries } from '../collections/WebhookDeliveries'
import { Webhooks } from '../collections/Webhooks'
import { publicApiEndpoints } from './api'
import { catalogEndpoints } from './catalog/endpoints'
import { complianceEndpoints } from './compliance/endpoints'
import { pendingEndpoint } from './compliance/pending'
import { loadOfficialCalendar } from './calendar'
import { importEndpoints } from './import/endpoints'
import { documentNumberCheckEndpoint } from './documentNumbers/endpoint'
import { databaseAdapter, type DatabaseOptions } from './db/adapter'
import { adminOnly } from './access/adminOnly'
import { RELEASE_QUEUE } from './lifecycle/packageLifecycle'
import { releaseScheduledPackage } from './lifecycle/releaseJob'
import { expireLapsedPoliciesTask, VALIDITY_QUEUE } from './lifecycle/validityJob'
import { GROUPS } from './groups'
import { inputGuards } from './input/guard'
import { multipartFileLimit } from './media/config'
import { projectRoot } from './paths'
import { searchEndpoints } from './search/endpoints'
import { createFileStore } from './storage/fileStore'
import { s3Settings } from './storage/settings'
import { uploadStorage } from './storage/uploadStorage'
import { mediaDir } from './paths'
import { warmSearchIndex } from './search/backend'
import { recoverUnloggedSteps } from './audit/recoverSteps'
import { deliverWebhookTask } from './webhooks/deliverTask'
import { WEBHOOK_QUEUE } from './webhooks/events'

export type AppConfigOptions = {
  /** Adapter extras for test servers; production passes nothing and gets Payload's defaults. */
  database?: DatabaseOptions
  databaseUrl?: string
  /** Type generation spawns a child process on every start in dev; tests turn it off. */
  autoGenerateTypes?: boolean
}

function payloadSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  // `next build` evaluates the config without serving anything; the running server must have a real secret.
  if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('PAYLOAD_SECRET must be set in production (a long random string, e.g. `openssl rand -hex 32`).')
  }
  return 'dev-only-secret-not-for-production'
}

export function buildAppConfig(options: AppConfigOptions = {}): Promise<SanitizedConfig> {
  // Files: local MEDIA_DIR, or the S3 bucket when S3_BUCKET is set; one store for uploads and derivatives.
  const storage = s3Settings()
  const collections = [
    Policies,
    Interpretations,
    Infographics,
    Videos,
    Interviews,
    Consultations,
    Media,
    Departments,
    Users,
    AuditLog,
    Webhooks,
    WebhookDeliveries,
    SearchTerms,
    SearchMisses,
    CatalogItems,
    OfficialCalendars,
  ]
  const built = buildConfig({
    serverURL: process.env.SERVER_URL || '',
    secret: payloadSecret(),
    admin: {
      user: Users.slug,
      importMap: { baseDir: projectRoot, importMapFile: path.resolve(projectRoot, 'src/app/(payload)/admin/importMap.js') },
      meta: { titleSuffix: ' · 政策解读管理系统' },
      // Gravatar is unreachable from government intranets; use the built-in avatar.
      avatar: 'default',
      dateFormat: 'yyyy-MM-dd HH:mm',
      components: {
        // 待办: what waits for the signed-in user (src/compliance/todo.ts), above the collection cards.
        beforeDashboard: ['/src/components/todo/TodoDashboard#TodoDashboard'],
        afterNavLinks: [
          '/src/components/search/SearchNavLink#SearchNavLink',
          '/src/components/compliance/ComplianceNavLink#ComplianceNavLink',
          '/src/components/import/ImportNavLink#ImportNavLink',
        ],
        views: {
          search: { Component: '/src/components/search/SearchView#SearchView', path: '/search' },
          compliance: { Component: '/src/components/compliance/ComplianceView#ComplianceView', path: '/compliance' },
          legacyImport: { Component: '/src/components/import/ImportView#ImportView', path: '/import' },
        },
      },
    },
    i18n: {
      supportedLanguages: { zh, en },
      fallbackLanguage: 'zh',
    },
    collections,
    custom: { fileStore: createFileStore(storage, mediaDir()) },
    editor: lexicalEditor(),
    // The multipart parser's ceiling sits just above the largest media limit (videos); each collection refuses
    // files over its own limit with an explanation (src/media/config.ts).
    upload: { limits: { fileSize: multipartFileLimit() }, requestSizeLimit: multipartFileLimit() + 1024 * 1024 },
    endpoints: [
      ...publicApiEndpoints,
      ...searchEndpoints,
      ...catalogEndpoints,
      pendingEndpoint,
      ...complianceEndpoints,
      documentNumberCheckEndpoint,
      ...importEndpoints,
    ],
    // First complete the steps a killed process left without their audit entry (the search index, the public cache
    // and webhooks follow the trail), then build the search index rather than on the first search.
    onInit: async (payload) => {
      // A database without its tables yet (a script that migrates after start) has nothing to recover.
      await recoverUnloggedSteps(payload).catch((error: unknown) =>
        payload.logger.warn(
          `Could not check for steps missing from the audit trail: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      await loadOfficialCalendar(payload).catch(() => undefined)
      warmSearchIndex(payload)
    },
    jobs: {
      tasks: [releaseScheduledPackage, deliverWebhookTask(), expireLapsedPoliciesTask],
      // Scheduled releases are stored jobs: the server polls the queue every minute, and a restart loses none.
      autoRun: [
        { cron: '* * * * *', queue: RELEASE_QUEUE, limit: 20 },
        // Websites hear of a release within seconds; failed deliveries wait out their backoff.
        { cron: '*/10 * * * * *', queue: WEBHOOK_QUEUE, limit: 50 },
        // 有效期届满: schedules the hourly expiry sweep (its task's `schedule`) and runs it.
        { cron: '*/5 * * * *', queue: VALIDITY_QUEUE, limit: 5 },
      ],
      // Tests (and extra instances behind a load balancer, if wanted) run the queue explicitly.
      shouldAutoRun: () => process.env.NODE_ENV !== 'test' && process.env.JOBS_AUTORUN !== 'false',
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
        ...defaultJobsCollection,
        admin: { ...defaultJobsCollection.admin, hidden: false, group: GROUPS.organisation },
      }),
    },
    // The REST boundary: request shape, query operators, ids and file names checked before any operation.
    plugins: [inputGuards, uploadStorage(collections, storage, mediaDir())],
    db: databaseAdapter(options.databaseUrl, options.database),
    sharp,
    typescript: {
      outputFile: path.resolve(projectRoot, 'payload-types.ts'),
      autoGenerate: options.autoGenerateTypes ?? false,
    },
    graphQL: { disablePlaygroundInProduction: true },
    // Rule refusals are the system working as designed (info); failed logins matter for security (warn).
    loggingLevels: { RuleViolation: 'info', AuthenticationError: 'warn', LockedAuth: 'warn' } as Record<string, 'info' | 'warn'>,
    // Tests assert on responses; boot chatter (e.g. the console email fallback) would drown their output.
    ...(process.env.NODE_ENV === 'test' ? { logger: { options: { level: 'error' as const } } } : {}),
  })
  return built.then(lockJobStats)
}

/**
 * Task scheduling (the validity job's `schedule`) makes Payload add its `payload-jobs-stats` global, whose default
 * access lets any signed-in user read and rewrite it, e.g. a last-scheduled time that stops the expiry job. The
 * scheduler writes it through the database adapter; through the API only admins may.
 */
function lockJobStats(config: SanitizedConfig): SanitizedConfig {
  const stats = config.globals.find((g) => g.slug === 'payload-jobs-stats')
  if (stats) {
    stats.access = { ...stats.access, read: adminOnly, update: adminOnly, readVersions: adminOnly }
    // Not in GraphQL: no client needs it, and its docAccess query answered 500 there (found by Schemathesis).
    stats.graphQL = false
  }
  return config
}
