import type { PayloadRequest } from 'payload'

/** A label in both languages the admin ships with; Payload picks one by the user's language. */
export type Bilingual = { en: string; zh: string }

export const L = (zh: string, en: string): Bilingual => ({ en, zh })

/** Picks the request's language for messages built at run time (hooks, endpoints). Chinese is the default. */
export const pick = (req: Pick<PayloadRequest, 'i18n'> | undefined, text: Bilingual): string =>
  req?.i18n?.language === 'en' ? text.en : text.zh
