import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

type LexicalNode = { children?: LexicalNode[]; text?: string; type?: string }

/** Plain text of a Lexical document (paragraphs joined by newlines); '' for empty or missing content. */
export function lexicalPlainText(value: unknown): string {
  const root = (value as { root?: LexicalNode } | null | undefined)?.root
  if (!root) return ''
  const walk = (node: LexicalNode): string => {
    if (typeof node.text === 'string') return node.text
    const inner = (node.children ?? []).map(walk).join('')
    return node.type === 'paragraph' || node.type === 'heading' || node.type === 'listitem' ? `${inner}\n` : inner
  }
  return walk(root).trim()
}

/** A stored rich-text value as Lexical's editor state (its shape is checked on every write: src/richText/validate.ts). */
export const isEditorState = (value: unknown): value is SerializedEditorState =>
  typeof value === 'object' && value !== null && 'root' in value && typeof value.root === 'object' && value.root !== null

/** A Lexical document with one paragraph per line, for seeds and tests. */
export function lexicalFromText(text: string) {
  return {
    root: {
      type: 'root',
      direction: 'ltr' as const,
      format: '' as const,
      indent: 0,
      version: 1,
      children: text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => ({
          type: 'paragraph',
          direction: 'ltr' as const,
          format: '' as const,
          indent: 0,
          textFormat: 0,
          version: 1,
          children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: line, version: 1 }],
        })),
    },
  }
}
