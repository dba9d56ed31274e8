import type { PayloadRequest } from 'payload'

import type { Bilingual } from '../i18n'
import { type RuleCode, type RuleDocument, RuleViolation } from '../rules/errors'

/** The rules media uploads and interview records are held to, named as the refusals name them. */
export const MEDIA_RULES = {
  upload: { en: 'safe media upload', zh: '媒体文件安全上传' },
  accessibility: { en: 'accessibility', zh: '无障碍' },
  videoSource: { en: 'video source', zh: '视频来源' },
  captions: { en: 'WebVTT captions', zh: 'WebVTT 字幕' },
  liveRecord: { en: 'online interview record', zh: '在线访谈实录' },
} satisfies Record<string, Bilingual>

export type MediaRefusal = {
  document?: RuleDocument
  hint: Bilingual
  message: Bilingual
  rule: RuleCode
  ruleName?: Bilingual
  status: number
}

/** A RuleViolation for media: upload rules unless another rule name is given. */
export const mediaRefusal = (req: PayloadRequest | undefined, r: MediaRefusal): RuleViolation =>
  new RuleViolation(req, { ...r, ruleName: r.ruleName ?? MEDIA_RULES.upload })

const MIB = 1024 * 1024
export const formatBytes = (bytes: number): string =>
  bytes >= MIB ? `${(bytes / MIB).toFixed(bytes % MIB ? 1 : 0)} MiB` : `${Math.ceil(bytes / 1024)} KiB`
