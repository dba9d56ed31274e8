import sharp from 'sharp'

/**
 * SVG is a document that can carry scripts, event handlers, external references and entity bombs. It is
 * accepted only by rasterising it to PNG (the SVG itself is never stored or served), and only when it has none
 * of those: a file that tries is refused rather than silently altered.
 */
const UNSAFE: { en: string; pattern: RegExp; zh: string }[] = [
  { pattern: /<!DOCTYPE|<!ENTITY/i, en: 'a DOCTYPE or entity declaration', zh: 'DOCTYPE 或实体声明' },
  { pattern: /<script[\s>/]/i, en: 'a <script> element', zh: '<script> 脚本元素' },
  { pattern: /\son[a-z]+\s*=/i, en: 'an event handler attribute (on…=)', zh: '事件处理属性（on…=）' },
  { pattern: /<(foreignObject|iframe|embed|object|audio|video)[\s>/]/i, en: 'embedded foreign content', zh: '嵌入的外部内容' },
  { pattern: /javascript:/i, en: 'a javascript: URL', zh: 'javascript: 链接' },
  {
    pattern: /(?:xlink:)?href\s*=\s*["'](?!#|data:image\/(?:png|jpeg|webp|gif);base64,)/i,
    en: 'a reference to an external resource',
    zh: '对外部资源的引用',
  },
  { pattern: /url\(\s*["']?(?!#)/i, en: 'a CSS url() to an external resource', zh: '引用外部资源的 CSS url()' },
  { pattern: /@import/i, en: 'a CSS @import', zh: 'CSS @import' },
]

export type SvgProblem = { en: string; line: number; zh: string }

export function svgProblem(text: string): null | SvgProblem {
  for (const { en, pattern, zh } of UNSAFE) {
    const match = pattern.exec(text)
    if (match) return { en, zh, line: text.slice(0, match.index).split('\n').length }
  }
  return null
}

/** Renders an SVG to PNG at least `minWidth` wide (vector art scales), within the pixel limit. */
export async function rasteriseSvg(
  bytes: Buffer,
  { maxPixels, minWidth }: { maxPixels: number; minWidth: number },
): Promise<{ height: number; png: Buffer; width: number }> {
  const meta = await sharp(bytes, { limitInputPixels: maxPixels }).metadata()
  const width = meta.width ?? 0
  const scale = width > 0 && width < minWidth ? Math.min(4, minWidth / width) : 1
  const { data, info } = await sharp(bytes, { density: 72 * scale, limitInputPixels: maxPixels })
    .png()
    .toBuffer({ resolveWithObject: true })
  return { png: data, width: info.width, height: info.height }
}
