// One horizontal bar chart per metric, drawn as SVG: a bar per workflow and, when the leaderboard
// gives a confidence interval, a whisker from its low to its high end. Hand-drawn because the one
// shape needed (bars with error whiskers, text labels, an accessible table-like description) takes
// ~50 lines here, while charting libraries need a plugin for error bars.
import { svg, h, fmt } from './dom.js'

const BAR = 22
const GAP = 8
const LABEL = 130
const WIDTH = 420

export function barChart(title, rows) {
  // rows: [{label, value, low?, high?}]
  const top = Math.max(1e-9, ...rows.map((r) => Math.max(r.value ?? 0, r.high ?? 0)))
  const max = top <= 1 ? 1 : niceCeil(top)
  const plot = WIDTH - LABEL - 50
  const x = (v) => LABEL + (Math.max(0, v) / max) * plot
  const height = rows.length * (BAR + GAP) + 24
  const described = rows.map((r) => `${r.label}: ${fmt(r.value)}${r.low != null ? ` (${fmt(r.low)} to ${fmt(r.high)})` : ''}`).join('; ')
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': `${title}: ${described}`, class: 'chart' },
    svg('line', { x1: LABEL, x2: LABEL, y1: 0, y2: height - 20, class: 'axis' }),
    svg('text', { x: LABEL, y: height - 6, class: 'tick' }, '0'),
    svg('text', { x: LABEL + plot, y: height - 6, class: 'tick', 'text-anchor': 'end' }, fmt(max, 2)),
    rows.map((r, i) => {
      const y = i * (BAR + GAP) + 4
      const parts = [
        svg('text', { x: LABEL - 6, y: y + BAR / 2 + 4, 'text-anchor': 'end', class: 'label' }, clip(r.label, 18)),
        svg('rect', { x: LABEL, y, width: Math.max(1, x(r.value ?? 0) - LABEL), height: BAR, class: `bar bar-${i % 6}` }),
      ]
      if (r.low != null && r.high != null) {
        const mid = y + BAR / 2
        parts.push(
          svg('line', { x1: x(r.low), x2: x(r.high), y1: mid, y2: mid, class: 'whisker' }),
          svg('line', { x1: x(r.low), x2: x(r.low), y1: mid - 6, y2: mid + 6, class: 'whisker' }),
          svg('line', { x1: x(r.high), x2: x(r.high), y1: mid - 6, y2: mid + 6, class: 'whisker' }),
        )
      }
      parts.push(svg('text', { x: Math.max(x(r.value ?? 0), r.high != null ? x(r.high) : 0) + 4, y: y + BAR / 2 + 4, class: 'value' }, fmt(r.value)))
      return parts
    }),
  )
  return h('figure', { class: 'chart-card' }, h('figcaption', {}, title), chart)
}

function niceCeil(v) {
  const p = 10 ** Math.floor(Math.log10(v))
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v)
}

function clip(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}
