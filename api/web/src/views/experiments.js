import { get, post, q } from '../api.js'
import { h, slot, show, errorBox, when, act } from '../dom.js'

const TASKS = ['summarization', 'translation', 'text-generation']

export async function experimentsView() {
  const page = await get('/experiments/?limit=100')
  const body = page.items.length
    ? h('div', { class: 'scroll' }, h('table', {},
        h('caption', {}, `${page.total} experiment${page.total === 1 ? '' : 's'}`),
        h('thead', {}, h('tr', {}, ['Name', 'Task', 'Workflows', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, page.items.map((x) => h('tr', {},
          h('td', {}, h('a', { href: `#/experiments/${q(x.id)}` }, x.name)),
          h('td', {}, x.task_definition?.task || ''),
          h('td', {}, (x.workflows || []).length),
          h('td', {}, when(x.created_at)),
        ))),
      ))
    : h('p', {}, 'No experiments yet.')
  return h('section', {},
    h('div', { class: 'heading' }, h('h1', {}, 'Experiments'), h('a', { class: 'button', href: '#/experiments/new' }, 'New experiment')),
    body)
}

/** The suggested parameters of a catalogue entry for a task (`tasks: [{task: {params}}]`). */
function suggested(entry, task) {
  for (const t of entry.tasks || []) if (task in t) return t[task] || {}
  return {}
}

function field(id, label, input, hint) {
  input.id = id
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('small', { class: 'hint' }, hint) : null)
}

export async function newExperimentView(_params, ctx) {
  const datasets = (await get('/datasets/?limit=100')).items.filter((d) => !d.generated)
  const status = slot()
  const name = h('input', { name: 'name', required: true, maxlength: 255, autocomplete: 'off' })
  const description = h('input', { name: 'description', maxlength: 4096, autocomplete: 'off' })
  const dataset = h('select', { name: 'dataset', required: true },
    datasets.map((d) => h('option', { value: d.id }, `${d.filename} (${d.id.slice(0, 8)})`)))
  const preselect = ctx.query.get('dataset')
  if (preselect) dataset.value = preselect
  const task = h('select', { name: 'task' }, TASKS.map((t) => h('option', { value: t }, t)))
  const maxSamples = h('input', { name: 'max_samples', type: 'number', min: -1, step: 1, value: '-1' })
  const source = h('input', { name: 'source_language', value: 'English', autocomplete: 'off' })
  const target = h('input', { name: 'target_language', value: 'German', autocomplete: 'off' })
  const languages = h('div', { class: 'row fields', hidden: true },
    field('source-language', 'Source language', source), field('target-language', 'Target language', target))
  const models = h('fieldset', { class: 'models' }, h('legend', {}, 'Models'))
  let catalogue = []

  async function loadModels() {
    languages.hidden = task.value !== 'translation'
    models.replaceChildren(h('legend', {}, 'Models'), h('p', {}, 'Loading the catalogue…'))
    try {
      catalogue = (await get(`/models/?tasks=${q(task.value)}`)).items
    } catch (e) {
      models.replaceChildren(h('legend', {}, 'Models'), errorBox(e))
      return
    }
    models.replaceChildren(h('legend', {}, `Models for ${task.value}`),
      ...catalogue.map((m, i) => {
        const params = suggested(m, task.value)
        const id = `model-${i}`
        const needsKey = (m.requirements || []).includes('api_key')
        return h('div', { class: 'model' },
          h('input', { type: 'checkbox', id, value: String(i), name: 'model' }),
          h('label', { for: id }, h('strong', {}, m.display_name), ' ', h('code', {}, `${m.provider}/${m.model}`)),
          h('div', { class: 'model-info' },
            m.description ? h('p', {}, m.description) : null,
            Object.keys(params).length
              ? h('p', { class: 'hint' }, 'Suggested parameters: ', Object.entries(params).map(([k, v]) => `${k}=${v}`).join(', '))
              : null,
            needsKey ? h('p', { class: 'hint' }, `Needs the API key `, h('code', {}, `${m.provider}_api_key`), ' (', h('a', { href: '#/settings' }, 'Settings'), ').') : null,
          ))
      }))
  }
  task.addEventListener('change', loadModels)

  const submit = h('button', { type: 'submit' }, 'Create experiment')
  const form = h('form', { class: 'card' },
    field('experiment-name', 'Name', name),
    field('experiment-description', 'Description', description),
    datasets.length ? field('experiment-dataset', 'Dataset', dataset) : h('p', {}, 'Upload a dataset first: ', h('a', { href: '#/datasets' }, 'Datasets')),
    h('div', { class: 'row fields' },
      field('experiment-task', 'Task', task),
      field('experiment-max-samples', 'Max samples', maxSamples, '-1 = every row')),
    languages,
    models,
    h('div', { class: 'row' }, submit),
    status,
  )
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    act(submit, status, async () => {
      const chosen = [...models.querySelectorAll('input[type=checkbox]:checked')].map((c) => catalogue[Number(c.value)])
      if (!chosen.length) throw new Error('Pick at least one model')
      const taskDefinition = { task: task.value }
      if (task.value === 'translation') Object.assign(taskDefinition, { source_language: source.value, target_language: target.value })
      const experiment = await post('/experiments/', {
        name: name.value,
        description: description.value,
        dataset: dataset.value,
        max_samples: Number(maxSamples.value),
        task_definition: taskDefinition,
      })
      const failures = []
      for (const m of chosen) {
        const params = suggested(m, task.value)
        const body = { name: m.model, experiment_id: experiment.id, model: m.model, provider: m.provider }
        if (m.base_url) body.base_url = m.base_url
        if ((m.requirements || []).includes('api_key')) body.secret_key_name = `${m.provider}_api_key`
        if (Object.keys(params).length) body.generation_config = params
        try {
          await post('/workflows/', body)
        } catch (err) {
          failures.push(h('li', {}, `${m.display_name}: `, h('span', { class: 'detail' }, err.message)))
        }
      }
      if (!failures.length) {
        location.hash = `#/experiments/${q(experiment.id)}`
        return
      }
      show(status, h('div', { class: 'error', role: 'alert' },
        h('p', {}, 'The experiment was created, but some models could not start:'), h('ul', {}, failures),
        h('p', {}, h('a', { href: `#/experiments/${q(experiment.id)}` }, 'Open the experiment'))))
    })
  })
  await loadModels()
  return h('section', {}, h('h1', {}, 'New experiment'), form)
}
