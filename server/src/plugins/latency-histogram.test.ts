import { describe, expect, it } from 'vitest'
import { createLatencyHistogram } from './latency-histogram'

describe('latency histogram', () => {
  it('counts each answer in every bucket at or above its time, and by status class', () => {
    const histogram = createLatencyHistogram()
    histogram.observe('POST', '/api/v1/cases/', 201, 3)
    histogram.observe('POST', '/api/v1/cases/', 201, 30)
    histogram.observe('POST', '/api/v1/cases/', 422, 50)
    histogram.observe('POST', '/api/v1/cases/', 201, 3000)
    const text = histogram.render()
    const bucket = (le: string) => Number(new RegExp(`_bucket\\{method="POST",route="/api/v1/cases/",le="${le.replace('+', '\\+')}"\\} (\\d+)`).exec(text)?.[1])
    expect(bucket('0.005')).toBe(1)
    expect(bucket('0.025')).toBe(1)
    // a bound is inclusive: 50 ms is within 0.05
    expect(bucket('0.05')).toBe(3)
    expect(bucket('2.5')).toBe(3)
    expect(bucket('+Inf')).toBe(4)
    expect(text).toContain('xinfang_http_request_duration_seconds_count{method="POST",route="/api/v1/cases/"} 4')
    expect(text).toContain('xinfang_http_request_duration_seconds_sum{method="POST",route="/api/v1/cases/"} 3.083')
    expect(text).toContain('xinfang_http_responses_total{method="POST",route="/api/v1/cases/",status="2xx"} 3')
    expect(text).toContain('xinfang_http_responses_total{method="POST",route="/api/v1/cases/",status="4xx"} 1')
  })
})
