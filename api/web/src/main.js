// One page, hash routes: #/datasets, #/experiments, #/experiments/new, #/experiments/{id},
// #/experiments/{id}/leaderboard, #/experiments/{id}/samples, #/logs/{workflows|jobs}/{id}, #/settings.
import './style.css'
import { h, errorBox } from './dom.js'
import { datasetsView } from './views/datasets.js'
import { experimentsView, newExperimentView } from './views/experiments.js'
import { experimentView } from './views/experiment.js'
import { leaderboardView } from './views/leaderboard.js'
import { samplesView } from './views/samples.js'
import { logsView } from './views/logs.js'
import { settingsView } from './views/settings.js'

const routes = [
  [/^\/datasets$/, datasetsView, 'datasets'],
  [/^\/experiments$/, experimentsView, 'experiments'],
  [/^\/experiments\/new$/, newExperimentView, 'experiments'],
  [/^\/experiments\/([^/]+)$/, experimentView, 'experiments'],
  [/^\/experiments\/([^/]+)\/leaderboard$/, leaderboardView, 'experiments'],
  [/^\/experiments\/([^/]+)\/samples$/, samplesView, 'experiments'],
  [/^\/logs\/(workflows|jobs)\/([^/]+)$/, logsView, 'experiments'],
  [/^\/settings$/, settingsView, 'settings'],
]

const main = document.getElementById('main')
let disposers = []
let generation = 0

async function render() {
  const path = location.hash.replace(/^#/, '') || '/datasets'
  const [pattern, view, section] = routes.find(([p]) => p.test(path.split('?')[0])) || []
  disposers.forEach((d) => d())
  disposers = []
  const mine = ++generation
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  if (!view) {
    main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/datasets' }, 'Go to the datasets')))
    return
  }
  const params = path.split('?')[0].match(pattern).slice(1).map(decodeURIComponent)
  const query = new URLSearchParams(path.split('?')[1] || '')
  const ctx = {
    onDispose: (fn) => disposers.push(fn),
    alive: () => mine === generation,
    query,
  }
  main.setAttribute('aria-busy', 'true')
  let content
  try {
    content = await view(params, ctx)
  } catch (e) {
    content = h('section', {}, h('h1', {}, 'Something went wrong'), errorBox(e))
  }
  if (!ctx.alive()) return
  main.replaceChildren(content)
  main.removeAttribute('aria-busy')
  const title = main.querySelector('h1')
  document.title = title ? `${title.textContent} · Lumigator` : 'Lumigator'
}

window.addEventListener('hashchange', () => {
  render().then(() => main.focus({ preventScroll: true }))
})
if (!location.hash) history.replaceState(null, '', '#/datasets')
render()
