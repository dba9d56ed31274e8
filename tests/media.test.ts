import { handleEndpoints } from 'payload'

import { asStoredId } from '../src/ids'
import { mediaDir } from '../src/paths'
import { fileStoreOf } from '../src/storage/fileStore'
import { forgePngSize, form, listFiles, makeBomb, makeImage, makeNoise, makeVideo } from './fixtures/media/make'
import { packages } from './fixtures/packages'
import { fieldErrors, firstError, interpretationData, policyData, startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

type Role = Parameters<World['token']>[0]

const act = async (id: number | string, action: string, role: Role, body: object = {}) =>
  w.rest.post(`/policies/${id}/workflow/${action}`, body, await w.token(role))

/** A policy of department A in drafting; with an interpretation when the package must be able to leave drafting. */
async function draftPolicy(withInterpretation = false) {
  const token = await w.token('drafter')
  const policy = (await w.rest.post('/policies', policyData(w.a), token)).body.doc
  expect(policy?.id).toBeDefined()
  if (withInterpretation) {
    expect((await w.rest.post('/interpretations', interpretationData(policy.id, { title: `解读-${policy.id}` }), token)).status).toBe(201)
  }
  return policy
}

async function submitAndSign(policyId: number | string) {
  await packages(w).walk(policyId, 'signed', {
    onStep: ({ action, body, status }) => expect([action, status, body?.errors?.[0]?.message]).toEqual([action, 200, undefined]),
  })
}

async function release(policyId: number | string) {
  await submitAndSign(policyId)
  expect((await act(policyId, 'release', 'signer')).status).toBe(200)
}

const infographicData = (policy: number | string, extra: Record<string, unknown> = {}) => ({
  title: '一图读懂：惠农政策',
  policy: asStoredId(policy),
  alt: '惠农政策要点长图',
  textAlternative: '一、补贴对象……二、补贴标准……三、申领流程……',
  designer: '张三',
  ...extra,
})

const postInfographic = async (file: Buffer | null, name: string, data: Record<string, unknown>, role: Role = 'editor', second = false) =>
  w.rest.call('POST', '/infographics', { body: form(file, name, 'image/png', data), token: await w.token(role, second) })

const count = async (collection: 'infographics' | 'interviews' | 'videos') => (await w.payload.count({ collection })).totalDocs

/** Runs a request that must be refused, and checks that neither a record nor a file was left behind. */
async function refusedCleanly(collection: 'infographics' | 'videos', send: () => Promise<{ body: any; status: number }>) {
  const docsBefore = await count(collection)
  const filesBefore = await storedFiles()
  const res = await send()
  expect(await count(collection)).toBe(docsBefore)
  expect(await storedFiles()).toEqual(filesBefore)
  return res
}

/** The test's file store (local MEDIA_DIR, or its prefix in the S3 bucket under STORAGE=s3): keys under `prefix`. */
const storedFiles = async (prefix = '') =>
  (await fileStoreOf(w.payload).list()).filter((k: string) => k.startsWith(prefix)).map((k: string) => k.slice(prefix.length))
const stored = (key: string) => fileStoreOf(w.payload).exists(key)

const pathOf = (url: string) => url.replace(/^.*\/api/, '')

/** Sets env vars for one block and restores them. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  try {
    return await fn()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

describe('infographics', () => {
  test('a 1080×12000 long image gets WebP and AVIF sizes, bounded tiles, a thumbnail and a share card, all with dimensions', async () => {
    const policy = await draftPolicy()
    const res = await postInfographic(await makeImage(1080, 12000), '惠农长图.png', infographicData(policy.id))
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect([doc.mimeType, doc.width, doc.height, doc.longImage]).toEqual(['image/png', 1080, 12000, true])
    expect(String(doc.department?.id ?? doc.department)).toBe(String(w.a.id))
    const rows = doc.derivatives as any[]
    const variants = rows.filter((r) => r.kind === 'variant').map((r) => `${r.format}:${r.width}x${r.height}`)
    expect(variants.sort()).toEqual(['avif:1080x12000', 'avif:480x5333', 'webp:1080x12000', 'webp:480x5333'])
    const tiles = rows.filter((r) => r.kind === 'tile')
    expect(tiles.filter((t) => t.format === 'webp')).toHaveLength(10)
    expect(tiles.filter((t) => t.format === 'avif')).toHaveLength(10)
    expect(tiles.every((t) => t.width === 1080 && t.height <= 1200)).toBe(true)
    expect(tiles.filter((t) => t.format === 'webp').reduce((sum, t) => sum + t.height, 0)).toBe(12000)
    expect(rows.find((r) => r.kind === 'thumbnail')).toMatchObject({ width: 320, height: 320, format: 'webp' })
    expect(rows.find((r) => r.kind === 'share')).toMatchObject({ width: 1200, height: 630, format: 'jpeg', mimeType: 'image/jpeg' })
    for (const r of rows) expect(r.filesize).toBeGreaterThan(0)

    const token = await w.token('editor')
    const tile = await w.rest.get(pathOf(tiles[0].url), token)
    expect(tile.status).toBe(200)
    expect(tile.headers.get('content-type')).toBe('image/webp')
    expect((await w.rest.get(pathOf(doc.url), token)).status).toBe(200)
    for (const r of rows) expect(await stored(`infographics/derived/${r.filename}`)).toBe(true)
  })

  test('type by content, not by name: a JPEG called .png is stored as JPEG; a clean SVG is rasterised to PNG', async () => {
    const policy = await draftPolicy()
    const jpeg = await postInfographic(await makeImage(800, 600, 'jpeg'), 'photo.png', infographicData(policy.id))
    expect(jpeg.status).toBe(201)
    expect(jpeg.body.doc.mimeType).toBe('image/jpeg')
    expect(jpeg.body.doc.filename).toMatch(/\.jpg$/)
    expect(jpeg.body.doc.longImage).toBe(false)
    expect(jpeg.body.doc.derivatives.some((r: any) => r.kind === 'tile')).toBe(false)

    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="540" height="300"><rect width="540" height="300" fill="#c00"/><text x="20" y="150" font-size="40">政策图解</text></svg>',
    )
    const res = await postInfographic(svg, 'chart.svg', infographicData(policy.id))
    expect(res.status).toBe(201)
    expect([res.body.doc.mimeType, res.body.doc.width]).toEqual(['image/png', 1080])
    expect(res.body.doc.filename).toMatch(/^chart(-\d+)?\.png$/)
  })

  test('system uploads through the Local API get the same checks and derivatives', async () => {
    const policy = await draftPolicy()
    const bytes = await makeImage(500, 1500)
    const file = { data: bytes, mimetype: 'application/octet-stream', name: 'seeded.png', size: bytes.length }
    const doc = (await w.payload.create({ collection: 'infographics', data: infographicData(policy.id), file })) as any
    expect([doc.mimeType, doc.longImage, doc.derivatives.filter((r: any) => r.kind === 'tile').length]).toEqual(['image/png', true, 4])
    const text = Buffer.from('plain text')
    await expect(
      w.payload.create({
        collection: 'infographics',
        data: infographicData(policy.id),
        file: { data: text, mimetype: 'image/png', name: 'x.png', size: text.length },
      }),
    ).rejects.toMatchObject({ status: 415 })
  })

  test('every bad file is refused with its rule and nothing is stored', async () => {
    const policy = await draftPolicy()
    const data = infographicData(policy.id)
    const png = await makeImage(400, 300)
    const cases: [string, () => Promise<Buffer>, string, number, string][] = [
      ['text named .png', async () => Buffer.from('just some text, not an image'), 'notes.png', 415, 'media-file-type'],
      ['a PDF', async () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), 'doc.png', 415, 'media-file-type'],
      ['an MP4', () => makeVideo('mp4'), 'clip.png', 415, 'media-file-type'],
      [
        'SVG with a script',
        async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>'),
        'x.svg',
        422,
        'media-svg-unsafe',
      ],
      [
        'SVG with an external image',
        async () =>
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="http://evil.example/a.png"/></svg>',
          ),
        'x.svg',
        422,
        'media-svg-unsafe',
      ],
      [
        'SVG with an entity bomb',
        async () =>
          Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'),
        'x.svg',
        422,
        'media-svg-unsafe',
      ],
      ['a truncated PNG', async () => png.subarray(0, Math.floor(png.length * 0.6)), 'cut.png', 422, 'media-file-corrupt'],
      [
        'PNG signature then garbage',
        async () => Buffer.concat([png.subarray(0, 33), Buffer.alloc(2000, 0x5a)]),
        'garbage.png',
        422,
        'media-file-corrupt',
      ],
      ['a header claiming 60000×60000', () => forgePngSize(60000, 60000), 'bomb.png', 413, 'media-pixel-limit'],
    ]
    for (const [what, make, name, status, rule] of cases) {
      const res = await refusedCleanly('infographics', async () => postInfographic(await make(), name, data))
      expect([what, res.status, firstError(res.body).data?.rule]).toEqual([what, status, rule])
      expect(firstError(res.body).message).toContain(name)
    }
    const svg = await refusedCleanly('infographics', async () =>
      postInfographic(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n<rect onclick="x()"/></g></svg>'), 'h.svg', data),
    )
    expect(firstError(svg.body).message).toContain('第 3 行')
  })

  test('decompression bombs and oversize files are refused under configurable limits', async () => {
    const policy = await draftPolicy()
    const data = infographicData(policy.id)
    await withEnv({ MEDIA_MAX_PIXELS: '20000000' }, async () => {
      const res = await refusedCleanly('infographics', async () => postInfographic(await makeBomb(6000, 4000), 'white.png', data))
      expect([res.status, firstError(res.body).data.rule]).toEqual([413, 'media-pixel-limit'])
      expect(firstError(res.body).message).toContain('6000 × 4000')
    })
    await withEnv({ MEDIA_MAX_IMAGE_MB: '0.05' }, async () => {
      const res = await refusedCleanly('infographics', async () => postInfographic(await makeNoise(200, 200), 'noise.png', data))
      expect([res.status, firstError(res.body).data.rule]).toEqual([413, 'media-file-size'])
      expect(firstError(res.body).data.hint).toContain('MEDIA_MAX_IMAGE_MB')
    })
  })

  test('alt text, text alternative and the file itself are required; nothing is half-stored', async () => {
    const policy = await draftPolicy()
    const png = await makeImage(400, 300)
    const noAlt = await refusedCleanly('infographics', () => postInfographic(png, 'a.png', infographicData(policy.id, { alt: '' })))
    expect(noAlt.status).toBe(400)
    expect(fieldErrors(noAlt.body).alt).toContain('替代文本')
    const noText = await refusedCleanly('infographics', () =>
      postInfographic(png, 'a.png', infographicData(policy.id, { textAlternative: '  ' })),
    )
    expect(fieldErrors(noText.body).textAlternative).toContain('文字版')
    const noFile = await refusedCleanly('infographics', () => postInfographic(null, 'a.png', infographicData(policy.id)))
    expect([noFile.status, firstError(noFile.body).data.rule]).toEqual([400, 'media-file-required'])
  })

  test('who may upload: editors and drafters of the policy’s department only', async () => {
    const policy = await draftPolicy()
    const png = await makeImage(300, 200)
    const data = infographicData(policy.id)
    expect((await postInfographic(png, 'd.png', data, 'drafter')).status).toBe(201)
    expect((await refusedCleanly('infographics', () => postInfographic(png, 'v.png', data, 'viewer'))).status).toBe(403)
    expect((await refusedCleanly('infographics', () => postInfographic(png, 'r.png', data, 'reviewer'))).status).toBe(403)
    const otherDept = await refusedCleanly('infographics', () => postInfographic(png, 'b.png', data, 'editor', true))
    expect([otherDept.status, firstError(otherDept.body).data.rule]).toEqual([403, 'department-scope'])
    const anonymous = await refusedCleanly('infographics', () =>
      w.rest.call('POST', '/infographics', { body: form(png, 'x.png', 'image/png', data) }),
    )
    expect(anonymous.status).toBe(403)
  })

  test('anonymous readers never see an unreleased infographic: not the record, the file or a derivative', async () => {
    const policy = await draftPolicy()
    const doc = (await postInfographic(await makeImage(600, 3000), 'long.png', infographicData(policy.id))).body.doc
    const tile = doc.derivatives.find((r: any) => r.kind === 'tile')
    const paths = [`/infographics/${doc.id}`, pathOf(doc.url), pathOf(tile.url)]
    const statuses = async (token?: string) => Promise.all(paths.map(async (p) => (await w.rest.get(p, token)).status))
    const hidden = async (token?: string) => (await statuses(token)).every((s) => s === 403 || s === 404)

    expect(await hidden()).toBe(true)
    expect(await hidden(await w.token('editor', true))).toBe(true)
    expect((await w.rest.get(`/infographics?where[id][equals]=${doc.id}`)).body.totalDocs).toBe(0)
    await submitAndSign(policy.id)
    expect(await hidden()).toBe(true)
    expect((await act(policy.id, 'release', 'signer')).status).toBe(200)
    expect(await statuses()).toEqual([200, 200, 200])
    expect((await act(policy.id, 'withdraw', 'signer', { reason: '政策调整' })).status).toBe(200)
    expect(await hidden()).toBe(true)
  })

  test('an infographic alone carries a package through submission; it is then frozen, file included', async () => {
    const policy = await draftPolicy()
    const doc = (await postInfographic(await makeImage(400, 300), 'only.png', infographicData(policy.id))).body.doc
    expect((await act(policy.id, 'submit', 'drafter')).status).toBe(200)
    const token = await w.token('editor')
    const edit = await w.rest.patch(`/infographics/${doc.id}`, { alt: '改' }, token)
    expect([edit.status, firstError(edit.body).data.rule]).toEqual([409, 'package-locked'])
    const replace = await refusedCleanly('infographics', async () =>
      w.rest.call('PATCH', `/infographics/${doc.id}`, { body: form(await makeImage(500, 300), 'new.png', 'image/png', {}), token }),
    )
    expect([replace.status, firstError(replace.body).data.rule]).toEqual([409, 'package-locked'])
    expect(await stored(`infographics/${doc.filename}`)).toBe(true)
    expect((await w.rest.delete(`/infographics/${doc.id}`, token)).status).toBe(409)
  })

  test('replacing the file in drafting swaps the derivatives; deleting removes every file', async () => {
    const policy = await draftPolicy()
    const token = await w.token('editor')
    const doc = (await postInfographic(await makeImage(400, 300), 'v1.png', infographicData(policy.id))).body.doc
    const res = await w.rest.call('PATCH', `/infographics/${doc.id}`, {
      body: form(await makeImage(600, 2000), 'v2.png', 'image/png', {}),
      token,
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.longImage).toBe(true)
    const files = await storedFiles('infographics/')
    for (const r of doc.derivatives) expect(files).not.toContain(`derived/${r.filename}`)
    for (const r of res.body.doc.derivatives) expect(files).toContain(`derived/${r.filename}`)
    expect(files).not.toContain(doc.filename)

    expect((await w.rest.delete(`/infographics/${doc.id}`, token)).status).toBe(200)
    const after = await storedFiles('infographics/')
    expect(after).not.toContain(res.body.doc.filename)
    for (const r of res.body.doc.derivatives) expect(after).not.toContain(`derived/${r.filename}`)
  })
})

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n各位网友大家好\n\n00:00:01.000 --> 00:00:02.000\n今天解读惠农政策\n'

describe('videos', () => {
  const videoData = (policy: number | string, extra: Record<string, unknown> = {}) => ({
    title: '视频解读：惠农政策',
    policy,
    transcript: '各位网友大家好，今天解读惠农政策。',
    ...extra,
  })
  const postVideo = async (file: Buffer | null, name: string, data: Record<string, unknown>, type = 'video/mp4') =>
    w.rest.call('POST', '/videos', { body: form(file, name, type, data), token: await w.token('editor') })

  let mp4: Buffer
  beforeAll(async () => {
    mp4 = await makeVideo('mp4')
  })

  test('an MP4 and a WebM are probed (duration, resolution, codecs) and get a generated poster', async () => {
    const policy = await draftPolicy()
    const res = await postVideo(mp4, '解读.mp4', videoData(policy.id))
    expect(res.status).toBe(201)
    const doc = res.body.doc
    expect(doc.mimeType).toBe('video/mp4')
    expect(doc.probe).toMatchObject({ width: 320, height: 240, videoCodec: 'h264' })
    expect(doc.probe.duration).toBeCloseTo(2, 0)
    expect(doc.posterSource).toBe('generated')
    const posters = doc.derivatives.filter((r: any) => r.ref === 'poster')
    expect(posters.map((r: any) => `${r.kind}:${r.format}:${r.width}x${r.height}`).sort()).toEqual(
      ['poster:jpeg:320x240', 'poster:webp:320x240', 'share:jpeg:1200x630', 'thumbnail:webp:320x240'].sort(),
    )
    const webm = await postVideo(await makeVideo('webm'), 'clip.webm', videoData(policy.id), 'video/webm')
    expect(webm.status).toBe(201)
    expect(webm.body.doc.probe.videoCodec).toBe('vp9')
    expect(webm.body.doc.filename).toMatch(/\.webm$/)
  })

  test('files that are not MP4/WebM video by content, corrupt videos and oversize ones are refused cleanly', async () => {
    const policy = await draftPolicy()
    const data = videoData(policy.id)
    const image = await refusedCleanly('videos', async () => postVideo(await makeImage(320, 240), 'fake.mp4', data))
    expect([image.status, firstError(image.body).data.rule]).toEqual([415, 'media-file-type'])
    const text = await refusedCleanly('videos', () => postVideo(Buffer.from('not a video at all'), 'x.mp4', data))
    expect(text.status).toBe(415)
    const truncated = await refusedCleanly('videos', () => postVideo(mp4.subarray(0, 1200), 'cut.mp4', data))
    expect([truncated.status, firstError(truncated.body).data.rule]).toEqual([422, 'media-file-corrupt'])
    await withEnv({ MEDIA_MAX_VIDEO_MB: '0.001' }, async () => {
      const big = await refusedCleanly('videos', () => postVideo(mp4, 'big.mp4', data))
      expect([big.status, firstError(big.body).data.rule]).toEqual([413, 'media-file-size'])
    })
  })

  test('an external link instead of a file: allowed hosts only, https only, never both, never neither', async () => {
    const policy = await draftPolicy()
    const token = await w.token('editor')
    const ok = await w.rest.post('/videos', videoData(policy.id, { externalUrl: 'https://v.qq.com/x/page/abc.html' }), token)
    expect(ok.status).toBe(201)
    expect(ok.body.doc.filename ?? null).toBeNull()
    const host = await refusedCleanly('videos', () =>
      w.rest.post('/videos', videoData(policy.id, { externalUrl: 'https://evil.example.com/v.mp4' }), token),
    )
    expect(fieldErrors(host.body).externalUrl).toContain('evil.example.com')
    const http = await refusedCleanly('videos', () =>
      w.rest.post('/videos', videoData(policy.id, { externalUrl: 'http://v.qq.com/x.html' }), token),
    )
    expect(fieldErrors(http.body).externalUrl).toContain('https')
    const neither = await refusedCleanly('videos', () => w.rest.post('/videos', videoData(policy.id), token))
    expect([neither.status, firstError(neither.body).data.rule]).toEqual([400, 'video-source'])
    const both = await refusedCleanly('videos', () =>
      postVideo(mp4, 'both.mp4', videoData(policy.id, { externalUrl: 'https://v.qq.com/x.html' })),
    )
    expect([both.status, firstError(both.body).data.rule]).toEqual([400, 'video-source'])
    await withEnv({ VIDEO_URL_HOSTS: 'video.gz.gov.cn' }, async () => {
      expect((await w.rest.post('/videos', videoData(policy.id, { externalUrl: 'https://www.video.gz.gov.cn/1' }), token)).status).toBe(201)
    })
  })

  test('a transcript is required; captions are validated as WebVTT with line numbers', async () => {
    const policy = await draftPolicy()
    const token = await w.token('editor')
    const noTranscript = await refusedCleanly('videos', () =>
      w.rest.post('/videos', videoData(policy.id, { transcript: '', externalUrl: 'https://v.qq.com/x.html' }), token),
    )
    expect(fieldErrors(noTranscript.body).transcript).toContain('文字稿')

    const bad = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:0x.000 --> 00:00:03.000\nbad\n'
    const inline = await w.rest.post(
      '/videos',
      videoData(policy.id, { externalUrl: 'https://v.qq.com/y.html', captions: [{ language: 'zh-CN', vtt: bad }] }),
      token,
    )
    expect(inline.status).toBe(400)
    expect(fieldErrors(inline.body)['captions.0.vtt']).toContain('第 6 行')

    const video = (await w.rest.post('/videos', videoData(policy.id, { externalUrl: 'https://v.qq.com/z.html' }), token)).body.doc
    const fd = new FormData()
    fd.append('file', new Blob(['WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nbackwards\n'], { type: 'text/vtt' }), 'zh.vtt')
    fd.append('_payload', JSON.stringify({ language: 'zh-CN' }))
    const upload = await w.rest.call('POST', `/videos/${video.id}/captions`, { body: fd, token })
    expect([upload.status, firstError(upload.body).data.rule]).toEqual([400, 'video-captions'])
    expect(firstError(upload.body).message).toContain('第 3 行')
    const noHeader = await w.rest.post(
      `/videos/${video.id}/captions`,
      { language: 'en', vtt: '00:00:01.000 --> 00:00:02.000\nhi\n' },
      token,
    )
    expect(firstError(noHeader.body).message).toContain('第 1 行')
    const badLang = await w.rest.post(`/videos/${video.id}/captions`, { language: 'Chinese', vtt: VTT }, token)
    expect(badLang.status).toBe(400)

    const good = await w.rest.post(`/videos/${video.id}/captions`, { language: 'zh-CN', label: '简体中文', vtt: VTT }, token)
    expect(good.status).toBe(200)
    expect(good.body.doc.captions).toHaveLength(1)
    const track = await w.rest.get(`/videos/${video.id}/captions/zh-CN.vtt`, token)
    expect([track.status, track.headers.get('content-type')]).toEqual([200, 'text/vtt; charset=utf-8'])
    expect((await w.rest.get(`/videos/${video.id}/captions/zh-CN.vtt`)).status).toBe(404)
    expect((await w.rest.post(`/videos/${video.id}/captions`, { language: 'en', vtt: VTT }, await w.token('editor', true))).status).toBe(
      404,
    )
  })

  test('an uploaded poster replaces the generated one; the video is public only with its released package', async () => {
    const policy = await draftPolicy()
    const token = await w.token('editor')
    const video = (await postVideo(mp4, 'p.mp4', videoData(policy.id))).body.doc
    const oldPoster = video.derivatives.filter((r: any) => r.ref === 'poster')
    const bad = await w.rest.call('POST', `/videos/${video.id}/poster`, {
      body: form(Buffer.from('nope'), 'p.jpg', 'image/jpeg', {}),
      token,
    })
    expect([bad.status, firstError(bad.body).data.rule]).toEqual([415, 'media-file-type'])
    const res = await w.rest.call('POST', `/videos/${video.id}/poster`, {
      body: form(await makeImage(1280, 720, 'jpeg'), 'cover.jpg', 'image/jpeg', {}),
      token,
    })
    expect(res.status).toBe(200)
    expect(res.body.doc.posterSource).toBe('uploaded')
    const poster = res.body.doc.derivatives.filter((r: any) => r.kind === 'poster')
    expect(poster.map((r: any) => r.width).sort()).toEqual([1280, 1280, 640, 640])
    const files = await storedFiles('videos/derived/')
    for (const r of oldPoster) expect(files).not.toContain(r.filename)

    const posterPath = pathOf(poster[0].url)
    expect([
      (await w.rest.get(`/videos/${video.id}`)).status,
      (await w.rest.get(pathOf(video.url))).status,
      (await w.rest.get(posterPath)).status,
    ]).toEqual([404, 403, 404])
    await release(policy.id)
    expect([
      (await w.rest.get(`/videos/${video.id}`)).status,
      (await w.rest.get(pathOf(video.url))).status,
      (await w.rest.get(posterPath)).status,
    ]).toEqual([200, 200, 200])
    const frozen = await w.rest.call('POST', `/videos/${video.id}/poster`, {
      body: form(await makeImage(640, 360, 'jpeg'), 'c2.jpg', 'image/jpeg', {}),
      token,
    })
    expect([frozen.status, firstError(frozen.body).data.rule]).toEqual([409, 'package-locked'])
  })
})

describe('online interviews', () => {
  const interviewData = (policy: number | string, extra: Record<string, unknown> = {}) => ({
    title: '在线访谈：解读惠农政策',
    policy,
    topic: '惠农补贴怎么领',
    scheduledAt: '2026-12-01T02:00:00.000Z',
    host: { name: '李主持', title: '主持人', department: '省政府办公厅' },
    guests: [{ name: '王处长', title: '处长', organisation: '贵州省财政厅' }],
    ...extra,
  })
  const say = async (id: number | string, body: Record<string, unknown>, role: Role = 'editor', second = false) =>
    w.rest.post(`/interviews/${id}/segments`, body, await w.token(role, second))
  const setStatus = async (id: number | string, status: string) =>
    w.rest.post(`/interviews/${id}/status`, { status }, await w.token('editor'))

  /** A released package (with a text interpretation) whose interview is upcoming. */
  async function releasedInterview() {
    const policy = await draftPolicy(true)
    const interview = (await w.rest.post('/interviews', interviewData(policy.id), await w.token('editor'))).body.doc
    expect(interview.status).toBe('upcoming')
    await release(policy.id)
    return { policy, interview }
  }

  test('an announced interview without a transcript is no interpretation yet', async () => {
    const policy = await draftPolicy()
    const token = await w.token('editor')
    const interview = (await w.rest.post('/interviews', interviewData(policy.id), token)).body.doc
    const refused = await act(policy.id, 'submit', 'drafter')
    expect([refused.status, firstError(refused.body).data.rule]).toEqual([422, 'interpretation-required'])
    const patched = await w.rest.patch(
      `/interviews/${interview.id}`,
      { segments: [{ speaker: '王处长', role: 'guest', at: '2026-12-01T02:01:00.000Z', text: '补贴直接发放到户。' }] },
      token,
    )
    expect(patched.status).toBe(200)
    expect(patched.body.doc.segments[0].seq).toBe(1)
    expect((await act(policy.id, 'submit', 'drafter')).status).toBe(200)
  })

  test('live: segments are appended in order while live; status moves forward only', async () => {
    const policy = await draftPolicy()
    const id = (await w.rest.post('/interviews', interviewData(policy.id), await w.token('editor'))).body.doc.id
    const early = await say(id, { speaker: '李主持', role: 'host', text: '欢迎' })
    expect([early.status, firstError(early.body).data.rule]).toEqual([409, 'interview-status'])
    expect((await setStatus(id, 'ended')).status).toBe(409)
    expect((await setStatus(id, 'live')).status).toBe(200)
    const first = await say(id, { speaker: '李主持', role: 'host', text: '各位网友大家好', at: '2026-12-01T02:00:00+00:00' })
    expect([first.status, first.body.lastSeq]).toEqual([201, 1])
    const second = await say(id, { speaker: '王处长', role: 'guest', text: '大家好', at: '2026-12-01T02:01:00Z' })
    expect(second.body.segment.seq).toBe(2)
    const back = await say(id, { speaker: '李主持', role: 'host', text: '倒退', at: '2026-12-01T01:59:00Z' })
    expect([back.status, firstError(back.body).data.rule]).toEqual([409, 'interview-segment-order'])
    const invalid = await say(id, { speaker: '', role: 'host', text: 'x' })
    expect(invalid.status).toBe(400)
    expect((await say(id, { speaker: '某人', role: 'guest', text: '越权' }, 'viewer')).status).toBe(403)
    expect((await say(id, { speaker: '某人', role: 'guest', text: '越权' }, 'editor', true)).status).toBe(404)

    // Reordering through a plain update is refused; sequence numbers stay what they were.
    const token = await w.token('editor')
    const doc = (await w.rest.get(`/interviews/${id}`, token)).body
    const swapped = await w.rest.patch(`/interviews/${id}`, { segments: [doc.segments[1], doc.segments[0]] }, token)
    expect([swapped.status, firstError(swapped.body).data.rule]).toEqual([409, 'interview-segment-order'])
    const forged = await w.rest.patch(`/interviews/${id}`, { segments: doc.segments.map((s: any) => ({ ...s, seq: s.seq + 10 })) }, token)
    expect(forged.body.doc.segments.map((s: any) => s.seq)).toEqual([1, 2])

    expect((await setStatus(id, 'ended')).status).toBe(200)
    expect((await say(id, { speaker: '李主持', role: 'host', text: '补一句' })).status).toBe(409)
    expect((await setStatus(id, 'live')).status).toBe(409)
  })

  test('the record is closed during review and open again once released; the core stays frozen', async () => {
    const policy = await draftPolicy(true)
    const token = await w.token('editor')
    const id = (await w.rest.post('/interviews', interviewData(policy.id), token)).body.doc.id
    expect((await setStatus(id, 'live')).status).toBe(200)
    await submitAndSign(policy.id)
    const inReview = await say(id, { speaker: '李主持', role: 'host', text: '审核中' })
    expect([inReview.status, firstError(inReview.body).data.rule]).toEqual([409, 'package-locked'])
    expect((await act(policy.id, 'release', 'signer')).status).toBe(200)
    expect((await say(id, { speaker: '李主持', role: 'host', text: '发布后直播' })).status).toBe(201)
    const core = await w.rest.patch(`/interviews/${id}`, { topic: '改主题' }, token)
    expect([core.status, firstError(core.body).data.rule]).toEqual([409, 'package-locked'])
    const audit = await w.payload.find({
      collection: 'audit-log',
      where: { policy: { equals: policy.id } },
      sort: 'seq',
      pagination: false,
    })
    expect(audit.docs.map((d: any) => d.action)).toEqual(expect.arrayContaining(['interview-status', 'interview-segment']))
  })

  test('the live feed: only released content for the public, only segments after the cursor; SSE too', async () => {
    const { policy, interview } = await releasedInterview()
    const id = interview.id
    const hidden = await draftPolicy()
    const unreleased = (await w.rest.post('/interviews', interviewData(hidden.id), await w.token('editor'))).body.doc
    expect((await w.rest.get(`/interviews/${unreleased.id}/live`)).status).toBe(404)
    expect((await w.rest.get(`/interviews/${unreleased.id}/live/stream`)).status).toBe(404)

    expect((await setStatus(id, 'live')).status).toBe(200)
    for (const text of ['开场', '第一问回答', '第二问回答'])
      expect((await say(id, { speaker: '王处长', role: 'guest', text })).status).toBe(201)
    const all = await w.rest.get(`/interviews/${id}/live`)
    expect([all.status, all.body.status, all.body.lastSeq, all.body.segments.length]).toEqual([200, 'live', 3, 3])
    const newer = await w.rest.get(`/interviews/${id}/live?after=2`)
    expect(newer.body.segments.map((s: any) => s.text)).toEqual(['第二问回答'])
    expect((await w.rest.get(`/interviews/${id}/live?after=3`)).body.segments).toEqual([])

    process.env.INTERVIEW_STREAM_POLL_MS = '200'
    const response = await handleEndpoints({
      config: w.payload.config,
      request: new Request(`http://localhost:3000/api/interviews/${id}/live/stream?after=1`),
    })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    let text = ''
    while (!text.includes('第二问回答')) text += new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    expect(text).toContain('event: segment\n')
    expect(text).toContain('id: 3\n')
    expect(text).not.toContain('开场')

    expect((await act(policy.id, 'withdraw', 'signer', { reason: '撤回' })).status).toBe(200)
    expect((await w.rest.get(`/interviews/${id}/live`)).status).toBe(404)
  })

  test('public questions: asked by anyone who can read it, moderated by editors, public once answered', async () => {
    const hidden = await draftPolicy()
    const draft = (await w.rest.post('/interviews', interviewData(hidden.id), await w.token('editor'))).body.doc
    expect((await w.rest.post(`/interviews/${draft.id}/questions`, { question: '什么时候发放？', askerName: '网友甲' })).status).toBe(404)

    const { interview } = await releasedInterview()
    const id = interview.id
    const asked = await w.rest.post(`/interviews/${id}/questions`, { question: '补贴什么时候发放？', askerName: '网友甲' })
    expect([asked.status, asked.body.question.status]).toEqual([201, 'pending'])
    const spam = await w.rest.post(`/interviews/${id}/questions`, { question: '广告', askerName: '广告号' })
    expect((await w.rest.post(`/interviews/${id}/questions`, { question: 'x'.repeat(501), askerName: 'a' })).status).toBe(400)
    expect((await w.rest.post(`/interviews/${id}/questions`, { question: '问题', askerName: '甲', extra: 1 })).status).toBe(400)

    const token = await w.token('editor')
    expect((await w.rest.get(`/interviews/${id}`)).body.questions).toEqual([])
    expect((await w.rest.get(`/interviews/${id}`, token)).body.questions.map((q: any) => q.status)).toEqual(['pending', 'pending'])

    expect((await setStatus(id, 'live')).status).toBe(200)
    await say(id, { speaker: '网友甲', role: 'public', text: '补贴什么时候发放？' })
    await say(id, { speaker: '王处长', role: 'guest', text: '每年一季度发放。' })
    const key = asked.body.question.key
    const moderate = (k: string, body: object, role: Role = 'editor') =>
      w.token(role).then((t) => w.rest.post(`/interviews/${id}/questions/${k}/moderate`, body, t))
    const toPublic = await moderate(key, { action: 'answer', answerSeq: 1 })
    expect([toPublic.status, firstError(toPublic.body).data.rule]).toEqual([400, 'interview-question'])
    expect((await moderate(key, { action: 'answer', answerSeq: 9 })).status).toBe(400)
    expect((await moderate('nope', { action: 'reject' })).status).toBe(404)
    expect((await moderate(key, { action: 'answer', answerSeq: 2 }, 'viewer')).status).toBe(403)
    expect((await moderate(key, { action: 'answer', answerSeq: 2 })).status).toBe(200)
    expect((await moderate(spam.body.question.key, { action: 'reject', reason: '广告' })).status).toBe(200)

    const publicView = (await w.rest.get(`/interviews/${id}`)).body.questions
    expect(publicView).toHaveLength(1)
    expect(publicView[0]).toMatchObject({ question: '补贴什么时候发放？', askerName: '网友甲', status: 'answered', answerSeq: 2 })
    expect(publicView[0].moderatedBy).toBeUndefined()
    const live = await w.rest.get(`/interviews/${id}/live?after=1`)
    expect(live.body.questions.map((q: any) => q.answerSeq)).toEqual([2])

    expect((await setStatus(id, 'ended')).status).toBe(200)
    expect((await w.rest.post(`/interviews/${id}/questions`, { question: '还能问吗？', askerName: '网友乙' })).status).toBe(409)
  })

  test('photos for the record, and the export of a finished interview as Markdown and HTML', async () => {
    const policy = await draftPolicy()
    const token = await w.token('editor')
    const id = (await w.rest.post('/interviews', interviewData(policy.id, { title: '访谈 <b>*标题*</b>' }), token)).body.doc.id
    const noAlt = await w.rest.call('POST', `/interviews/${id}/photos`, {
      body: form(await makeImage(1600, 1200, 'jpeg'), 'scene.jpg', 'image/jpeg', {}),
      token,
    })
    expect([noAlt.status, firstError(noAlt.body).data.rule]).toEqual([400, 'media-file-required'])
    const photo = await w.rest.call('POST', `/interviews/${id}/photos`, {
      body: form(await makeImage(1600, 1200, 'jpeg'), 'scene.jpg', 'image/jpeg', { alt: '访谈现场', caption: '嘉宾作答' }),
      token,
    })
    expect(photo.status).toBe(201)
    const key = photo.body.key
    expect(photo.body.doc.photos).toEqual([expect.objectContaining({ key, alt: '访谈现场', width: 1600, height: 1200 })])
    expect(
      photo.body.doc.derivatives
        .filter((r: any) => r.ref === key)
        .map((r: any) => r.width)
        .sort(),
    ).toEqual([1280, 1280, 320, 640, 640])

    expect((await setStatus(id, 'live')).status).toBe(200)
    expect((await say(id, { speaker: '李主持', role: 'host', text: '看图', images: ['missing'] })).status).toBe(400)
    const guest = await w.rest.patch(`/interviews/${id}`, { guests: [{ name: '王处长', photo: 'nope' }] }, token)
    expect(fieldErrors(guest.body)['guests.0.photo']).toContain('nope')
    expect(
      (
        await w.rest.patch(
          `/interviews/${id}`,
          { guests: [{ name: '王处长', title: '处长', organisation: '贵州省财政厅', photo: key }] },
          token,
        )
      ).status,
    ).toBe(200)
    await say(id, { speaker: '李主持', role: 'host', text: '请看现场照片 [链接](http://x)', images: [key], at: '2026-12-01T02:00:05Z' })
    await say(id, { speaker: '王处长', role: 'guest', text: '<script>alert(1)</script>每年一季度发放。', at: '2026-12-01T02:01:00Z' })
    expect((await w.rest.get(`/interviews/${id}/export?format=md`, token)).status).toBe(409)
    expect((await setStatus(id, 'ended')).status).toBe(200)

    const md = await w.rest.get(`/interviews/${id}/export?format=md`, token)
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(md.body).toContain('# 访谈 \\<b\\>\\*标题\\*\\</b\\>')
    expect(md.body).toContain('**李主持**（主持人）〔10:00:05〕：请看现场照片 \\[链接\\]\\(http://x\\)')
    expect(md.body).toContain('- 嘉宾：王处长（处长，贵州省财政厅）')
    const html = await w.rest.get(`/interviews/${id}/export?format=html`, token)
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;每年一季度发放。')
    expect(html.body).not.toContain('<script>')
    expect(html.body).toContain('<time datetime="2026-12-01T02:01:00.000Z">10:01:00</time>')
    expect((await w.rest.get(`/interviews/${id}/export?format=md`)).status).toBe(404)
    expect((await w.rest.get(`/interviews/${id}/export?format=pdf`, token)).status).toBe(400)

    const photoFile = photo.body.doc.derivatives.find((r: any) => r.ref === key)
    expect((await w.rest.get(pathOf(photoFile.url))).status).toBe(404)
    expect((await w.rest.get(pathOf(photoFile.url), token)).status).toBe(200)
    expect((await w.rest.delete(`/interviews/${id}`, token)).status).toBe(200)
    expect(await storedFiles('interviews/derived/')).not.toContain(photoFile.filename)
  })
})

describe('where the files are', () => {
  test('every file is in the configured store: with S3 none in local media/ and the bucket refuses anonymous reads and listing', async () => {
    const keys = await storedFiles()
    expect(keys.some((k) => k.startsWith('infographics/derived/'))).toBe(true)
    expect(keys.some((k) => k.startsWith('videos/'))).toBe(true)
    const local = await listFiles(mediaDir())
    if (process.env.STORAGE !== 's3') {
      expect(fileStoreOf(w.payload).backend).toBe('local')
      expect(keys).toEqual(local)
      return
    }
    expect(fileStoreOf(w.payload).backend).toBe('s3')
    expect(local).toEqual([])
    const bucket = `${process.env.S3_ENDPOINT}/${process.env.S3_BUCKET}`
    const key = `${process.env.S3_PREFIX}${keys.find((k) => k.startsWith('infographics/derived/'))}`
    expect((await fetch(`${bucket}/${key}`)).status).toBe(403)
    expect((await fetch(`${bucket}?list-type=2`)).status).toBe(403)
    expect((await fetch(`${process.env.S3_ENDPOINT}/`)).status).toBe(403)
  })
})
