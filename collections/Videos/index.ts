import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { L, pick } from '../../src/i18n'
import { VIDEO_TYPES } from '../../src/media/accept'
import { validateText } from '../../src/media/fields'
import { mediaMemberCollection } from '../../src/media/memberCollection'
import { MEDIA_RULES, mediaRefusal } from '../../src/media/rules'
import { describeVttProblems, LANGUAGE_TAG, vttProblems } from '../../src/media/video/captions'
import { externalVideoProblem } from '../../src/media/video/externalUrl'
import { captionFileEndpoint, captionUploadEndpoint, posterEndpoint } from './endpoints'

const readOnly = { create: () => false, update: () => false }

/** Either an uploaded file or an allowed external link, never both and never neither. */
const oneSource: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const hasFile = Boolean(data.filename ?? originalDoc?.filename)
  const url = String(data.externalUrl ?? originalDoc?.externalUrl ?? '').trim()
  if (hasFile === Boolean(url)) {
    throw mediaRefusal(req, {
      status: 400,
      rule: 'video-source',
      ruleName: MEDIA_RULES.videoSource,
      message: hasFile
        ? {
            en: 'a video is either an uploaded file or an external link, not both.',
            zh: '视频只能是上传的文件或外部链接之一，不能同时提供。',
          }
        : { en: 'a video needs an uploaded file (MP4/WebM) or an external link.', zh: '视频须上传文件（MP4/WebM）或填写外部链接。' },
      hint: {
        en: 'Upload the file in “file”, or leave it out and give “externalUrl” on an allowed host.',
        zh: '请在“file”字段上传视频文件，或不上传文件而在“externalUrl”填写允许站点的链接。',
      },
      document: { collection: 'videos', id: originalDoc?.id, title: data.title ?? originalDoc?.title },
    })
  }
  return data
}

export const Videos: CollectionConfig = mediaMemberCollection({
  slug: 'videos',
  labels: { singular: L('视频解读', 'Video'), plural: L('视频解读', 'Videos') },
  description: L(
    '上传 MP4/WebM（自动探测时长、分辨率、编码并生成封面）或填写允许站点的视频链接；须附文字稿，可附 WebVTT 字幕。',
    'Upload MP4/WebM (duration, resolution and codecs probed, a poster generated) or link a video on an allowed host; a transcript is required, WebVTT captions optional.',
  ),
  policyLabel: L('所解读的政策文件', 'Policy interpreted'),
  defaultColumns: ['title', 'policy', 'department', 'updatedAt'],
  upload: { kind: 'video', mimeTypes: VIDEO_TYPES.map((t) => t.mime), filesRequiredOnCreate: false },
  hooks: { beforeChange: [oneSource] },
  endpoints: [posterEndpoint, captionUploadEndpoint, captionFileEndpoint],
  fields: [
    {
      name: 'externalUrl',
      type: 'text',
      label: L('外部视频链接', 'External video URL'),
      admin: {
        description: L('不上传文件时填写；仅限允许的站点（VIDEO_URL_HOSTS）', 'Instead of a file; allowed hosts only (VIDEO_URL_HOSTS)'),
      },
      validate: validateText((value, req) => {
        if (!value) return true
        const problem = externalVideoProblem(value)
        return problem ? pick(req, { en: `[video source] ${problem.en}`, zh: `【视频来源】${problem.zh}` }) : true
      }),
    },
    {
      name: 'transcript',
      type: 'textarea',
      required: true,
      label: L('文字稿', 'Transcript'),
      admin: {
        description: L('视频的完整文字稿，发布必备（无障碍）', 'The full text of the video; required for publication (accessibility)'),
      },
      validate: validateText((value, req) =>
        value.trim()
          ? true
          : pick(req, {
              en: '[accessibility] a video is published only with its transcript.',
              zh: '【无障碍】视频须附完整文字稿方可发布。',
            }),
      ),
    },
    {
      name: 'captions',
      type: 'array',
      label: L('字幕（WebVTT）', 'Captions (WebVTT)'),
      labels: { singular: L('字幕', 'Caption track'), plural: L('字幕', 'Caption tracks') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'language',
              type: 'text',
              required: true,
              label: L('语言', 'Language'),
              admin: { description: L('BCP 47，如 zh-CN、en', 'BCP 47, e.g. zh-CN, en') },
              validate: validateText((value, req) =>
                LANGUAGE_TAG.test(value)
                  ? true
                  : pick(req, {
                      en: `[WebVTT captions] “${value}” is not a language tag such as zh-CN or en.`,
                      zh: `【WebVTT 字幕】“${value}”不是有效的语言代码（如 zh-CN、en）。`,
                    }),
              ),
            },
            { name: 'label', type: 'text', label: L('名称', 'Label') },
          ],
        },
        {
          name: 'vtt',
          type: 'code',
          required: true,
          label: 'WebVTT',
          admin: { language: 'plaintext' },
          validate: validateText((value, req) => {
            const problems = vttProblems(value)
            if (!problems.length) return true
            const text = describeVttProblems(problems)
            return pick(req, { en: `[WebVTT captions] ${text.en}`, zh: `【WebVTT 字幕】${text.zh}` })
          }),
        },
      ],
    },
    {
      name: 'probe',
      type: 'group',
      label: L('视频参数', 'Video properties'),
      access: readOnly,
      admin: { readOnly: true, description: L('由 ffprobe 探测', 'Probed by ffprobe') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'duration', type: 'number', label: L('时长（秒）', 'Duration (s)') },
            { name: 'width', type: 'number', label: L('宽', 'Width') },
            { name: 'height', type: 'number', label: L('高', 'Height') },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'container', type: 'text', label: L('封装', 'Container') },
            { name: 'videoCodec', type: 'text', label: L('视频编码', 'Video codec') },
            { name: 'audioCodec', type: 'text', label: L('音频编码', 'Audio codec') },
          ],
        },
      ],
    },
    {
      name: 'posterSource',
      type: 'select',
      label: L('封面来源', 'Poster'),
      access: readOnly,
      options: [
        { label: L('自动截取', 'Generated'), value: 'generated' },
        { label: L('上传', 'Uploaded'), value: 'uploaded' },
      ],
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
})
