import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import { userDepartment } from '../access/userDepartment'
import { sameId } from '../ids'
import { memberWriteMarking } from '../lifecycle/memberLock'
import { hasRole, isAdminUser, type Role } from '../roles'
import { acceptImage, acceptVideo } from './accept'
import { INFOGRAPHIC_SPEC, type Rendered } from './derivatives'
import { mediaRefusal } from './rules'
import { safeStem, uploadBytes } from './sniff'
import { fileStoreOf } from '../storage/fileStore'
import { derivedKeys, type DerivativeRow, nameRendered, originalKey, recordWritten, removeAll, stashPending, takePending, writeAll, writtenDuring } from './storage'

/**
 * The upload pipeline of the media collections, as collection hooks around Payload's own:
 *
 *   beforeOperation  validate the file by content and render its derivatives in memory (nothing on disk yet)
 *   (Payload)        access, then its own checks; field validation; writes the original; creates the record
 *   beforeChange     name the derivatives after the stored original and put their dimensions on the record
 *   afterChange      write the derivative files, all or none; drop the replaced ones
 *   afterError       remove whatever this request wrote when the operation failed after writing (REST)
 *   afterDelete      remove the derivatives with the record (Payload removes the original)
 */

export type UploadKind = 'image' | 'video'

type Prepared = { extra: Record<string, unknown>; rendered: Rendered[]; ref?: string }

const preparedKey = (slug: string) => `mediaPrepared:${slug}`
const mainFileKey = (slug: string) => `mediaMainFile:${slug}`
const backupKey = (slug: string) => `mediaBackup:${slug}`

const documentOf = (slug: string, data: unknown, id?: unknown) => ({
  collection: slug,
  id: id as number | string | undefined,
  title: (data as { title?: string } | undefined)?.title,
})

export function uploadHooks(slug: string, kind: UploadKind, roles: Role[]): NonNullable<CollectionConfig['hooks']> {
  const validate: CollectionBeforeOperationHook = async ({ args, operation, overrideAccess, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    // Who may not write is refused by Payload's access check right after this hook; spend no decoding on them.
    // System writes (Local API, overrideAccess) go through the same checks and derivatives as users'.
    if (overrideAccess === false && !isAdminUser(req.user) && !hasRole(req.user, ...roles)) return args
    const id = (args as { id?: number | string }).id
    const document = documentOf(slug, (args as { data?: unknown }).data, id)
    const file = req.file
    if (!file) {
      if (operation === 'create' && kind === 'image') {
        throw mediaRefusal(req, {
          status: 400,
          rule: 'media-file-required',
          message: { en: 'an infographic needs its image file.', zh: '政策图解须上传图片文件。' },
          hint: {
            en: 'Send multipart/form-data with the image in the “file” field and the other fields as JSON in “_payload”.',
            zh: '请以 multipart/form-data 提交：图片放在“file”字段，其他字段以 JSON 放在“_payload”字段。',
          },
          document,
        })
      }
      return args
    }
    if (operation === 'update') await guardReplacement(req, slug, id, overrideAccess !== false)
    const bytes = await uploadBytes(file)
    const input = { req, bytes, document, name: file.name, size: file.size }
    if (kind === 'image') {
      const image = await acceptImage(input, INFOGRAPHIC_SPEC)
      req.file = { ...file, data: image.bytes, size: image.bytes.length, mimetype: image.mime, name: `${safeStem(file.name)}.${image.ext}`, tempFilePath: undefined }
      req.context[preparedKey(slug)] = {
        rendered: image.rendered,
        extra: { longImage: image.rendered.some((r) => r.kind === 'tile') },
      } satisfies Prepared
    } else {
      const video = await acceptVideo({ ...input, tempFilePath: file.data?.length ? undefined : file.tempFilePath })
      req.file = { ...file, mimetype: video.mime, name: `${safeStem(file.name)}.${video.ext}` }
      req.context[preparedKey(slug)] = {
        rendered: video.poster,
        ref: 'poster',
        extra: { probe: video.probe, posterSource: 'generated' },
      } satisfies Prepared
    }
    return args
  }

  const attach: CollectionBeforeChangeHook = ({ data, req }) => {
    const prepared = req.context[preparedKey(slug)] as Prepared | undefined
    if (!prepared || !data.filename) return data
    delete req.context[preparedKey(slug)]
    const { files, rows } = nameRendered(slug, data.filename, prepared.rendered, prepared.ref)
    stashPending(req, `${slug}:${data.filename}`, files)
    req.context[mainFileKey(slug)] = data.filename
    return { ...data, ...prepared.extra, derivatives: rows }
  }

  const write: CollectionAfterChangeHook = async ({ doc, operation, previousDoc, req }) => {
    const files = takePending(req, `${slug}:${doc.filename}`)
    if (!files.length) return doc
    await writeAll(req.payload, files)
    recordWritten(req, files.map((f) => f.key))
    if (operation === 'update') {
      const kept = new Set(derivedKeys(slug, doc.derivatives))
      await removeAll(req.payload, derivedKeys(slug, previousDoc?.derivatives).filter((k) => !kept.has(k)))
      const backup = req.context[backupKey(slug)] as Backup | undefined
      if (backup) await removeAll(req.payload, [backup.copy])
    }
    return doc
  }

  return { beforeOperation: [validate], beforeChange: [attach], afterChange: [write], afterDelete: [removeDerivatives(slug)], afterError: [cleanUpAfterError(slug)] }
}

export const removeDerivatives =
  (slug: string): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await removeAll(req.payload, derivedKeys(slug, (doc as { derivatives?: DerivativeRow[] }).derivatives))
  }

type Backup = { copy: string; original: string }

/**
 * Replacing the file of an existing record: refused early when the package is locked (Payload deletes the old
 * file before the hooks that would refuse), and the old original is kept as a hard link until the update is
 * saved, so a refusal later in the operation can put it back. (A copy in the file store: a hard link locally,
 * where Payload deletes the old file early; a server-side copy in S3, where the adapter deletes it only after
 * success and the copy is merely a precaution.)
 */
async function guardReplacement(req: PayloadRequest, slug: string, id: number | string | undefined, system: boolean) {
  if (id === undefined) return
  const original = await req.payload.findByID({ collection: slug as 'infographics', id, depth: 0, req }).catch(() => null)
  // Another department's record: Payload's access check refuses it next, without disclosing its state.
  if (!original || (!system && !isAdminUser(req.user) && !sameId(userDepartment(req), (original as { department?: never }).department))) return
  await memberWriteMarking(req, 'update', {}, original, req.context)
  const filename = (original as { filename?: null | string }).filename
  if (!filename) return
  const source = originalKey(slug, filename)
  const copy = `${source}.replacing-${Date.now()}`
  // No old file stored: nothing to protect.
  if (await fileStoreOf(req.payload).copy(source, copy).catch(() => false)) req.context[backupKey(slug)] = { original: source, copy } satisfies Backup
}

/** When an operation failed after files were written, remove them (and restore a replaced original). */
const cleanUpAfterError =
  (slug: string) =>
  async ({ req }: { req: PayloadRequest }) => {
    const store = fileStoreOf(req.payload)
    await removeAll(req.payload, writtenDuring(req))
    const main = req.context[mainFileKey(slug)] as string | undefined
    if (main) {
      const { totalDocs } = await req.payload.count({ collection: slug as 'infographics', where: { filename: { equals: main } } })
      if (!totalDocs) await store.remove([originalKey(slug, main)])
    }
    const backup = req.context[backupKey(slug)] as Backup | undefined
    if (backup) {
      if (!(await store.exists(backup.original))) await store.copy(backup.copy, backup.original)
      await store.remove([backup.copy])
    }
    return undefined
  }
