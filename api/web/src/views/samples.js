import { get, q } from '../api.js'
import { h, slot, show, errorBox, fmt, act } from '../dom.js'

const LIMIT = 10

export async function samplesView([id], ctx) {
  const experiment = await get(`/experiments/${q(id)}`)
  let skip = Number(ctx.query.get('skip') || 0)
  let sort = ctx.query.get('sort') || 'index'
  const status = slot()
  const list = h('div', { class: 'samples' })
  const sortSelect = h('select', { id: 'sample-sort' }, h('option', { value: 'index' }, 'Row order'))
  const prev = h('button', { type: 'button' }, 'Previous')
  const next = h('button', { type: 'button' }, 'Next')
  const pageInfo = h('span', { class: 'hint', 'aria-live': 'polite' })

  async function load() {
    const page = await get(`/experiments/${q(id)}/samples?skip=${skip}&limit=${LIMIT}&sort=${q(sort)}`)
    if (sortSelect.options.length === 1) {
      for (const key of page.keys) sortSelect.append(h('option', { value: key }, `Largest difference in ${key}`))
      sortSelect.value = sort
    }
    const workflows = page.workflows
    pageInfo.textContent = page.total ? `Samples ${skip + 1}–${Math.min(skip + LIMIT, page.total)} of ${page.total}` : 'No samples'
    prev.disabled = skip === 0
    next.disabled = skip + LIMIT >= page.total
    list.replaceChildren(...page.items.map((s) => h('article', { class: 'sample card', 'aria-labelledby': `sample-${s.index}` },
      h('h2', { id: `sample-${s.index}` }, `Sample ${s.index}`),
      h('div', { class: 'pair' },
        h('div', {}, h('h3', {}, 'Example'), h('p', { class: 'text' }, s.examples)),
        h('div', {}, h('h3', {}, 'Ground truth'), h('p', { class: 'text' }, s.ground_truth ?? '–'))),
      h('div', { class: 'predictions' }, workflows.map((w) => {
        const scores = s.scores?.[w.workflow_id] || {}
        return h('div', { class: 'prediction', 'data-workflow': w.workflow_id },
          h('h3', {}, w.name, ' ', h('code', {}, w.model)),
          h('p', { class: 'text' }, s.predictions?.[w.workflow_id] ?? '–'),
          h('dl', { class: 'scores' }, page.keys.flatMap((k) => [h('dt', {}, k), h('dd', { class: k === sort ? 'sorted' : null }, fmt(scores[k]))])))
      })),
    )))
  }

  async function go(button) {
    await act(button, status, async () => {
      show(status)
      await load()
      history.replaceState(null, '', `#/experiments/${q(id)}/samples?skip=${skip}&sort=${q(sort)}`)
    })
  }
  prev.addEventListener('click', () => { skip = Math.max(0, skip - LIMIT); go(prev) })
  next.addEventListener('click', () => { skip += LIMIT; go(next) })
  sortSelect.addEventListener('change', () => { sort = sortSelect.value; skip = 0; go(sortSelect) })

  try {
    await load()
  } catch (e) {
    show(status, errorBox(e))
  }
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, `Per-sample comparison: ${experiment.name}`),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/experiments/${q(id)}` }, 'Experiment'),
        h('a', { class: 'button', href: `#/experiments/${q(id)}/leaderboard` }, 'Leaderboard'))),
    h('div', { class: 'row toolbar' }, h('label', { for: 'sample-sort' }, 'Sort by'), sortSelect, prev, next, pageInfo),
    status, list)
}
