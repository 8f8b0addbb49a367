import { get, q } from '../api.js'
import { h, fmt } from '../dom.js'
import { barChart } from '../chart.js'

const FIXED = [
  ['rank', 'Rank', (e) => e.rank],
  ['name', 'Name', (e) => e.name],
  ['model', 'Model', (e) => `${e.provider}/${e.model}`],
]

/** Metric columns to chart: the means when there are any (scores), else every column. */
function chartKeys(columns) {
  const means = columns.filter((c) => c.endsWith('_mean'))
  return means.length ? means : columns
}

export async function leaderboardView([id]) {
  const [experiment, board] = await Promise.all([get(`/experiments/${q(id)}`), get(`/experiments/${q(id)}/leaderboard`)])
  const items = board.items
  const columns = [
    ...FIXED,
    ...board.columns.map((c) => [c, c, (e) => e.metrics[c]]),
    ['inference_time', 'Inference s', (e) => e.inference_time],
    ['evaluation_time', 'Evaluation s', (e) => e.evaluation_time],
    ['estimated_cost_usd', 'Est. cost $', (e) => e.estimated_cost_usd],
  ]
  const names = new Map(items.map((e) => [e.workflow_id, e.name]))
  let sortKey = 'rank'
  let ascending = true
  const table = h('table', { class: 'leaderboard' })

  function render() {
    const [, , value] = columns.find(([k]) => k === sortKey)
    const sorted = [...items].sort((a, b) => {
      const va = value(a)
      const vb = value(b)
      if (va == null) return 1
      if (vb == null) return -1
      const c = typeof va === 'number' ? va - vb : String(va).localeCompare(String(vb))
      return ascending ? c : -c
    })
    const focused = document.activeElement?.dataset?.sortKey
    table.replaceChildren(
      h('caption', {}, `Succeeded workflows ranked by ${board.sort} (${board.order}). Select a column heading to sort.`),
      h('thead', {}, h('tr', {}, columns.map(([key, label]) => h('th', {
        scope: 'col',
        'aria-sort': key === sortKey ? (ascending ? 'ascending' : 'descending') : 'none',
      }, h('button', { type: 'button', class: 'sort', 'data-sort-key': key, onclick: () => sortBy(key) },
        label, h('span', { 'aria-hidden': 'true' }, key === sortKey ? (ascending ? ' ▲' : ' ▼') : '')))))),
      h('tbody', {}, sorted.map((e) => h('tr', { 'data-workflow': e.workflow_id },
        columns.map(([key, , v]) => {
          const cell = key === 'name' ? h('th', { scope: 'row' }) : h('td')
          const val = v(e)
          cell.append(typeof val === 'number' ? fmt(val) : val ?? '–')
          const interval = e.intervals?.[key]
          if (interval) cell.append(h('small', { class: 'ci' }, ` [${fmt(interval.low)}, ${fmt(interval.high)}]`))
          return cell
        })))),
    )
    if (focused) table.querySelector(`[data-sort-key="${focused}"]`)?.focus()
  }

  function sortBy(key) {
    if (key === sortKey) ascending = !ascending
    else {
      sortKey = key
      // scores read best first; times, latency, cost, names and rank read smallest first
      ascending = !(board.columns.includes(key) && !/time|tokens|latency/.test(key))
    }
    render()
  }
  render()

  const ties = items
    .filter((e) => e.tied_with?.length)
    .map((e) => h('li', {}, `${e.name} is not significantly different from ${e.tied_with.map((w) => names.get(w) || w).join(', ')}`))
  const comparisons = board.comparisons || []
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, `Leaderboard: ${experiment.name}`),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/experiments/${q(id)}` }, 'Experiment'),
        h('a', { class: 'button', href: `#/experiments/${q(id)}/samples` }, 'Per-sample comparison'),
        h('a', { class: 'button', href: `/api/v1/experiments/${q(id)}/leaderboard?format=csv`, download: `leaderboard-${id}.csv` }, 'CSV'))),
    items.length ? null : h('p', {}, 'No workflow has succeeded yet.'),
    h('div', { class: 'scroll' }, table),
    ties.length ? h('div', { class: 'note', role: 'note' }, h('h2', {}, 'Not significantly different'), h('ul', {}, ties)) : null,
    comparisons.length ? comparisonTable(comparisons, names) : null,
    items.length ? h('h2', {}, 'Charts') : null,
    h('div', { class: 'charts' }, items.length ? chartKeys(board.columns).map((key) => barChart(key, items.map((e) => ({
      label: e.name,
      value: e.metrics[key],
      low: e.intervals?.[key]?.low,
      high: e.intervals?.[key]?.high,
    })))) : null),
  )
}

function comparisonTable(comparisons, names) {
  return h('details', { class: 'comparisons' },
    h('summary', {}, `Pairwise comparisons (${comparisons.length})`),
    h('div', { class: 'scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, ['Metric', 'A', 'B', 'A − B', 'p-value', 'Significant'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, comparisons.map((c) => h('tr', {},
        h('td', {}, c.key), h('td', {}, names.get(c.workflow_a) || c.workflow_a), h('td', {}, names.get(c.workflow_b) || c.workflow_b),
        h('td', {}, fmt(c.difference)), h('td', {}, fmt(c.p_value)), h('td', {}, c.significant ? 'yes' : 'no')))))))
}
