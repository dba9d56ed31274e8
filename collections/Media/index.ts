import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { createInOwnDepartment, ownDepartment } from '../../src/access/ownDepartment'
import { departmentOrPublic } from '../../src/access/departmentOrPublic'
import { departmentField } from '../../src/fields/department'
import { GROUPS } from '../../src/groups'
import { enforceDepartmentScope } from '../../src/hooks/enforceDepartmentScope'
import { L, pick } from '../../src/i18n'
import { checkAttachmentFile } from '../../src/media/attachmentChecks'
import { mediaDir } from '../../src/paths'

export const Media: CollectionConfig<'media'> = {
  slug: 'media',
  labels: { singular: L('媒体文件', 'Media file'), plural: L('媒体文件', 'Media files') },
  admin: { group: GROUPS.media, useAsTitle: 'filename', defaultColumns: ['filename', 'alt', 'department', 'mimeType'] },
  access: {
    // Files follow their department until the release wiring marks them public ([workflow] / [content-api]).
    read: departmentOrPublic({ public: { equals: true } }),
    create: createInOwnDepartment(['drafter', 'editor']),
    update: ownDepartment(['drafter', 'editor']),
    delete: ownDepartment(['drafter', 'editor']),
  },
  // Pixel limit, PDF active content and ZIP expansion are checked before Payload stores or decodes the file.
  hooks: { beforeOperation: [checkAttachmentFile], beforeChange: [enforceDepartmentScope] },
  upload: {
    // Absolute: a relative staticDir would follow the working directory of whichever command runs.
    staticDir: mediaDir(),
    mimeTypes: [
      'image/png',
      'image/jpeg',
      'image/webp',
      'application/pdf',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/ofd',
    ],
    imageSizes: [
      { name: 'thumbnail', width: 300 },
      { name: 'card', width: 768 },
      { name: 'large', width: 1600 },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: L('替代文本', 'Alt text'),
      admin: { description: L('图片必填，供读屏软件使用', 'Required for images (screen readers)') },
      validate: ((value, { data, req }) =>
        String((data as { mimeType?: string }).mimeType ?? '').startsWith('image/') && !String(value ?? '').trim()
          ? pick(req, {
              en: '[accessibility] images need alt text describing them.',
              zh: '【无障碍】图片必须填写替代文本。',
            })
          : true) as TextFieldSingleValidation,
    },
    {
      name: 'public',
      type: 'checkbox',
      defaultValue: false,
      label: L('公开', 'Public'),
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true, description: L('随所属文件发布后公开', 'Public once released with its document') },
    },
    departmentField(),
  ],
}
