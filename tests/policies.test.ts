import { documentNumberProblem } from '../src/rules/documentNumber'
import { isValidCreditCode } from '../src/rules/indexNumber'
import { fieldErrors, firstError, policyData, startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

describe('document number 发文字号 (GB/T 9704)', () => {
  test.each([['黔府发〔2020〕1号'], ['黔府办发〔2017〕42号'], ['国办发〔2017〕42号']])('accepts %s', (value) => {
    expect(documentNumberProblem(value)).toBeNull()
  })

  test.each([
    ['黔府发[2018]7号', '六角括号'],
    ['黔府发〔2018〕第7号', '第'],
    ['黔府发〔18〕7号', '四位'],
    ['黔府发〔2018〕07号', '虚位'],
    ['黔府发（2018）7号', '六角括号'],
    ['黔府发〔2018〕7', '格式'],
    ['〔2018〕7号', '格式'],
    ['黔府发〔1890〕7号', '不合理'],
  ])('rejects %s through REST with a 400 naming the rule', async (value, why) => {
    const token = await w.token('drafter')
    const before = await w.payload.count({ collection: 'policies' })
    const res = await w.rest.post('/policies', policyData(w.a, { documentNumber: value }), token)
    expect(res.status).toBe(400)
    const message = fieldErrors(res.body).documentNumber
    expect(message).toContain('发文字号（GB/T 9704）')
    expect(message).toContain(why)
    expect(await w.payload.count({ collection: 'policies' })).toEqual(before)
  })

  test('a document number is unique', async () => {
    const token = await w.token('drafter')
    const first = await w.rest.post('/policies', policyData(w.a, { documentNumber: '黔财农〔2021〕88号' }), token)
    expect(first.status).toBe(201)
    const second = await w.rest.post('/policies', policyData(w.a, { documentNumber: '黔财农〔2021〕88号' }), token)
    expect(second.status).toBe(400)
    expect(fieldErrors(second.body).documentNumber).toContain('已被其他政策文件使用')
  })

  test('messages follow the request language', async () => {
    const token = await w.token('drafter')
    const res = await w.rest.call('POST', '/policies', {
      body: policyData(w.a, { documentNumber: '黔府发〔2018〕第7号' }),
      token,
      headers: { 'accept-language': 'en' },
    })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).documentNumber).toContain('takes no 第')
  })
})

describe('index number 索引号', () => {
  test('is generated from the department credit code, year written and a per-year serial', async () => {
    const token = await w.token('drafter')
    const one = await w.rest.post('/policies', policyData(w.a, { writtenAt: '2019-05-01T00:00:00.000Z' }), token)
    const two = await w.rest.post('/policies', policyData(w.a, { writtenAt: '2019-06-01T00:00:00.000Z' }), token)
    const other = await w.rest.post('/policies', policyData(w.b), await w.token('drafter', true))
    expect([one.status, two.status, other.status]).toEqual([201, 201, 201])
    expect(one.body.doc.indexNumber).toBe(`${w.a.creditCode}/2019-00001`)
    expect(two.body.doc.indexNumber).toBe(`${w.a.creditCode}/2019-00002`)
    expect(other.body.doc.indexNumber).toMatch(new RegExp(`^${w.b.creditCode}/2020-\\d{5}$`))
  })

  test('cannot be set or changed by a client', async () => {
    const token = await w.token('drafter')
    const created = await w.rest.post('/policies', { ...policyData(w.a), indexNumber: 'X/1-1' }, token)
    expect(created.status).toBe(201)
    expect(created.body.doc.indexNumber).not.toBe('X/1-1')
    const patched = await w.rest.patch(`/policies/${created.body.doc.id}`, { indexNumber: 'X/1-1' }, token)
    expect(patched.status).toBe(200)
    expect(patched.body.doc.indexNumber).toBe(created.body.doc.indexNumber)
  })

  test('credit codes are checked (GB 32100 check character)', async () => {
    expect(isValidCreditCode(w.a.creditCode)).toBe(true)
    const res = await w.rest.post('/departments', { name: '测试局', creditCode: '11520000MB00000010' }, await w.token('admin'))
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).creditCode).toContain('统一社会信用代码')
  })
})

describe('disclosure attribute 公开属性', () => {
  test('anything but proactive needs a reason and a legal basis', async () => {
    const token = await w.token('drafter')
    const before = await w.payload.count({ collection: 'policies' })
    const res = await w.rest.post('/policies', policyData(w.a, { disclosure: 'on-request' }), token)
    expect(res.status).toBe(400)
    const errors = fieldErrors(res.body)
    expect(errors.disclosureReason).toContain('公开属性源头认定')
    expect(errors.disclosureBasis).toContain('法律依据')
    expect(await w.payload.count({ collection: 'policies' })).toEqual(before)

    const ok = await w.rest.post(
      '/policies',
      policyData(w.a, {
        disclosure: 'not-disclosed',
        disclosureReason: '涉及内部管理事务',
        disclosureBasis: '《中华人民共和国政府信息公开条例》第十六条',
      }),
      token,
    )
    expect(ok.status).toBe(201)
    expect(ok.body.doc.disclosure).toBe('not-disclosed')
  })

  test('unknown values are refused', async () => {
    const res = await w.rest.post('/policies', policyData(w.a, { disclosure: 'secret' }), await w.token('drafter'))
    expect(res.status).toBe(400)
  })
})

describe('exemptions', () => {
  test('a 人事任免 records its interpretation exemption with reason, who and when', async () => {
    const token = await w.token('drafter')
    const res = await w.rest.post('/policies', policyData(w.a, { documentType: 'appointment', title: '关于张三同志任职的通知' }), token)
    expect(res.status).toBe(201)
    const { exemption } = res.body.doc
    expect(exemption.interpretationExempt).toBe(true)
    expect(exemption.interpretationExemptReason).toContain('人事任免')
    expect(exemption.recordedAt).toBeTruthy()
    expect(String(exemption.recordedBy?.id ?? exemption.recordedBy)).toBe(String(w.org.users['drafter@demo.gov.cn'].id))
  })

  test('a manual exemption needs a reason', async () => {
    const res = await w.rest.post('/policies', policyData(w.a, { exemption: { consultationExempt: true } }), await w.token('drafter'))
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body)['exemption.consultationExemptReason']).toContain('豁免必须填写理由')
  })
})

test('the stage cannot be written by a client', async () => {
  const token = await w.token('drafter')
  const res = await w.rest.post('/policies', { ...policyData(w.a), stage: 'released' }, token)
  expect(res.status).toBe(201)
  expect(res.body.doc.stage).toBe('drafting')
  const patched = await w.rest.patch(`/policies/${res.body.doc.id}`, { stage: 'released' }, token)
  expect(patched.body.doc.stage).toBe('drafting')
})

test('required fields are reported together, in Chinese by default', async () => {
  const res = await w.rest.post('/policies', { title: '' }, await w.token('drafter'))
  expect(res.status).toBe(400)
  const errors = fieldErrors(res.body)
  expect(Object.keys(errors)).toEqual(expect.arrayContaining(['title', 'documentType', 'writtenAt', 'issuingOrgans']))
  expect(firstError(res.body).message).not.toBe('')
})
