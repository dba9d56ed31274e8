import { L } from './i18n'

/** Admin navigation groups. */
export const GROUPS = {
  content: L('政策与解读', 'Policies & interpretations'),
  media: L('媒体资源', 'Media'),
  organisation: L('机构与用户', 'Organisation & users'),
  disclosure: L('政务公开', 'Government openness'),
}
