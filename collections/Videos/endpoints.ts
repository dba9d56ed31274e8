import { addDataAndFileToRequest, type Endpoint } from 'payload'

import { pick } from '../../src/i18n'
import { attachImage, editableRecord, type MediaDoc } from '../../src/media/attachments'
import { POSTER_SPEC } from '../../src/media/derivatives'
import { MEDIA_RULES, mediaRefusal } from '../../src/media/rules'
import { uploadBytes } from '../../src/media/sniff'
import { describeVttProblems, LANGUAGE_TAG, vttProblems } from '../../src/media/video/captions'

type VideoDoc = MediaDoc & { captions?: { id?: string; label?: null | string; language: string; vtt: string }[] | null }

/** POST /api/videos/:id/poster — replaces the generated poster with an uploaded image (multipart “file”). */
export const posterEndpoint: Endpoint = {
  path: '/:id/poster',
  method: 'post',
  handler: async (req) => {
    const doc = await editableRecord<VideoDoc>(req, 'videos', String(req.routeParams?.id))
    const saved = await attachImage(req, {
      doc,
      ref: 'poster',
      slug: 'videos',
      spec: POSTER_SPEC,
      save: (derivatives) =>
        // Derivatives are written only by the system (field access), hence overrideAccess; the member hooks still
        // check the department and the package lock.
        req.payload.update({
          collection: 'videos',
          id: doc.id,
          data: { derivatives, posterSource: 'uploaded' },
          depth: 0,
          overrideAccess: true,
          user: req.user,
          req,
        }),
    })
    return Response.json({ doc: saved })
  },
}

/**
 * POST /api/videos/:id/captions — a WebVTT track, as multipart (“file” plus `_payload` {language, label}) or JSON
 * {language, label, vtt}. Replaces the track of the same language. Errors name their lines.
 */
export const captionUploadEndpoint: Endpoint = {
  path: '/:id/captions',
  method: 'post',
  handler: async (req) => {
    const doc = await editableRecord<VideoDoc>(req, 'videos', String(req.routeParams?.id))
    await addDataAndFileToRequest(req)
    const input = (req.data ?? {}) as { label?: string; language?: string; vtt?: string }
    const vtt = req.file ? (await uploadBytes(req.file)).toString('utf8') : String(input.vtt ?? '')
    req.file = undefined
    const document = { collection: 'videos', id: doc.id, title: doc.title }
    const language = String(input.language ?? '')
    if (!LANGUAGE_TAG.test(language)) {
      throw mediaRefusal(req, {
        status: 400,
        rule: 'video-captions',
        ruleName: MEDIA_RULES.captions,
        message: { en: `“${language}” is not a language tag.`, zh: `“${language}”不是有效的语言代码。` },
        hint: { en: 'Give “language” as BCP 47, e.g. zh-CN or en.', zh: '请以 BCP 47 格式填写“language”，如 zh-CN、en。' },
        document,
      })
    }
    const problems = vttProblems(vtt)
    if (problems.length) {
      const text = describeVttProblems(problems)
      throw mediaRefusal(req, {
        status: 400,
        rule: 'video-captions',
        ruleName: MEDIA_RULES.captions,
        message: { en: `the captions are not valid WebVTT: ${text.en}.`, zh: `字幕不是有效的 WebVTT：${text.zh}。` },
        hint: { en: 'Fix the lines named and upload again.', zh: '请按所列行号修改后重新上传。' },
        document,
      })
    }
    const captions = [...(doc.captions ?? []).filter((c) => c.language !== language), { language, label: input.label ?? null, vtt }]
    const saved = await req.payload.update({
      collection: 'videos',
      id: doc.id,
      data: { captions },
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return Response.json({ doc: saved })
  },
}

/** GET /api/videos/:id/captions/:language — the track as text/vtt for <track src>, with the video's read access. */
export const captionFileEndpoint: Endpoint = {
  path: '/:id/captions/:language',
  method: 'get',
  handler: async (req) => {
    const doc = (await req.payload
      .findByID({ collection: 'videos', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)) as null | VideoDoc
    const language = String(req.routeParams?.language ?? '').replace(/\.vtt$/, '')
    const track = doc?.captions?.find((c) => c.language === language)
    if (!track) {
      return Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到该字幕。' }) }] }, { status: 404 })
    }
    return new Response(track.vtt, {
      headers: { 'Content-Type': 'text/vtt; charset=utf-8', 'Cache-Control': req.user ? 'private, no-cache' : 'public, max-age=300' },
    })
  },
}
