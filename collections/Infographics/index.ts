import type { CollectionConfig } from 'payload'

import { L, pick } from '../../src/i18n'
import { IMAGE_TYPES } from '../../src/media/accept'
import { validateText } from '../../src/media/fields'
import { mediaMemberCollection } from '../../src/media/memberCollection'

/** Alt text and a full text alternative are what make an infographic readable without seeing it. */
const requiredText = (en: string, zh: string) =>
  validateText((value, req) => (value.trim() ? true : pick(req, { en: `[accessibility] ${en}`, zh: `【无障碍】${zh}` })))

export const Infographics: CollectionConfig = mediaMemberCollection({
  slug: 'infographics',
  labels: { singular: L('政策图解', 'Infographic'), plural: L('政策图解', 'Infographics') },
  description: L(
    '一图读懂：上传 PNG/JPEG/WebP（SVG 转为 PNG），系统生成 WebP/AVIF 各尺寸、长图切片、缩略图和分享卡片。',
    'Policy infographics: upload PNG/JPEG/WebP (SVG is rasterised); WebP/AVIF sizes, long-image tiles, a thumbnail and a share card are generated.',
  ),
  policyLabel: L('所解读的政策文件', 'Policy interpreted'),
  defaultColumns: ['title', 'policy', 'department', 'longImage', 'updatedAt'],
  upload: { kind: 'image', mimeTypes: IMAGE_TYPES.map((t) => t.mime), filesRequiredOnCreate: true },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      label: L('替代文本', 'Alt text'),
      admin: { description: L('一句话概括图片内容，供读屏软件朗读', 'One sentence describing the image, read by screen readers') },
      validate: requiredText('an infographic needs alt text.', '政策图解必须填写替代文本。'),
    },
    {
      name: 'textAlternative',
      type: 'textarea',
      required: true,
      label: L('文字版内容', 'Text alternative'),
      admin: {
        description: L(
          '图解的全部文字内容，供读屏软件和站内搜索使用',
          'The whole content of the infographic as text, for screen readers and search',
        ),
      },
      validate: requiredText('an infographic needs its full content as text (text alternative).', '政策图解必须提供文字版内容。'),
    },
    {
      type: 'row',
      fields: [
        { name: 'designer', type: 'text', label: L('设计', 'Designer') },
        { name: 'editor', type: 'text', label: L('责任编辑', 'Editor') },
      ],
    },
    {
      name: 'longImage',
      type: 'checkbox',
      label: L('长图', 'Long image'),
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: L('高度超过宽度两倍，已切片', 'Taller than twice its width; tiled') },
    },
  ],
})
