/**
 * When a media record counts as the package's interpretation material (同步起草): only with the content that
 * makes it readable by everyone, not as a placeholder.
 */
const text = (value: unknown) => String(value ?? '').trim().length > 0

/** An infographic with its image, alt text and full text alternative. */
export const infographicHasContent = (doc: unknown): boolean => {
  const d = doc as { alt?: string; filename?: string; textAlternative?: string }
  return Boolean(d.filename) && text(d.alt) && text(d.textAlternative)
}

/** A video (file or allowed link) with its transcript. */
export const videoHasContent = (doc: unknown): boolean => {
  const d = doc as { externalUrl?: string; filename?: string; transcript?: string }
  return (Boolean(d.filename) || text(d.externalUrl)) && text(d.transcript)
}

/** An interview with a transcript: an announcement alone explains nothing yet. */
export const interviewHasContent = (doc: unknown): boolean =>
  ((doc as { segments?: { text?: string }[] }).segments ?? []).some((s) => text(s.text))
