import { get, put, del, q } from '../api.js'
import { h, slot, show, errorBox, act } from '../dom.js'

const KNOWN = ['openai_api_key', 'mistral_api_key', 'deepseek_api_key']

export async function settingsView() {
  const status = slot()
  const listSlot = h('div')
  const name = h('input', { id: 'secret-name', name: 'name', required: true, list: 'secret-names', autocomplete: 'off', maxlength: 255 })
  const value = h('input', { id: 'secret-value', name: 'value', type: 'password', required: true, autocomplete: 'new-password', maxlength: 1024 })
  const description = h('input', { id: 'secret-description', name: 'description', autocomplete: 'off' })
  const save = h('button', { type: 'submit' }, 'Save key')
  const form = h('form', { class: 'card' },
    h('h2', {}, 'Add or replace an API key'),
    h('p', { class: 'hint' }, 'Values are write-only: the API stores them encrypted and never shows them again.'),
    h('datalist', { id: 'secret-names' }, KNOWN.map((k) => h('option', { value: k }))),
    h('div', { class: 'field' }, h('label', { for: 'secret-name' }, 'Name'), name),
    h('div', { class: 'field' }, h('label', { for: 'secret-value' }, 'Value'), value),
    h('div', { class: 'field' }, h('label', { for: 'secret-description' }, 'Description'), description),
    h('div', { class: 'row' }, save),
    status)
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    act(save, status, async () => {
      await put(`/settings/secrets/${q(name.value)}`, { value: value.value, description: description.value })
      show(status, h('p', { class: 'ok' }, `Saved ${name.value.toLowerCase()}.`))
      form.reset()
      await refresh()
    })
  })

  async function refresh() {
    try {
      const secrets = await get('/settings/secrets/')
      show(listSlot, secrets.length
        ? h('table', {},
            h('caption', {}, 'Stored keys'),
            h('thead', {}, h('tr', {}, ['Name', 'Description', 'Value', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, secrets.map((s) => h('tr', {},
              h('th', { scope: 'row' }, h('code', {}, s.name)), h('td', {}, s.description || ''), h('td', {}, '••••••'),
              h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${s.name}`, onclick: (e) => act(e.currentTarget, status, async () => {
                if (!confirm(`Delete the key ${s.name}?`)) return
                await del(`/settings/secrets/${q(s.name)}`)
                await refresh()
              }) }, 'Delete'))))))
        : h('p', {}, 'No API keys stored. Built-in baselines need none.'))
    } catch (e) {
      show(listSlot, errorBox(e))
    }
  }
  await refresh()
  return h('section', {}, h('h1', {}, 'Settings'), form, h('h2', {}, 'API keys'), listSlot)
}
