// The original Lumigator web UI, unchanged, in Chromium against this API: upload → view →
// download → experiment → model runs (a built-in baseline, and a self-hosted OpenAI-compatible
// server) → results drawer → delete. Any 4xx/5xx response, failed request or console error fails
// the run (the stylesheet's outside font request excepted: nothing outside answers here).
//
// Environment: LUMIGATOR_TEST_API_URL (the API), LUMIGATOR_TEST_UI_URL (the UI's Vite server),
// LUMIGATOR_UI_COPY (the temporary copy of the UI, for its sample data), LUMIGATOR_UI_SCREENSHOTS.
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { chromium } from 'playwright-core'
import { expect } from './expect.mjs'
import { startStandIn } from './openai-standin.mjs'

const API = process.env.LUMIGATOR_TEST_API_URL.replace(/\/$/, '')
const UI = process.env.LUMIGATOR_TEST_UI_URL.replace(/\/$/, '')
const UI_ORIGIN = new URL(UI).origin
const SHOTS = process.env.LUMIGATOR_UI_SCREENSHOTS
const SAMPLE = path.join(process.env.LUMIGATOR_UI_COPY, 'sample_data/summarization/dialogsum_exc.csv')
const RUN_TIMEOUT = Number(process.env.LUMIGATOR_UI_RUN_TIMEOUT_MS || 15 * 60 * 1000)
const MAX_SAMPLES = 4
const OUTSIDE_FONTS = /^https:\/\/fonts\.(googleapis|gstatic)\.com\//

const stamp = Date.now().toString(36)
const experimentName = `ui-suite ${stamp}`
const selfHostedModel = 'standin-summarizer'
const selfHostedRun = `self-hosted ${stamp}`

const problems = [] // every 4xx/5xx, failed request and console error seen, in order
let page
let standIn
let shot = 0
const state = {}

async function screenshot(name) {
  shot += 1
  await page.screenshot({ path: path.join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) })
}

async function api(method, p, body) {
  const r = await fetch(API + p, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await r.text()
  return { status: r.status, json: text ? JSON.parse(text) : null, headers: r.headers }
}

function watch(p) {
  p.on('response', (r) => {
    if (r.status() >= 400 && !OUTSIDE_FONTS.test(r.url())) {
      problems.push(`${r.status()} ${r.request().method()} ${r.url()}`)
    }
  })
  p.on('requestfailed', (r) => {
    if (!OUTSIDE_FONTS.test(r.url())) {
      problems.push(`request failed (${r.failure()?.errorText}) ${r.request?.().method?.() ?? r.method()} ${r.url()}`)
    }
  })
  p.on('console', (m) => {
    if (m.type() !== 'error') return
    const where = m.location()?.url || ''
    // Chromium reports the blocked font request as a console error naming its URL
    if (OUTSIDE_FONTS.test(where) || OUTSIDE_FONTS.test(m.text().replace(/^.*?(https:)/, '$1'))) return
    problems.push(`console error: ${m.text()}`)
  })
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
}

function noProblemsSoFar() {
  if (problems.length) {
    throw new Error(`the UI met ${problems.length} problem(s):\n    ${problems.join('\n    ')}`)
  }
}

const steps = []
const step = (name, fn) => steps.push({ name, fn })

step('the datasets page loads', async () => {
  await page.goto(UI + '/')
  await expect(page.getByRole('button', { name: 'Provide Dataset' })).toBeVisible()
  await screenshot('datasets')
})

step('upload a dataset', async () => {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Provide Dataset' }).click()
  await (await chooser).setFiles(SAMPLE)
  const created = page.waitForResponse(
    (r) => r.url().includes('/api/v1/datasets') && r.request().method() === 'POST',
  )
  await page.getByRole('button', { name: 'Upload' }).click()
  const response = await created
  expect(response.status()).toBe(201)
  state.dataset = await response.json()
  // ids are shortened in the table: the first 20 characters are shown
  state.row = page.locator('tr', { hasText: state.dataset.id.slice(0, 20) })
  await expect(state.row).toBeVisible()
  await expect(state.row).toContainText('dialogsum_exc.csv')
  await screenshot('uploaded')
})

step("presigned S3 URLs answer CORS for the UI's origin; anonymous listing is refused", async () => {
  const { json } = await api('GET', `/api/v1/datasets/${state.dataset.id}/download?extension=csv`)
  const url = new URL(json.download_urls[0])
  const preflight = await fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: UI_ORIGIN, 'Access-Control-Request-Method': 'GET' },
  })
  if (preflight.headers.get('access-control-allow-origin') !== UI_ORIGIN) {
    throw new Error(
      `the S3 endpoint ${url.origin} does not allow the UI's origin ${UI_ORIGIN} (preflight ${preflight.status}). ` +
        'An S3Proxy started by deploy/local/stack.sh answers CORS for the UI on this machine ' +
        '(LUMIGATOR_S3_CORS_ALLOWED_ORIGINS); one started from an older checkout does not: ' +
        'restart it with `deploy/local/stack.sh stop s3 && deploy/local/stack.sh start s3`.',
    )
  }
  const listing = await fetch(new URL(url.pathname.split('/').slice(0, 2).join('/') + '/', url.origin), {
    headers: { Origin: UI_ORIGIN },
  })
  expect(listing.status).toBe(403)
})

step('view the dataset (the browser reads it from S3)', async () => {
  await state.row.click()
  await expect(page.getByRole('heading', { name: 'Dataset Details' })).toBeVisible()
  await page.getByRole('button', { name: 'View Dataset' }).click()
  const viewer = page.getByRole('complementary').filter({ hasText: 'Dataset:' })
  await expect(viewer).toBeVisible()
  const firstLine = fs.readFileSync(SAMPLE, 'utf8').split(/\r?\n/)[0]
  for (const column of firstLine.split(',')) {
    await expect(viewer.getByRole('columnheader', { name: column.trim() })).toBeVisible()
  }
  // a piece of the first example, as the table shows it
  const firstExample = (await csvFirstValue(SAMPLE)).slice(0, 40)
  await expect(viewer.getByText(firstExample, { exact: false }).first()).toBeVisible()
  state.viewer = viewer
  await screenshot('dataset-viewer')
})

step('download the dataset (from S3): the rows uploaded', async () => {
  await page.keyboard.press('Escape')
  await expect(state.viewer).toBeHidden()
  const download = page.waitForEvent('download')
  // the details panel's icon buttons have no names: download, then delete
  await detailsActions().nth(0).click()
  const file = await (await download).path()
  // the stored CSV ends its records with CRLF (RFC 4180); the sample file with LF
  const lf = (f) => fs.readFileSync(f, 'utf8').replace(/\r\n/g, '\n')
  expect(lf(file)).toBe(lf(SAMPLE))
})

step('create an experiment from the dataset', async () => {
  await page.getByRole('button', { name: 'Use in Experiment' }).click()
  const modal = page.getByRole('dialog').filter({ hasText: 'Create Experiment' })
  await opened(modal)
  await modal.getByLabel('Title').fill(experimentName)
  await modal.getByLabel('Description for your own reference').fill('driven by the UI suite')
  // PrimeVue's InputNumber reads key strokes, not input events, and commits on blur
  await modal.getByLabel('Maximum samples (optional)').pressSequentially(String(MAX_SAMPLES))
  await modal.getByLabel('Maximum samples (optional)').press('Tab')
  await expect(modal.getByLabel('Maximum samples (optional)')).toHaveValue(String(MAX_SAMPLES))
  await expect(modal.getByText('dialogsum_exc.csv')).toBeVisible()
  await screenshot('create-experiment')
  const created = page.waitForResponse(
    (r) => r.url().includes('/api/v1/experiments') && r.request().method() === 'POST',
  )
  await modal.getByRole('button', { name: 'Continue' }).click()
  const response = await created
  expect(response.status()).toBe(201)
  expect(response.request().postDataJSON().max_samples).toBe(MAX_SAMPLES)
  state.experiment = await response.json()
  expect(state.experiment.max_samples).toBe(MAX_SAMPLES)
  await page.waitForURL(`**/experiments/${state.experiment.id}`)
  await expect(page.getByRole('heading', { name: experimentName })).toBeVisible()
})

step('choose the baseline model and add a self-hosted one', async () => {
  await page.getByRole('tab', { name: 'Models Selection' }).click()
  await expect(page.getByRole('heading', { name: 'Suggested Models' })).toBeVisible()
  await card('lead-3').getByRole('checkbox').check()

  await page.getByRole('button', { name: 'Add Model Run' }).click()
  const modal = page.getByRole('dialog').filter({ hasText: 'Configure Model Run' })
  await opened(modal)
  await modal.getByRole('combobox').filter({ hasText: 'Hugging Face' }).click()
  await page.getByRole('option', { name: 'Self-Hosted' }).click()
  await modal.getByLabel('Base Url').fill(`${standIn.url}/v1`)
  await modal.getByLabel('model id').fill(selfHostedModel)
  await expect(modal.getByLabel('Provider')).toHaveValue('self-hosted')
  await modal.getByLabel('run title').fill(selfHostedRun)
  await screenshot('configure-self-hosted')
  await modal.getByRole('button', { name: 'Done' }).click()
  await expect(modal).toBeHidden()
  const checkbox = card(selfHostedRun).getByRole('checkbox')
  if (!(await checkbox.isChecked())) await checkbox.check()
  await expect(card('lead-3').getByRole('checkbox')).toBeChecked()
  await screenshot('models-selected')
})

step('run both: two workflows are created', async () => {
  const posted = []
  const listener = (r) => {
    if (r.url().includes('/api/v1/workflows') && r.request().method() === 'POST') posted.push(r)
  }
  page.on('response', listener)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect.poll(() => posted.length).toBe(2)
  page.off('response', listener)
  const providers = []
  for (const r of posted) {
    expect(r.status()).toBe(201)
    providers.push(JSON.parse(r.request().postData()).provider)
  }
  expect(providers.sort()).toEqual(['baseline', 'self-hosted'])
})

step('both model runs succeed (Model Runs tab)', async () => {
  await page.getByRole('tab', { name: 'Model Runs' }).click()
  for (const name of ['lead-3', selfHostedRun]) {
    const row = page.getByRole('row').filter({ hasText: name })
    await expect(row).toBeVisible()
    await expect(row).toContainText('succeeded', { timeout: RUN_TIMEOUT, failText: /failed/ })
  }
  // the self-hosted run really asked the self-hosted server, about every example
  expect(new Set(standIn.calls.get(selfHostedModel)).size).toBe(MAX_SAMPLES)
  console.log(`  (the self-hosted server answered ${standIn.calls.get(selfHostedModel).length} requests)`)
  await screenshot('model-runs-succeeded')
})

step('the results drawer: metrics per model, rows per example', async () => {
  await page.getByRole('button', { name: 'View All Results' }).click()
  const drawer = page.getByRole('complementary').filter({ hasText: `Experiment: ${experimentName}` })
  await expect(drawer).toBeVisible()
  for (const model of ['lead-3', selfHostedModel]) {
    await expect(drawer.getByRole('row').filter({ hasText: model })).toBeVisible()
  }
  await expect(drawer.getByRole('columnheader', { name: 'rouge-1' })).toBeVisible()
  await expect(drawer.getByRole('columnheader', { name: 'Meteor' })).toBeVisible()
  const metricCell = drawer.getByRole('row').filter({ hasText: 'lead-3' }).getByRole('cell')
  await expect(metricCell.filter({ hasText: /^0\.\d+$/ }).first()).toBeVisible()
  await screenshot('results')
  // one model's examples
  await drawer.getByRole('row').filter({ hasText: selfHostedModel }).getByRole('button').first().click()
  await expect(drawer.getByRole('columnheader', { name: 'Ground Truth' })).toBeVisible()
  await expect(drawer.getByRole('columnheader', { name: 'predictions' })).toBeVisible()
  await screenshot('results-examples')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
})

step('delete the experiment', async () => {
  await page.getByRole('tab', { name: 'Experiment Details' }).click()
  await page.getByRole('button', { name: 'Delete Experiment' }).click()
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog')).filter({ hasText: 'Delete' })
  const deleted = page.waitForResponse(
    (r) => r.url().includes(`/api/v1/experiments/${state.experiment.id}`) && r.request().method() === 'DELETE',
  )
  await confirm.getByRole('button', { name: 'Delete Experiment' }).click()
  expect((await deleted).status()).toBeLessThan(300)
  await expect.poll(async () => (await api('GET', `/api/v1/experiments/${state.experiment.id}`)).status).toBe(404)
})

step('delete the dataset', async () => {
  await page.goto(UI + '/datasets')
  const row = page.locator('tr', { hasText: state.dataset.id.slice(0, 20) })
  await row.click()
  await expect(page.getByRole('heading', { name: 'Dataset Details' })).toBeVisible()
  await detailsActions().nth(1).click()
  const confirm = page.getByRole('alertdialog').or(page.getByRole('dialog')).filter({ hasText: 'Delete  dataset?' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(row).toBeHidden()
  expect((await api('GET', `/api/v1/datasets/${state.dataset.id}`)).status).toBe(404)
  await screenshot('deleted')
})

// PrimeVue's Dialog moves focus to its close button when its enter transition ends; on a busy
// machine that lands after the first fields are filled and swallows key strokes meant for an input.
// Focus inside the dialog means the transition is over.
async function opened(modal) {
  await expect(modal).toBeVisible()
  await expect.poll(() => modal.evaluate((el) => el.contains(document.activeElement))).toBe(true)
}

function detailsActions() {
  return page.locator('.l-dataset-details__header-actions').getByRole('button')
}

function card(name) {
  return page.locator('article.model-card').filter({ has: page.getByText(name, { exact: true }) })
}

async function csvFirstValue(file) {
  const text = fs.readFileSync(file, 'utf8')
  const second = text.slice(text.indexOf('\n') + 1)
  if (second.startsWith('"')) return second.slice(1, second.indexOf('"', 1)).split('\n')[0]
  return second.split(',')[0]
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true })
  standIn = await startStandIn()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lumigator-ui-chromium-'))
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.LUMIGATOR_UI_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  page = browser.pages()[0] || (await browser.newPage())
  page.setDefaultTimeout(30_000)
  watch(page)
  let passed = 0
  let failed = 0
  try {
    for (const { name, fn } of steps) {
      const t0 = Date.now()
      try {
        await fn()
        noProblemsSoFar()
        passed += 1
        console.log(`ok - ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
      } catch (e) {
        failed += 1
        console.log(`FAILED - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 8).join('\n  ')}`)
        await screenshot('failure').catch(() => {})
        const rest = steps.length - passed - failed
        if (rest) console.log(`(${rest} later step(s) not run: each builds on the one before)`)
        failed += rest
        break
      }
    }
  } finally {
    await browser.close()
    await standIn.close()
    fs.rmSync(profile, { recursive: true, force: true })
  }
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed ? 1 : 0
}

await main()
