import { describe, expect, it } from 'vitest'
import { PrometheusError, promString, readPromResponse, sampleValue, seriesOf } from './prometheus'

const respond = (body: unknown, status = 200) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })

describe('readPromResponse', () => {
  it('validates a matrix and reads its samples', async () => {
    const data = await readPromResponse(
      respond({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { release: 'r' }, values: [[1714564800, '1.5'], [1714564815, 'NaN']] }] } }),
    )
    expect(seriesOf(data)).toEqual([{ metric: { release: 'r' }, points: [{ t: 1714564800000, v: 1.5 }, { t: 1714564815000, v: null }] }])
  })

  it("throws Prometheus's own error text", async () => {
    const error = await readPromResponse(respond({ status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "}"' }, 400)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PrometheusError)
    expect(error).toMatchObject({ message: '1:5: parse error: unexpected "}"', errorType: 'bad_data', status: 400 })
  })

  it.each([
    ['not JSON', '<html>proxy error</html>', /without a JSON body/],
    ['the wrong shape', { status: 'success', data: { resultType: 'matrix', result: [{ values: 'x' }] } }, /unexpected shape/],
  ])('says so for %s', async (_name, body, message) => {
    await expect(readPromResponse(respond(body, 502))).rejects.toThrow(message)
  })
})

describe('samples and selectors', () => {
  it.each([
    ['1.5', 1.5],
    ['NaN', null],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['x', null],
  ] as const)('%s -> %s', (text, value) => expect(sampleValue(text)).toBe(value))

  it('quotes label values', () => expect(promString('a"b\\c')).toBe('"a\\"b\\\\c"'))
})
