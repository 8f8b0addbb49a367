import { get, del, q, uploadDataset } from '../api.js'
import { h, slot, show, errorBox, progressBar, bytes, when, act } from '../dom.js'

export async function datasetsView(_params, ctx) {
  const status = slot()
  const listSlot = h('div')
  const file = h('input', { type: 'file', id: 'dataset-file', name: 'dataset', accept: '.csv,text/csv', required: true })
  const upload = h('button', { type: 'submit' }, 'Upload')
  const form = h('form', { class: 'card upload', 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title' }, 'Upload a dataset'),
    h('p', { class: 'hint' }, 'A CSV file with an ', h('code', {}, 'examples'), ' column and, optionally, ', h('code', {}, 'ground_truth'), '.'),
    h('div', { class: 'row' }, h('label', { for: 'dataset-file' }, 'Dataset CSV file'), file, upload),
    status,
  )
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    if (!file.files.length) return show(status, errorBox(new Error('Choose a CSV file first')))
    const chosen = file.files[0]
    const bar = progressBar(0, chosen.size, 'Upload progress')
    show(status, h('p', {}, `Uploading ${chosen.name}…`), bar)
    await act(upload, status, async () => {
      const created = await uploadDataset(chosen, (done, total) => {
        if (ctx.alive()) show(status, h('p', {}, `Uploading ${chosen.name}…`), progressBar(done, total, 'Upload progress'))
      })
      show(status, h('p', { class: 'ok' }, `Uploaded ${created.filename} (${created.id}).`))
      form.reset()
      await refresh()
    })
  })

  async function refresh() {
    try {
      const page = await get('/datasets/?limit=100')
      show(listSlot, table(page))
    } catch (e) {
      show(listSlot, errorBox(e))
    }
  }

  function table(page) {
    if (!page.items.length) return h('p', {}, 'No datasets yet.')
    const rowStatus = slot()
    return h('div', {},
      rowStatus,
      h('div', { class: 'scroll' }, h('table', {},
        h('caption', {}, `${page.total} dataset${page.total === 1 ? '' : 's'}`),
        h('thead', {}, h('tr', {}, ['File', 'ID', 'Size', 'Ground truth', 'Created', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map((d) => h('tr', { 'data-id': d.id },
          h('td', {}, d.filename, d.generated ? h('span', { class: 'tag' }, 'generated') : null),
          h('td', {}, h('code', { title: d.id }, d.id.slice(0, 8))),
          h('td', {}, bytes(d.size)),
          h('td', {}, d.ground_truth ? 'yes' : 'no'),
          h('td', {}, when(d.created_at)),
          h('td', { class: 'actions' },
            h('button', { type: 'button', 'aria-label': `Download ${d.filename}`, onclick: (e) => act(e.currentTarget, rowStatus, async () => {
              const { download_urls: urls } = await get(`/datasets/${q(d.id)}/download?extension=csv`)
              window.open(urls[0], '_blank', 'noopener')
            }) }, 'Download'),
            h('button', { type: 'button', class: 'danger', 'aria-label': `Delete ${d.filename}`, onclick: (e) => act(e.currentTarget, rowStatus, async () => {
              if (!confirm(`Delete the dataset ${d.filename}?`)) return
              await del(`/datasets/${q(d.id)}`)
              show(rowStatus, h('p', { class: 'ok' }, `Deleted ${d.filename}.`))
              await refresh()
            }) }, 'Delete'),
          ),
        ))),
      )),
    )
  }

  await refresh()
  return h('section', {}, h('h1', {}, 'Datasets'), form, h('h2', {}, 'Your datasets'), listSlot)
}
