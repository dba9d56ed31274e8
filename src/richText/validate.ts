import type { RichTextFieldValidation } from 'payload'

import { richText } from 'payload/shared'

import { type Bilingual, pick } from '../i18n'

/**
 * Rich text arrives as Lexical JSON from any client. Payload's own check runs node validations only for the node
 * types it knows and accepts anything else: a string, `{ root: "x" }`, nodes of types no feature renders, or tens
 * of megabytes. Those are refused here with the field named; Payload's check then runs as before.
 */

/** Serialized size allowed for one rich-text field: several hundred thousand characters of Chinese text. */
export const MAX_RICH_TEXT_BYTES = 2 * 1024 * 1024
const MAX_DEPTH = 50
/** Lexical's own node types, which features do not list. */
const CORE_TYPES = ['root', 'paragraph', 'text', 'linebreak', 'tab']

type Node = Record<string, unknown>
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The node types the configured editor's features register (paragraph, heading, list, link, upload…). */
function registeredTypes(editor: unknown): null | Set<string> {
  const nodes = (editor as { editorConfig?: { features?: { nodes?: { node?: unknown }[] } } } | undefined)?.editorConfig?.features?.nodes
  if (!Array.isArray(nodes)) return null
  const types = new Set(CORE_TYPES)
  for (const { node } of nodes) {
    const klass = (isObject(node) && 'replace' in node ? node.replace : node) as { getType?: () => string } | undefined
    if (typeof klass?.getType === 'function') types.add(klass.getType())
  }
  return types
}

export function richTextProblem(value: unknown, types: null | Set<string>): Bilingual | null {
  if (!isObject(value) || !isObject(value.root) || value.root.type !== 'root' || !Array.isArray(value.root.children)) {
    return {
      en: 'is not a Lexical document ({ "root": { "type": "root", "children": [ … ] } })',
      zh: '不是 Lexical 富文本文档（应为 { "root": { "type": "root", "children": [ … ] } }）',
    }
  }
  const walk = (node: unknown, depth: number): Bilingual | null => {
    if (depth > MAX_DEPTH) return { en: `is nested more than ${MAX_DEPTH} levels deep`, zh: `嵌套超过 ${MAX_DEPTH} 层` }
    if (!isObject(node) || typeof node.type !== 'string') return { en: 'contains a node without a type', zh: '含有缺少类型（type）的节点' }
    if (types && !types.has(node.type)) {
      const shown = JSON.stringify(node.type.slice(0, 40))
      return { en: `contains a node of unknown type ${shown}`, zh: `含有未知类型的节点 ${shown}` }
    }
    if (node.type === 'text' && typeof node.text !== 'string')
      return { en: 'contains a text node without text', zh: '含有缺少文字（text）的文本节点' }
    if ('children' in node) {
      if (!Array.isArray(node.children))
        return { en: `has a ${node.type} node whose children are not a list`, zh: `的 ${node.type} 节点 children 不是列表` }
      for (const child of node.children) {
        const problem = walk(child, depth + 1)
        if (problem) return problem
      }
    }
    return null
  }
  return walk(value.root, 0)
}

/** A rich-text field's validation: shape, known node types and size, then Payload's (node validations, required). */
export const validRichText =
  (label: Bilingual): RichTextFieldValidation =>
  async (value, options) => {
    if (value !== null && value !== undefined) {
      const problem = richTextProblem(value, registeredTypes(options.editor))
      if (problem) return pick(options.req, { en: `[${label.en}] ${problem.en}.`, zh: `【${label.zh}】${problem.zh}。` })
      const bytes = Buffer.byteLength(JSON.stringify(value))
      if (bytes > MAX_RICH_TEXT_BYTES) {
        const size = (n: number) => `${(n / 1048576).toFixed(1)} MiB`
        return pick(options.req, {
          en: `[${label.en}] is ${size(bytes)}; at most ${size(MAX_RICH_TEXT_BYTES)} are allowed. Attach long texts as files.`,
          zh: `【${label.zh}】大小为 ${size(bytes)}，超过上限 ${size(MAX_RICH_TEXT_BYTES)}；篇幅很长的内容请作为附件上传。`,
        })
      }
    }
    return richText(value, options)
  }
