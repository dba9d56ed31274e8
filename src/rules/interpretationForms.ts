import { L } from '../i18n'

/** The forms of a text interpretation (解读形式); media forms are their own collections. */
export const INTERPRETATION_FORMS = [
  { label: L('文字解读', 'Text interpretation'), value: 'text' },
  { label: L('主要负责同志解读', 'Leader interpretation'), value: 'leader' },
  { label: L('专家解读', 'Expert interpretation'), value: 'expert' },
  { label: L('媒体解读', 'Media interpretation'), value: 'media' },
  { label: L('明白卡', 'Plain-language card'), value: 'card' },
] as const
