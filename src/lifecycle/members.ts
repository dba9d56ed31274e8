import type { Interpretation } from '../../payload-types'

import { type Bilingual, L } from '../i18n'
import { infographicHasContent, interviewHasContent, videoHasContent } from '../media/membership'
import { lexicalPlainText } from '../richText/plainText'

/** An interpretation counts only with content: a body, or for a 明白卡 its four structured fields. */
export const interpretationHasContent = (doc: Pick<Interpretation, 'body' | 'card' | 'form'>): boolean => {
  if (doc.form === 'card') {
    const card = doc.card ?? {}
    return Boolean(card.beneficiaries?.trim() && card.standard?.trim() && card.process?.trim() && card.basis?.trim())
  }
  return lexicalPlainText(doc.body).length > 0
}

/**
 * The collections whose documents are members of a policy's package: drafted, frozen, released and withdrawn
 * with it (see packageMember.ts for the shared fields, hooks and access). Media collections join here.
 */
export const PACKAGE_MEMBERS = [
  {
    slug: 'interpretations',
    label: L('解读材料', 'interpretation'),
    /** Whether this member counts as the package's interpretation (同步起草). */
    hasContent: (doc: unknown) => interpretationHasContent(doc as Interpretation),
  },
  { slug: 'infographics', label: L('政策图解', 'infographic'), hasContent: infographicHasContent },
  { slug: 'videos', label: L('视频解读', 'video'), hasContent: videoHasContent },
  { slug: 'interviews', label: L('在线访谈', 'online interview'), hasContent: interviewHasContent },
] as const satisfies readonly { hasContent: (doc: unknown) => boolean; label: Bilingual; slug: string }[]

export type MemberSlug = (typeof PACKAGE_MEMBERS)[number]['slug']

export const memberLabel = (slug: string): Bilingual => PACKAGE_MEMBERS.find((m) => m.slug === slug)?.label ?? L('材料', 'member')
