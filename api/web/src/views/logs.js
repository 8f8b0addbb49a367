import { get, q } from '../api.js'
import { h, slot, show, errorBox, act } from '../dom.js'

export async function logsView([kind, id]) {
  const status = slot()
  const pre = h('pre', { class: 'logs', tabindex: 0, 'aria-label': 'Log output' })
  async function load() {
    const { logs } = await get(`/${kind}/${q(id)}/logs`)
    pre.textContent = logs || '(no log lines yet)'
  }
  try {
    await load()
  } catch (e) {
    show(status, errorBox(e))
  }
  const refresh = h('button', { type: 'button', onclick: (e) => act(e.currentTarget, status, async () => { show(status); await load() }) }, 'Refresh')
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, kind === 'workflows' ? 'Workflow logs' : 'Job logs'), h('div', { class: 'actions' }, refresh,
      h('button', { type: 'button', onclick: () => history.back() }, 'Back'))),
    h('p', {}, h('code', {}, id)),
    status, pre)
}
