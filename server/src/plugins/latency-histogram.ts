/** Upper bounds of the latency buckets, in seconds, as Prometheus histograms count them. */
export const LATENCY_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const

interface Series {
  method: string
  route: string
  /** per bucket, answers at or under its bound; the last slot is everything above */
  buckets: number[]
  sumSeconds: number
  count: number
  byStatusClass: Map<string, number>
}

/**
 * Answer times and status classes per route, in memory, rendered in Prometheus's text format.
 * Keyed by the route's pattern (never the raw URL), so the number of series stays bounded.
 */
export function createLatencyHistogram() {
  const series = new Map<string, Series>()
  return {
    observe(method: string, route: string, statusCode: number, milliseconds: number): void {
      const key = `${method} ${route}`
      let s = series.get(key)
      if (!s) series.set(key, (s = { method, route, buckets: new Array<number>(LATENCY_BUCKETS_S.length + 1).fill(0), sumSeconds: 0, count: 0, byStatusClass: new Map() }))
      const seconds = milliseconds / 1000
      let i = 0
      while (i < LATENCY_BUCKETS_S.length && seconds > LATENCY_BUCKETS_S[i]!) i++
      s.buckets[i]!++
      s.sumSeconds += seconds
      s.count++
      const statusClass = `${Math.floor(statusCode / 100)}xx`
      s.byStatusClass.set(statusClass, (s.byStatusClass.get(statusClass) ?? 0) + 1)
    },
    render(): string {
      const label = (s: Series, extra = '') => `{method="${s.method}",route="${s.route.replace(/["\\\n]/g, '_')}"${extra}}`
      const lines = [
        '# HELP xinfang_http_request_duration_seconds Time from receiving a request to finishing its answer, by route.',
        '# TYPE xinfang_http_request_duration_seconds histogram',
      ]
      for (const s of series.values()) {
        let cumulative = 0
        LATENCY_BUCKETS_S.forEach((bound, i) => {
          cumulative += s.buckets[i]!
          lines.push(`xinfang_http_request_duration_seconds_bucket${label(s, `,le="${bound}"`)} ${cumulative}`)
        })
        lines.push(`xinfang_http_request_duration_seconds_bucket${label(s, ',le="+Inf"')} ${s.count}`)
        lines.push(`xinfang_http_request_duration_seconds_sum${label(s)} ${s.sumSeconds}`)
        lines.push(`xinfang_http_request_duration_seconds_count${label(s)} ${s.count}`)
      }
      lines.push('# HELP xinfang_http_responses_total Answers by route and status class.', '# TYPE xinfang_http_responses_total counter')
      for (const s of series.values()) for (const [statusClass, n] of s.byStatusClass) lines.push(`xinfang_http_responses_total${label(s, `,status="${statusClass}"`)} ${n}`)
      return `${lines.join('\n')}\n`
    },
  }
}
