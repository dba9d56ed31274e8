/**
 * `npm run bench:media`: derivative generation for a 1080×12000 PNG infographic, through the CMS upload path
 * (multipart POST /api/infographics on the real REST handler: parsing, content checks, derivatives, SQLite
 * record, files on disk) against the same derivatives made by plain sharp calls and written to disk, in the same
 * process and run, alternating. Prints the median of each, their ratio and the peak memory of each phase.
 *
 * Runs on a throw-away SQLite file and media directory. Options: BENCH_ROUNDS (default 3).
 * Run as `node --conditions=production --import tsx scripts/bench-media.ts` (plain node can hang loading lexical).
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const work = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-media-'))
// Before the config is imported: it reads these when it is evaluated.
process.env.DATABASE_URL = `file:${path.join(work, 'bench.db')}`
process.env.MEDIA_DIR = path.join(work, 'media')
process.env.PAYLOAD_SECRET ||= randomBytes(16).toString('hex')
process.env.JOBS_AUTORUN = 'false'

const { default: sharp } = await import('sharp')
const { getPayload, handleEndpoints } = await import('payload')
const { buildAppConfig } = await import('../src/buildAppConfig')
const { seedOrganisation, demoEmail, DEMO_PASSWORD } = await import('../src/seed/organisation')
const { ENCODE, INFOGRAPHIC_SPEC, MAX_ENCODED_SIDE, tileBands, variantWidths } = await import('../src/media/derivatives')
const { tileHeight } = await import('../src/media/config')
const { lexicalFromText } = await import('../src/richText/plainText')

const WIDTH = 1080
const HEIGHT = 12000
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS) || 3)

/** Peak resident memory during `fn`, sampled every 10 ms, and its duration. */
async function measure<T>(fn: () => Promise<T>): Promise<{ growthMiB: number; ms: number; peakMiB: number; result: T }> {
  const start = process.memoryUsage().rss
  let peak = start
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  const started = performance.now()
  try {
    const result = await fn()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { ms: performance.now() - started, peakMiB: peak / 2 ** 20, growthMiB: (peak - start) / 2 ** 20, result }
  } finally {
    clearInterval(timer)
  }
}

/** A long infographic: coloured bands with text, so the encoders have real work. */
async function longPng(): Promise<Buffer> {
  const bands = Array.from(
    { length: HEIGHT / 200 },
    (_, i) =>
      `<rect x="40" y="${i * 200 + 20}" width="1000" height="160" fill="hsl(${(i * 37) % 360},70%,60%)"/><text x="80" y="${i * 200 + 110}" font-size="48">政策图解 第${i + 1}部分</text>`,
  )
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>${bands.join('')}</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** The same derivatives as INFOGRAPHIC_SPEC, the obvious way: one sharp pipeline from the PNG per output file. */
async function plainSharp(png: Buffer, outDir: string): Promise<number> {
  await fs.mkdir(outDir, { recursive: true })
  const meta = await sharp(png).metadata()
  const W = meta.width!
  const H = meta.height!
  const jobs: Promise<unknown>[] = []
  let files = 0
  const save = async (name: string, pipeline: ReturnType<typeof sharp>) => {
    files++
    await fs.writeFile(path.join(outDir, name), await pipeline.toBuffer())
  }
  const fmt = (p: ReturnType<typeof sharp>, f: string) =>
    f === 'avif' ? p.avif(ENCODE.avif) : f === 'webp' ? p.webp(ENCODE.webp) : p.jpeg(ENCODE.jpeg)
  for (const w of variantWidths(INFOGRAPHIC_SPEC, W)) {
    const h = Math.round((H * w) / W)
    for (const f of INFOGRAPHIC_SPEC.formats) if (h <= MAX_ENCODED_SIDE) jobs.push(save(`w${w}.${f}`, fmt(sharp(png).resize(w, h), f)))
  }
  jobs.push(save('thumb.webp', sharp(png).resize(320, 320, { fit: 'cover', position: 'top' }).webp(ENCODE.webp)))
  jobs.push(
    save('share.jpg', sharp(png).resize(1200, 630, { fit: 'cover', position: 'top' }).flatten({ background: '#fff' }).jpeg(ENCODE.jpeg)),
  )
  const tw = Math.min(W, INFOGRAPHIC_SPEC.tiles!.maxWidth)
  const th = Math.round((H * tw) / W)
  tileBands(th, tileHeight()).forEach((band, i) => {
    for (const f of INFOGRAPHIC_SPEC.tiles!.formats) {
      jobs.push(
        save(`tile-${i}.${f}`, fmt(sharp(png).resize(tw, th).extract({ left: 0, top: band.top, width: tw, height: band.height }), f)),
      )
    }
  })
  await Promise.all(jobs)
  return files
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main() {
  const config = await buildAppConfig({ databaseUrl: process.env.DATABASE_URL, database: { sqlitePush: true } })
  const payload = await getPayload({ config })
  const call = async (method: string, url: string, body: BodyInit | undefined, headers: Record<string, string> = {}) => {
    const res = await handleEndpoints({ config, request: new Request(`http://localhost:3000/api${url}`, { method, body, headers }) })
    return { status: res.status, body: (await res.json()) as any }
  }
  try {
    const org = await seedOrganisation(payload)
    const dept = org.departments.finance
    const login = await call('POST', '/users/login', JSON.stringify({ email: demoEmail('editor'), password: DEMO_PASSWORD }), {
      'content-type': 'application/json',
    })
    const auth = { authorization: `JWT ${login.body.token}` }
    const policy = await payload.create({
      collection: 'policies',
      data: {
        title: '基准测试政策',
        documentType: 'notice',
        issuingOrgans: [dept.id],
        writtenAt: '2020-03-15T00:00:00.000Z',
        department: dept.id,
        disclosure: 'proactive',
        body: lexicalFromText('正文'),
        validity: 'valid',
        stage: 'drafting',
      },
    })
    const upload = async (png: Buffer, name: string) => {
      const fd = new FormData()
      fd.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name)
      fd.append('_payload', JSON.stringify({ title: '一图读懂', policy: policy.id, alt: '长图', textAlternative: '全文' }))
      const res = await call('POST', '/infographics', fd, auth)
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.doc.derivatives.length as number
    }

    const png = await longPng()
    console.log(
      `input: ${WIDTH}×${HEIGHT} PNG, ${(png.length / 2 ** 20).toFixed(2)} MiB; ${ROUNDS} rounds; sharp concurrency ${sharp.concurrency()}, ${os.cpus().length} CPUs`,
    )
    // Warm-up: module loading, the first sharp/AVIF encoder start, the first REST request.
    await upload(
      await sharp({ create: { width: 200, height: 500, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
      'warm.png',
    )
    await plainSharp(
      await sharp({ create: { width: 200, height: 500, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
      path.join(work, 'plain-warm'),
    )

    type Run = { growthMiB: number; ms: number; peakMiB: number }
    const cms: Run[] = []
    const plain: Run[] = []
    let outputs = { cms: 0, plain: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      global.gc?.()
      const a = await measure(() => upload(png, `long-${round}.png`))
      cms.push(a)
      global.gc?.()
      const b = await measure(() => plainSharp(png, path.join(work, `plain-${round}`)))
      plain.push(b)
      outputs = { cms: a.result, plain: b.result }
      const fmt = (r: Run) =>
        `${r.ms.toFixed(0)} ms (peak RSS ${r.peakMiB.toFixed(0)} MiB, +${r.growthMiB.toFixed(0)} MiB over the phase start)`
      console.log(`round ${round + 1}: CMS ${fmt(a)} · plain sharp ${fmt(b)}`)
    }
    const cmsMs = median(cms.map((r) => r.ms))
    const plainMs = median(plain.map((r) => r.ms))
    console.log(`derivatives per image: CMS ${outputs.cms}, plain sharp ${outputs.plain}`)
    console.log(
      `median: CMS upload path ${cmsMs.toFixed(0)} ms, plain sharp ${plainMs.toFixed(0)} ms, ratio CMS/plain ${(cmsMs / plainMs).toFixed(2)}`,
    )
    console.log(
      `peak RSS: CMS ${Math.max(...cms.map((r) => r.peakMiB)).toFixed(0)} MiB (+${Math.max(...cms.map((r) => r.growthMiB)).toFixed(0)}), plain sharp ${Math.max(...plain.map((r) => r.peakMiB)).toFixed(0)} MiB (+${Math.max(...plain.map((r) => r.growthMiB)).toFixed(0)}), process max ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    )
  } finally {
    await payload.destroy()
    await fs.rm(work, { recursive: true, force: true })
  }
}

await main()
process.exit(0)
