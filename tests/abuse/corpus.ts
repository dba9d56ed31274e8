import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionSlug, Payload } from 'payload'

import { listFiles } from '../fixtures/media/make'
import { BODY_BUILDERS, FILE_GENERATORS, RAW_GENERATORS, VALUE_GENERATORS } from './generators'

/**
 * The abuse corpus: bad inputs kept as data (tests/abuse/*.json, one file per category), how to send them through
 * the REST handler, and what “refused cleanly” and “neutralised” mean in checks.
 */

export const ABUSE_DIR = path.dirname(fileURLToPath(import.meta.url))

export type Role = 'admin' | 'anonymous' | 'drafter' | 'drafter.b' | 'editor' | 'reviewer' | 'signer'

/** A file to upload: committed under tests/abuse/files/, or made by a generator of generators.ts. */
export type FileSource = { fixture: string } | { args?: unknown[]; generator: string }

/** A JSON body made by a builder of generators.ts, with this case's changes on top. */
export type Built = { from: string; with?: Record<string, unknown> }

export type AbuseCase = {
  id: string
  description: string
  method: 'DELETE' | 'GET' | 'PATCH' | 'POST' | 'PUT'
  /** Under /api; `{{name}}` is replaced by a fixture (ids, document numbers). */
  path: string
  role: Role
  /** A JSON body, literally (placeholders and `{ "@generate": … }` values resolved). */
  body?: unknown
  build?: Built
  /** A body that is not a JSON document: literal text or a raw generator's output, under this Content-Type. */
  raw?: { args?: unknown[]; contentType: string; generator?: string; text?: string }
  /** multipart/form-data: the file as `file`, the other fields as JSON in `_payload`. */
  multipart?: { file?: FileSource; name: string; payload?: Built | Record<string, unknown>; type: string }
  headers?: Record<string, string>
  /** Environment for this case only (e.g. a lower size limit), restored afterwards. */
  env?: Record<string, string>
  /** `refused` (default): an invalid input, answered 4xx with nothing changed. `neutralised`: accepted as data, never executable. */
  kind?: 'neutralised' | 'refused'
  expect: {
    /** One status or the statuses acceptable. */
    status: number | number[]
    /** Fragments the error messages must contain (all of them). */
    message?: string | string[]
    /** The rule code in errors[0].data.rule. */
    rule?: string
    /** A field path that must carry an error (ValidationError). */
    field?: string
  }
  /** For neutralised cases: how the accepted document reaches the public outputs, and which to check. */
  neutralise?: {
    /** Strings that must never appear unescaped in an HTML output. */
    payloads: string[]
    /**
     * Outputs to read once the package is released (a case creating an interpretation uses `{{freshPolicy}}`, a
     * policy made for it); a GET case is its own output.
     */
    checks: ('bundle' | 'feeds' | 'search')[]
    /** Searched for to find the released document (a word of its title). */
    searchFor?: string
  }
}

export type CorpusFile = { category: string; description: string; cases: AbuseCase[] }

export type Fixtures = Record<string, number | string> & { deptA: number | string; draftA: number | string }

export function loadCorpus(): CorpusFile[] {
  return readdirSync(ABUSE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(ABUSE_DIR, f), 'utf8')) as CorpusFile)
}

// ---------------------------------------------------------------------------------------------------------------
// Building requests
// ---------------------------------------------------------------------------------------------------------------

const PLACEHOLDER = /\{\{(\w+)\}\}/g

function fill(text: string, fixtures: Fixtures): number | string {
  const whole = /^\{\{(\w+)\}\}$/.exec(text)
  const value = (name: string) => {
    if (!(name in fixtures)) throw new Error(`unknown placeholder {{${name}}}`)
    return fixtures[name]
  }
  // A whole-string placeholder keeps the fixture's type: ids are numbers on SQLite.
  if (whole) return value(whole[1])
  return text.replace(PLACEHOLDER, (_, name: string) => String(value(name)))
}

/** Resolves placeholders and `{ "@generate": name, "args": […] }` values, keeping every own key (even `__proto__`). */
export function resolve(value: unknown, fixtures: Fixtures): unknown {
  if (typeof value === 'string') return fill(value, fixtures)
  if (Array.isArray(value)) return value.map((v) => resolve(v, fixtures))
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record['@generate'] === 'string') {
      const generate = VALUE_GENERATORS[record['@generate']]
      if (!generate) throw new Error(`unknown value generator ${record['@generate']}`)
      return generate(...((resolve(record.args ?? [], fixtures) as unknown[]) ?? []))
    }
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(record))
      Object.defineProperty(out, key, { value: resolve(record[key], fixtures), enumerable: true, writable: true, configurable: true })
    return out
  }
  return value
}

function build(spec: Built, fixtures: Fixtures): Record<string, unknown> {
  const builder = BODY_BUILDERS[spec.from]
  if (!builder) throw new Error(`unknown body builder ${spec.from}`)
  const out = builder(fixtures)
  const changes = (resolve(spec.with ?? {}, fixtures) ?? {}) as Record<string, unknown>
  for (const key of Object.keys(changes))
    Object.defineProperty(out, key, { value: changes[key], enumerable: true, writable: true, configurable: true })
  return out
}

const isBuilt = (v: unknown): v is Built => Boolean(v && typeof v === 'object' && typeof (v as Built).from === 'string')

async function fileBytes(source: FileSource, fixtures: Fixtures): Promise<Buffer> {
  if ('fixture' in source) return fs.readFile(path.join(ABUSE_DIR, 'files', source.fixture))
  const generate = FILE_GENERATORS[source.generator]
  if (!generate) throw new Error(`unknown file generator ${source.generator}`)
  return generate(...((resolve(source.args ?? [], fixtures) as unknown[]) ?? []))
}

export type Sendable = { body?: unknown; headers?: Record<string, string>; rawBody?: string }

/** The request options of a case for the REST client (tests/helpers/payload.ts). */
export async function requestOf(c: AbuseCase, fixtures: Fixtures): Promise<{ options: Sendable; path: string }> {
  const path = String(fill(c.path, fixtures))
  const headers = { ...c.headers }
  if (c.raw) {
    const text = c.raw.generator
      ? RAW_GENERATORS[c.raw.generator](fixtures, ...((c.raw.args as unknown[]) ?? []))
      : String(c.raw.text ?? '')
    return { path, options: { rawBody: text, headers: { ...headers, 'content-type': c.raw.contentType } } }
  }
  if (c.multipart) {
    const m = c.multipart
    const form = new FormData()
    if (m.file) form.append('file', new Blob([new Uint8Array(await fileBytes(m.file, fixtures))], { type: m.type }), m.name)
    const payload = m.payload === undefined ? undefined : isBuilt(m.payload) ? build(m.payload, fixtures) : resolve(m.payload, fixtures)
    if (payload !== undefined) form.append('_payload', JSON.stringify(payload))
    return { path, options: { body: form, headers } }
  }
  if (c.build) return { path, options: { body: build(c.build, fixtures), headers } }
  if (c.body !== undefined) return { path, options: { body: resolve(c.body, fixtures), headers } }
  return { path, options: { headers } }
}

// ---------------------------------------------------------------------------------------------------------------
// Checking refusals
// ---------------------------------------------------------------------------------------------------------------

/** Every message of an error response: the errors' own and, for ValidationError, each field's. */
export function messagesOf(body: unknown): string[] {
  const errors = (body as { errors?: { data?: { errors?: { message?: string }[] }; message?: string }[] } | null)?.errors
  if (!Array.isArray(errors)) return []
  return errors.flatMap((e) => [e.message ?? '', ...(e.data?.errors ?? []).map((f) => f.message ?? '')]).filter(Boolean)
}

/** What makes a message unclear: Payload's catch-all, a stack trace, a path on the server. */
export function unclear(message: string): null | string {
  if (/something went wrong/i.test(message)) return 'the catch-all “Something went wrong.”'
  if (/\n\s+at\s|\bat\s+\S+\s\(/.test(message)) return 'a stack trace'
  if (/\/work\/|node_modules|file:\/\/|\.tsx?:\d+/.test(message)) return 'a server path'
  return null
}

// ---------------------------------------------------------------------------------------------------------------
// “Database unchanged”: every collection (and its versions) plus the upload directory
// ---------------------------------------------------------------------------------------------------------------

const stable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stable)
    : value && typeof value === 'object' && !(value instanceof Date)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
        )
      : value

const digest = (docs: unknown[]) =>
  createHash('sha256')
    .update(
      JSON.stringify(stable([...docs].sort((a, b) => String((a as { id: unknown }).id).localeCompare(String((b as { id: unknown }).id))))),
    )
    .digest('hex')
    .slice(0, 16)

export type Snapshot = { collections: Record<string, string>; files: string[] }

/**
 * Every document of every collection (Local API, access off, hidden fields on, depth 0), as count and hash per
 * collection, versions included, and every file under the media directory. Nothing is excluded: the tokens are
 * fetched before any case runs, so no refused request has a reason to touch even a user's sessions.
 */
export async function snapshot(payload: Payload, mediaDir: string): Promise<Snapshot> {
  const collections: Record<string, string> = {}
  for (const config of payload.config.collections) {
    const slug = config.slug as CollectionSlug
    const { docs } = await payload.find({ collection: slug, depth: 0, pagination: false, overrideAccess: true, showHiddenFields: true })
    collections[slug] = `${docs.length}:${digest(docs)}`
    if (config.versions) {
      const versions = await payload.findVersions({
        collection: slug,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        showHiddenFields: true,
      })
      collections[`${slug} (versions)`] = `${versions.docs.length}:${digest(versions.docs)}`
    }
  }
  return { collections, files: await listFiles(mediaDir) }
}

// ---------------------------------------------------------------------------------------------------------------
// “Neutralised”: no executable markup in HTML outputs
// ---------------------------------------------------------------------------------------------------------------

/** The elements the rich-text converter, the search highlighter and the feeds legitimately emit. */
const SAFE_TAGS = new Set(
  'a blockquote br code div em h1 h2 h3 h4 h5 h6 hr input label li ol p picture source span strong sub sup table tbody td th thead tr ul img'.split(
    ' ',
  ),
)

/** The first piece of executable markup in an HTML fragment, or null. */
export function executableMarkup(html: string): null | string {
  for (const match of html.matchAll(/<\s*(\/?)\s*([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const [tag, , name, attributes] = match
    if (!SAFE_TAGS.has(name.toLowerCase())) return tag
    if (/(^|[\s"'/])on[a-z]+\s*=/i.test(attributes)) return tag
    for (const url of attributes.matchAll(/\b(?:href|src|srcset|action|formaction|xlink:href)\s*=\s*["']?\s*([^"'\s>]*)/gi)) {
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a URL scheme
      if (/^(?:javascript|vbscript|data):/i.test(url[1].replace(/[\s\u0000-\u001f]/g, ''))) return tag
    }
    if (/style\s*=\s*["'][^"']*(?:expression\(|url\()/i.test(attributes)) return tag
  }
  if (/<!\[CDATA\[|<!--|<\?/.test(html)) return 'markup declaration'
  return null
}
