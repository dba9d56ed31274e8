import { deflateRawSync, deflateSync } from 'node:zlib'
import sharp from 'sharp'

import { lexicalFromText } from '../../src/richText/plainText'
import { forgePngSize, makeBomb, makeImage, makeNoise, makeVideo } from '../fixtures/media/make'
import type { Department } from '../../payload-types'
import { interpretationData, policyData } from '../helpers/world'
import type { Fixtures } from './corpus'

/**
 * Named generators for the abuse corpus (tests/abuse/*.json). Everything large or dangerous — bombs, polyglots,
 * multi-megabyte bodies — is made here on the spot, deterministically; nothing of the kind is committed.
 */

const repeat = (text: string, times: number) => text.repeat(times)

/** Department A as policyData needs it (its id and 机关代字). */
const deptA = (f: Fixtures) => ({ id: f.deptA, shortName: String(f.deptAShortName) }) as Department

// ---------------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------------

/** A ZIP archive with the given entries, each deflated (local headers, central directory, end record). */
function zip(entries: { data: Buffer; name: string }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { data, name } of entries) {
    const packed = deflateRawSync(data, { level: 9 })
    const nameBytes = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    const localPart = Buffer.concat([local, nameBytes, packed])
    locals.push(localPart)
    centrals.push(Buffer.concat([central, nameBytes]))
    offset += localPart.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

/** A PDF whose catalog is in a compressed object stream, with an OpenAction running JavaScript. */
function pdfWithHiddenScript(): Buffer {
  const objects =
    '1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj 3 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj'
  const packed = deflateSync(Buffer.from(objects))
  return Buffer.concat([
    Buffer.from(`%PDF-1.5\n4 0 obj\n<</Type/ObjStm/N 3/First 0/Filter/FlateDecode/Length ${packed.length}>>\nstream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer<</Size 5/Root 1 0 R>>\nstartxref\n9\n%%EOF\n', 'latin1'),
  ])
}

/** The classic entity expansion (“billion laughs”) in an SVG: ten levels of ten references each. */
function svgBillionLaughs(levels: number): Buffer {
  const entities = ['<!ENTITY lol0 "lol">']
  for (let i = 1; i < levels; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`)
  return Buffer.from(
    `<?xml version="1.0"?>\n<!DOCTYPE svg [\n${entities.join('\n')}\n]>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&lol${levels - 1};</text></svg>`,
  )
}

export const FILE_GENERATORS: Record<string, (...args: any[]) => Buffer | Promise<Buffer>> = {
  text: (text: string) => Buffer.from(text),
  png: (width: number, height: number) => makeImage(width, height),
  jpeg: (width: number, height: number) => makeImage(width, height, 'jpeg'),
  /** Random pixels: about width × height × 3 bytes, for size limits. */
  noisePng: (width: number, height: number) => makeNoise(width, height),
  /** A real decompression bomb: one colour over many pixels, a few hundred KiB on disk. */
  whitePng: (width: number, height: number) => makeBomb(width, height),
  /** A small PNG whose header (with a valid CRC) claims width × height. */
  forgedPng: (width: number, height: number) => forgePngSize(width, height),
  truncatedPng: async (fraction: number) => {
    const png = await makeImage(400, 300)
    return png.subarray(0, Math.floor(png.length * fraction))
  },
  pngSignatureThenGarbage: async () => Buffer.concat([(await makeImage(400, 300)).subarray(0, 33), Buffer.alloc(2000, 0x5a)]),
  /** A valid PNG with another file glued after IEND: an HTML page, or a ZIP archive. */
  pngPolyglot: async (kind: 'html' | 'zip') =>
    Buffer.concat([
      await makeImage(120, 80),
      kind === 'html'
        ? Buffer.from('<html><body><script>alert(document.domain)</script></body></html>')
        : zip([{ name: 'payload.js', data: Buffer.from('alert(1)') }]),
    ]),
  webpPolyglot: async () =>
    Buffer.concat([
      await sharp(await makeImage(120, 80))
        .webp()
        .toBuffer(),
      Buffer.from('<script>alert(1)</script>'),
    ]),
  svgBillionLaughs,
  /** A .docx-shaped ZIP whose one entry expands to `mib` MiB of zeros. */
  docxBomb: (mib: number) =>
    zip([
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: 'word/document.xml', data: Buffer.alloc(mib * 1024 * 1024, 0x20) },
    ]),
  pdfWithHiddenScript,
  /** A one-page PDF with nothing active in it. */
  plainPdf: () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\nxref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n9\n%%EOF\n',
      'latin1',
    ),
  video: (format: 'mp4' | 'webm') => makeVideo(format),
  truncatedMp4: async () => (await makeVideo('mp4')).subarray(0, 1200),
}

// ---------------------------------------------------------------------------------------------------------------
// Values inside JSON bodies (`{ "@generate": name, "args": [...] }` in the data files)
// ---------------------------------------------------------------------------------------------------------------

export const VALUE_GENERATORS: Record<string, (...args: any[]) => unknown> = {
  repeat,
  /** A Lexical document of `chars` characters of Chinese text in paragraphs of 200. */
  richText: (chars: number) => lexicalFromText(Array.from({ length: Math.ceil(chars / 200) }, () => '政'.repeat(200)).join('\n')),
  /** Lexical JSON with one paragraph holding `node` (a link, a heading…) around a text. */
  richTextWith: (node: Record<string, unknown>) => ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        node.type === 'heading' || node.type === 'list' || node.type === 'paragraph'
          ? node
          : { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, children: [node] },
      ],
    },
  }),
  lexicalText: (text: string) => lexicalFromText(text),
  /** Lexical JSON of `depth` bullet lists, each the only item of the one above. */
  nestedLists: (depth: number) => {
    const text = { type: 'text', version: 1, text: '最里层', format: 0, mode: 'normal', style: '', detail: 0 }
    let node: Record<string, unknown> = text
    for (let i = 0; i < depth; i++) {
      const item = { type: 'listitem', version: 1, value: 1, direction: null, format: '', indent: 0, children: [node] }
      node = { type: 'list', listType: 'bullet', tag: 'ul', start: 1, version: 1, direction: null, format: '', indent: 0, children: [item] }
    }
    return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [node] } }
  },
}

// ---------------------------------------------------------------------------------------------------------------
// Raw bodies (`raw.generator`): text that is not a JSON document of ours
// ---------------------------------------------------------------------------------------------------------------

export const RAW_GENERATORS: Record<string, (fixtures: Fixtures, ...args: any[]) => string> = {
  /** A policy as JSON text, for sending under another Content-Type. */
  policyJson: (f) => JSON.stringify(policyData(deptA(f))),
  /** An otherwise valid policy whose JSON holds a field nested `depth` arrays deep. */
  deeplyNested: (f, depth: number) => `{"junk":${'['.repeat(depth)}${']'.repeat(depth)},${JSON.stringify(policyData(deptA(f))).slice(1)}`,
  /** Valid JSON text with a literal "__proto__" key (JSON.parse makes it an own property). */
  policyWithProtoKey: (f) => `{"__proto__":{"polluted":"yes"},${JSON.stringify(policyData(deptA(f))).slice(1)}`,
  multipartTruncated: () => '--abuse\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":"x"}\r\n--abuse\r\nContent-Disp',
  multipartBadPayload: () => '--abuse\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{not json\r\n--abuse--\r\n',
}

// ---------------------------------------------------------------------------------------------------------------
// JSON bodies (`build.from`): a valid document to which a case applies its one bad change
// ---------------------------------------------------------------------------------------------------------------

export const BODY_BUILDERS: Record<string, (f: Fixtures) => Record<string, unknown>> = {
  /** A valid policy of department A (fresh title and document number each time). */
  policy: (f) => policyData(deptA(f)),
  /** A valid text interpretation of the drafting policy of department A. */
  interpretation: (f) => interpretationData(f.draftA, { title: '解读：测试政策' }),
  consultation: () => ({
    title: '征求意见公告（测试）',
    announced: false,
    opensAt: '2020-01-02T00:00:00.000Z',
    closesAt: '2020-02-01T00:00:00.000Z',
  }),
  infographic: (f) => ({ title: '一图读懂（测试）', policy: f.draftA, alt: '测试长图', textAlternative: '一、测试内容' }),
  video: (f) => ({ title: '视频解读（测试）', policy: f.draftA, transcript: '各位网友大家好。' }),
  user: (f) => ({ email: 'abuse@demo.gov.cn', password: 'demo1234', roles: ['viewer'], department: f.deptA }),
  interview: (f) => ({ title: '在线访谈（测试）', policy: f.draftA, scheduledAt: '2026-12-01T02:00:00.000Z', host: { name: '李主持' } }),
}
