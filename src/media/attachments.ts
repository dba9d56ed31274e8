import { addDataAndFileToRequest, type PayloadRequest } from 'payload'

import { userDepartment } from '../access/userDepartment'
import { sameId } from '../ids'
import { hasRole, isAdminUser } from '../roles'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { acceptImage } from './accept'
import type { DerivativeSpec } from './derivatives'
import { fileNameProblem } from './fileName'
import { MEDIA_ROLES } from './memberCollection'
import { mediaRefusal } from './rules'
import { uploadBytes } from './sniff'
import { derivedKeys, type DerivativeRow, nameRendered, removeAll, writeAll } from './storage'

export type MediaDoc = { department?: unknown; derivatives?: DerivativeRow[] | null; id: number | string; title?: string }

/** The record for a write endpoint: 404 when the caller may not read it, 403 when they may read but not edit it. */
export async function editableRecord<T extends MediaDoc>(req: PayloadRequest, slug: string, id: string): Promise<T> {
  const doc = (await req.payload
    .findByID({ collection: slug as 'infographics', id, depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null)) as null | T
  if (!doc) {
    throw new RuleViolation(req, {
      status: 404,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: `${slug} ${id} was not found or is not yours to see.`, zh: `未找到该记录（${slug} ${id}），或您无权查看。` },
      hint: { en: 'Check the id, or sign in.', zh: '请核对编号，或先登录。' },
      document: { collection: slug, id },
    })
  }
  if (!isAdminUser(req.user) && !(hasRole(req.user, ...MEDIA_ROLES) && sameId(userDepartment(req), doc.department))) {
    throw new RuleViolation(req, {
      status: 403,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: {
        en: `only the editors and drafters of its department change “${doc.title}”.`,
        zh: `《${doc.title}》只能由其所属部门的编辑或起草人修改。`,
      },
      hint: { en: 'Ask its department’s editor.', zh: '请联系该部门的编辑办理。' },
      document: { collection: slug, id: doc.id, title: doc.title },
    })
  }
  return doc
}

/**
 * An image attached to an existing record through an endpoint (a video's poster, an interview photo): parsed
 * from multipart, checked like any upload, its derivatives written first and the record updated second by
 * `save` — which goes through the collection's hooks (department, lock). If saving fails, the files go.
 */
export async function attachImage<T extends MediaDoc>(
  req: PayloadRequest,
  args: {
    doc: T
    /** Derivative rows of this attachment replace any with the same ref. */
    ref: string
    save: (derivatives: DerivativeRow[], image: { height: number; width: number }) => Promise<unknown>
    slug: string
    spec: DerivativeSpec
    /** Refuses the request from its other fields (`_payload`) before any image work. */
    check?: (data: Record<string, unknown>) => void
  },
): Promise<unknown> {
  await addDataAndFileToRequest(req)
  const file = req.file
  const document = { collection: args.slug, id: args.doc.id, title: args.doc.title }
  if (!file) {
    throw mediaRefusal(req, {
      status: 400,
      rule: 'media-file-required',
      message: { en: 'no image was sent.', zh: '未收到图片文件。' },
      hint: { en: 'Send multipart/form-data with the image in the “file” field.', zh: '请以 multipart/form-data 提交，图片放在“file”字段。' },
      document,
    })
  }
  const badName = fileNameProblem(file.name)
  if (badName) {
    throw mediaRefusal(req, {
      status: 400,
      rule: 'media-file-name',
      message: badName,
      hint: { en: 'Rename the file (letters, digits, - and _) and upload it again.', zh: '请重命名文件（使用文字、数字、- 和 _）后重新上传。' },
      document,
    })
  }
  args.check?.((req.data ?? {}) as Record<string, unknown>)
  const bytes = await uploadBytes(file)
  // The image is not the record's own file: the update below must not see it as a replacement upload.
  req.file = undefined
  const image = await acceptImage({ req, bytes, document, name: file.name, size: file.size }, args.spec)
  const { files, rows } = nameRendered(args.slug, file.name, image.rendered, args.ref)
  const previous = args.doc.derivatives ?? []
  const replaced = previous.filter((r) => r.ref === args.ref)
  await writeAll(req.payload, files)
  let saved: unknown
  try {
    saved = await args.save([...previous.filter((r) => r.ref !== args.ref), ...rows], { width: image.width, height: image.height })
  } catch (error) {
    await removeAll(req.payload, files.map((f) => f.key))
    throw error
  }
  await removeAll(req.payload, derivedKeys(args.slug, replaced))
  return saved
}
