import { get, post, del, q } from '../api.js'
import { h, slot, show, errorBox, progressBar, when, act, fmt } from '../dom.js'

const POLL_MS = 2000
const ACTIVE = new Set(['created', 'pending', 'running'])
const PHASES = ['inference', 'ingest-predictions', 'evaluation', 'compile', 'done']

function progressOf(w) {
  if (w.status === 'succeeded') return progressBar(1, 1, `Progress of ${w.name}`)
  if (!ACTIVE.has(w.status)) return h('span', {}, '–')
  const p = w.progress
  return h('div', {},
    progressBar(p?.done ?? 0, p?.total ?? 0, `Progress of ${w.name}`),
    h('small', { class: 'hint' }, w.phase ? `phase ${PHASES.indexOf(w.phase) + 1}/${PHASES.length}: ${w.phase}` : 'starting'))
}

function statusBadge(w) {
  return h('span', { class: `status status-${w.status}` }, w.status)
}

export async function experimentView([id], ctx) {
  const actions = slot()
  const rows = h('tbody')
  let signature = ''
  let timer

  function render(experiment) {
    const workflows = experiment.workflows || []
    const next = JSON.stringify(workflows.map((w) => [w.id, w.status, w.phase, w.progress, w.failure_reason]))
    if (next === signature) return
    signature = next
    const focused = document.activeElement?.dataset?.focusKey
    rows.replaceChildren(...workflows.map((w) => h('tr', { 'data-id': w.id },
      h('th', { scope: 'row' }, w.name),
      h('td', {}, h('code', {}, `${w.provider || ''}${w.provider ? '/' : ''}${w.model}`)),
      h('td', {}, statusBadge(w), w.failure_reason ? h('small', { class: 'hint reason' }, w.failure_reason) : null),
      h('td', { class: 'progress-cell' }, progressOf(w)),
      h('td', {}, w.status === 'succeeded' && w.metrics ? metricSummary(w.metrics) : ''),
      h('td', { class: 'actions' },
        h('a', { class: 'button', href: `#/logs/workflows/${q(w.id)}`, 'aria-label': `Logs of ${w.name}`, 'data-focus-key': `logs-${w.id}` }, 'Logs'),
        ACTIVE.has(w.status)
          ? h('button', { type: 'button', 'aria-label': `Stop ${w.name}`, 'data-focus-key': `stop-${w.id}`, onclick: (e) => act(e.currentTarget, actions, async () => {
              await post(`/workflows/${q(w.id)}/stop`)
              await refresh()
            }) }, 'Stop')
          : null,
        h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${w.name}`, 'data-focus-key': `delete-${w.id}`, onclick: (e) => act(e.currentTarget, actions, async () => {
          if (!confirm(`Delete the workflow ${w.name}?`)) return
          await del(`/workflows/${q(w.id)}${ACTIVE.has(w.status) ? '?force=true' : ''}`)
          await refresh()
        }) }, 'Delete'),
      ),
    )))
    if (!workflows.length) rows.replaceChildren(h('tr', {}, h('td', { colspan: 6 }, 'No workflows in this experiment.')))
    if (focused) rows.querySelector(`[data-focus-key="${focused}"]`)?.focus()
  }

  async function refresh() {
    clearTimeout(timer)
    let experiment
    try {
      experiment = await get(`/experiments/${q(id)}`)
    } catch (e) {
      if (ctx.alive()) show(actions, errorBox(e))
    }
    if (!ctx.alive()) return experiment
    if (experiment) {
      render(experiment)
      const running = (experiment.workflows || []).some((w) => ACTIVE.has(w.status))
      live.textContent = running ? 'Updating every 2 seconds while workflows run.' : 'All workflows have ended.'
      if (running) timer = setTimeout(refresh, POLL_MS)
    } else {
      timer = setTimeout(refresh, POLL_MS)
    }
    return experiment
  }
  ctx.onDispose(() => clearTimeout(timer))

  const live = h('p', { class: 'hint', 'aria-live': 'polite' })
  const experiment = await refresh()
  if (!experiment) throw new Error(`Experiment ${id} could not be read`)
  const deleteButton = h('button', { type: 'button', class: 'danger', onclick: (e) => act(e.currentTarget, actions, async () => {
    if (!confirm(`Delete the experiment ${experiment.name} and its workflows?`)) return
    await del(`/experiments/${q(id)}`)
    location.hash = '#/experiments'
  }) }, 'Delete experiment')
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, experiment.name),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: `#/experiments/${q(id)}/leaderboard` }, 'Leaderboard'),
        h('a', { class: 'button', href: `#/experiments/${q(id)}/samples` }, 'Per-sample comparison'),
        deleteButton)),
    experiment.description ? h('p', {}, experiment.description) : null,
    h('dl', { class: 'meta' },
      h('dt', {}, 'Task'), h('dd', {}, experiment.task_definition?.task || ''),
      h('dt', {}, 'Dataset'), h('dd', {}, h('code', {}, experiment.dataset)),
      h('dt', {}, 'Max samples'), h('dd', {}, experiment.max_samples < 0 ? 'all' : experiment.max_samples),
      h('dt', {}, 'Created'), h('dd', {}, when(experiment.created_at))),
    actions,
    h('h2', {}, 'Workflows'),
    live,
    h('div', { class: 'scroll' }, h('table', { class: 'workflows' },
      h('thead', {}, h('tr', {}, ['Name', 'Model', 'Status', 'Progress', 'Result', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      rows)),
  )
}

function metricSummary(metrics) {
  const key = Object.keys(metrics).find((k) => k.endsWith('_mean'))
  return key ? h('span', {}, `${key.replace(/_mean$/, '')}: `, h('strong', {}, fmt(metrics[key]))) : ''
}
