// Our web page (api/web), served by the API under test at /ui/, in Debian's Chromium:
// a bad upload's error as the API words it → upload → download → experiment with two baselines →
// both workflows succeed → leaderboard in the API's order, sortable, one chart per metric →
// per-sample view → logs → settings → delete. Any unexpected 4xx/5xx, failed request or console
// error fails the run. Screenshots (1280 px and 400 px wide) go to LUMIGATOR_WEB_SCREENSHOTS.
//
// Environment: LUMIGATOR_TEST_API_URL (the API), LUMIGATOR_WEB_SCREENSHOTS, LUMIGATOR_WEB_SAMPLE
// (the dataset CSV), LUMIGATOR_WEB_RUN_TIMEOUT_MS (how long the two workflows may take).
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { chromium } from 'playwright-core'
import { expect } from '../clients/ui/expect.mjs'

const API = process.env.LUMIGATOR_TEST_API_URL.replace(/\/$/, '')
const SHOTS = process.env.LUMIGATOR_WEB_SCREENSHOTS
const SAMPLE = process.env.LUMIGATOR_WEB_SAMPLE
const RUN_TIMEOUT = Number(process.env.LUMIGATOR_WEB_RUN_TIMEOUT_MS || 5 * 60 * 1000)
const WIDE = { width: 1280, height: 900 }
const NARROW = { width: 400, height: 860 }
const MAX_SAMPLES = 6

const stamp = Date.now().toString(36)
const experimentName = `web-suite ${stamp}`
const secretName = `web_suite_${stamp}_api_key`
const problems = []
const expected = [] // [status, RegExp of URL] of error answers a step provokes on purpose
let page
let browser
const state = {}

async function screenshot(name, { narrow = false, fullPage = true } = {}) {
  if (narrow) await page.setViewportSize(NARROW)
  await page.screenshot({ path: path.join(SHOTS, `${name}${narrow ? '-400' : ''}.png`), fullPage })
  if (narrow) await page.setViewportSize(WIDE)
}

async function api(method, p, body) {
  const r = await fetch(API + p, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await r.text()
  return { status: r.status, json: text ? JSON.parse(text) : null }
}

function watch(p) {
  p.on('response', (r) => {
    if (r.status() < 400) return
    const i = expected.findIndex(([s, url]) => s === r.status() && url.test(r.url()))
    if (i >= 0) expected.splice(i, 1)
    else problems.push(`${r.status()} ${r.request().method()} ${r.url()}`)
  })
  p.on('requestfailed', (r) => problems.push(`request failed (${r.failure()?.errorText}) ${r.method()} ${r.url()}`))
  p.on('console', (m) => {
    // Chromium logs every 4xx answer as a console error too; those are judged above
    if (m.type() === 'error' && !/the server responded with a status of 4\d\d/.test(m.text())) problems.push(`console error: ${m.text()}`)
  })
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  p.on('dialog', (d) => d.accept())
}

const steps = []
const step = (name, fn) => steps.push({ name, fn })

step('a browser asking for / lands on the datasets page; API clients still get JSON', async () => {
  const json = await fetch(API + '/', { headers: { Accept: 'application/json' } })
  expect((await json.json()).Hello).toBe('Lumigator!🐊')
  await page.goto(API + '/')
  expect(new URL(page.url()).pathname).toBe('/ui/')
  await expect(page.getByRole('heading', { name: 'Datasets', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Datasets' })).toBeVisible()
  expect(await page.getByRole('link', { name: 'Datasets' }).getAttribute('aria-current')).toBe('page')
})

step('a bad upload shows the API error in its own words', async () => {
  const bad = path.join(state.tmp, 'no-examples.csv')
  fs.writeFileSync(bad, 'question,answer\nwhat,that\n')
  const form = new FormData()
  form.append('format', 'job')
  form.append('dataset', new Blob([fs.readFileSync(bad)]), 'no-examples.csv')
  const direct = await (await fetch(`${API}/api/v1/datasets/`, { method: 'POST', body: form })).json()
  expected.push([422, /\/api\/v1\/datasets\/$/])
  await page.getByLabel('Dataset CSV file').setInputFiles(bad)
  await page.getByRole('button', { name: 'Upload' }).click()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText(direct.detail)
  expect(await alert.locator('.detail').textContent()).toBe(direct.detail)
  await screenshot('01-datasets-error', { fullPage: false })
})

step('upload the sample dataset with a progress bar; it is listed', async () => {
  await page.getByLabel('Dataset CSV file').setInputFiles(SAMPLE)
  const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/datasets/') && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Upload' }).click()
  await expect(page.getByRole('progressbar', { name: 'Upload progress' })).toBeVisible()
  const response = await created
  expect(response.status()).toBe(201)
  state.dataset = await response.json()
  await expect(page.locator('.ok')).toContainText(`Uploaded ${state.dataset.filename}`)
  state.datasetRow = page.locator(`tr[data-id="${state.dataset.id}"]`)
  await expect(state.datasetRow).toContainText(path.basename(SAMPLE))
  await screenshot('02-datasets')
  await screenshot('02-datasets', { narrow: true })
})

step('download fetches the CSV from its presigned URL', async () => {
  const fetched = page.context().waitForEvent('response', (r) => r.url().includes(`/datasets/${state.dataset.id}/`) && new URL(r.url()).pathname.endsWith('/dataset.csv'))
  const popup = page.context().waitForEvent('page')
  await state.datasetRow.getByRole('button', { name: `Download ${state.dataset.filename}` }).click()
  expect((await fetched).status()).toBe(200)
  await (await popup).close()
})

step('create an experiment with the lead-1 and lead-3 baselines from the catalogue', async () => {
  await page.getByRole('link', { name: 'Experiments' }).click()
  await page.getByRole('link', { name: 'New experiment' }).click()
  await expect(page.getByRole('heading', { name: 'New experiment' })).toBeVisible()
  await page.getByLabel('Name').fill(experimentName)
  await page.getByLabel('Dataset').selectOption(state.dataset.id)
  await page.getByLabel('Task').selectOption('summarization')
  await page.getByLabel('Max samples').fill(String(MAX_SAMPLES))
  await page.getByLabel(/^Lead-1 baseline/).check()
  await page.getByLabel(/^Lead-3 baseline/).check()
  await screenshot('03-new-experiment')
  await screenshot('03-new-experiment', { narrow: true })
  await page.getByRole('button', { name: 'Create experiment' }).click()
  await page.waitForURL(/#\/experiments\/[0-9a-f-]{36}$/)
  state.experimentId = page.url().split('/').pop()
  const { json } = await api('GET', `/api/v1/experiments/${state.experimentId}`)
  expect(json.name).toBe(experimentName)
  expect(json.max_samples).toBe(MAX_SAMPLES)
  expect(json.workflows.map((w) => w.model).sort()).toEqual(['lead-1', 'lead-3'])
  state.workflows = json.workflows
})

step('the experiment view follows both workflows until they succeed', async () => {
  await expect(page.getByRole('heading', { name: experimentName, level: 1 })).toBeVisible()
  const rows = state.workflows.map((w) => page.locator(`tr[data-id="${w.id}"]`))
  // the page polls by itself: its rows change with no reload
  for (const row of rows) {
    await expect(row.getByRole('progressbar')).toBeVisible()
    await expect(row).toContainText('succeeded', { timeout: RUN_TIMEOUT, failText: /failed/ })
  }
  await expect(page.getByText('All workflows have ended.')).toBeVisible()
  await screenshot('04-experiment')
  await screenshot('04-experiment', { narrow: true })
})

step("the leaderboard lists both in the API's order, sorts, and charts each metric", async () => {
  await page.getByRole('link', { name: 'Leaderboard' }).click()
  const { json: board } = await api('GET', `/api/v1/experiments/${state.experimentId}/leaderboard`)
  expect(board.items.length).toBe(2)
  const table = page.locator('table.leaderboard')
  await expect(table.locator('tbody tr').first()).toBeVisible()
  const order = async () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.workflow))
  expect(await order()).toEqual(board.items.map((e) => e.workflow_id))
  const first = board.items[0]
  const cell = await table.locator('tbody tr').first().locator('td').nth(2 + board.columns.indexOf(board.sort)).textContent()
  expect(cell.startsWith(first.metrics[board.sort].toFixed(3))).toBe(true)
  // sorting by the ranked metric twice reverses the order
  const sortButton = table.getByRole('button', { name: new RegExp(`^${board.sort}`) })
  await sortButton.click()
  expect(await sortButton.locator('xpath=ancestor::th').getAttribute('aria-sort')).toBe('descending')
  expect(await order()).toEqual(board.items.map((e) => e.workflow_id))
  await sortButton.click()
  expect(await sortButton.locator('xpath=ancestor::th').getAttribute('aria-sort')).toBe('ascending')
  expect(await order()).toEqual(board.items.map((e) => e.workflow_id).reverse())
  const means = board.columns.filter((c) => c.endsWith('_mean'))
  expect(await page.locator('figure.chart-card').count()).toBe(means.length)
  await expect(page.getByRole('img', { name: new RegExp(`^${board.sort}: `) })).toBeVisible()
  const intervals = board.items.some((e) => e.intervals)
  if (intervals) expect(await page.locator('.chart .whisker').count()).toBeGreaterThanOrEqual(3)
  state.leaderboardHadIntervals = intervals
  await screenshot('05-leaderboard')
  await screenshot('05-leaderboard', { narrow: true })
})

step('the per-sample view shows each example with both predictions and their scores', async () => {
  const probe = await api('GET', `/api/v1/experiments/${state.experimentId}/samples?limit=1`)
  state.samplesServed = probe.status === 200
  if (!state.samplesServed) expected.push([probe.status, /\/samples\?/])
  await page.getByRole('link', { name: 'Per-sample comparison' }).click()
  await expect(page.getByRole('heading', { name: `Per-sample comparison: ${experimentName}` })).toBeVisible()
  if (!state.samplesServed) {
    // an API without the samples endpoint: the page says what the API said
    await expect(page.getByRole('alert')).toContainText(probe.json.detail)
    await screenshot('06-samples')
    return
  }
  const { json } = await api('GET', `/api/v1/experiments/${state.experimentId}/samples?skip=0&limit=10&sort=index`)
  const samples = page.locator('article.sample')
  await expect(samples.first()).toBeVisible()
  expect(await samples.count()).toBe(Math.min(10, json.total))
  const firstItem = json.items[0]
  const firstCard = samples.first()
  for (const w of json.workflows) {
    await expect(firstCard.locator(`[data-workflow="${w.workflow_id}"]`)).toContainText(firstItem.predictions[w.workflow_id].trim().slice(0, 40))
  }
  await expect(firstCard).toContainText(firstItem.ground_truth.trim().slice(0, 40))
  const key = json.keys[0]
  await page.getByLabel('Sort by').selectOption(key)
  const { json: byKey } = await api('GET', `/api/v1/experiments/${state.experimentId}/samples?skip=0&limit=10&sort=${key}`)
  await expect(samples.first().getByRole('heading', { level: 2 })).toContainText(`Sample ${byKey.items[0].index}`)
  await screenshot('06-samples')
  await screenshot('06-samples', { narrow: true })
})

step("a workflow's logs open from the experiment view", async () => {
  await page.getByRole('link', { name: 'Experiment', exact: true }).click()
  const w = state.workflows[0]
  await page.getByRole('link', { name: `Logs of ${w.name}` }).click()
  await expect(page.getByRole('heading', { name: 'Workflow logs' })).toBeVisible()
  const { json } = await api('GET', `/api/v1/workflows/${w.id}/logs`)
  await expect(page.locator('pre.logs')).toContainText(json.logs.trim().split('\n')[0])
  await screenshot('07-logs', { fullPage: false })
})

step('settings store an API key without ever showing its value', async () => {
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Name').fill(secretName)
  await page.getByLabel('Value').fill('sk-web-suite-secret')
  await page.getByLabel('Description').fill('from the web suite')
  await page.getByRole('button', { name: 'Save key' }).click()
  const row = page.locator('tr', { hasText: secretName })
  await expect(row).toContainText('from the web suite')
  expect((await page.locator('main').textContent()).includes('sk-web-suite-secret')).toBe(false)
  expect(await page.getByLabel('Value').inputValue()).toBe('')
  await screenshot('08-settings')
  await screenshot('08-settings', { narrow: true })
  await row.getByRole('button', { name: `Delete ${secretName}` }).click()
  await expect(row).toBeHidden()
  const { json } = await api('GET', '/api/v1/settings/secrets/')
  expect(json.some((s) => s.name === secretName)).toBe(false)
})

step('delete the experiment, then the dataset', async () => {
  await page.goto(`${API}/ui/#/experiments/${state.experimentId}`)
  await page.getByRole('button', { name: 'Delete experiment' }).click()
  await page.waitForURL(/#\/experiments$/)
  await expect(page.getByRole('heading', { name: 'Experiments', level: 1 })).toBeVisible()
  expect((await api('GET', `/api/v1/experiments/${state.experimentId}`)).status).toBe(404)
  expect((await page.locator('main').textContent()).includes(experimentName)).toBe(false)
  await screenshot('09-experiments', { fullPage: false })
  await page.getByRole('link', { name: 'Datasets' }).click()
  await state.datasetRow.getByRole('button', { name: `Delete ${state.dataset.filename}` }).click()
  await expect(state.datasetRow).toBeHidden()
  expect((await api('GET', `/api/v1/datasets/${state.dataset.id}`)).status).toBe(404)
})

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true })
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lumigator-web-'))
  browser = await chromium.launchPersistentContext(path.join(state.tmp, 'profile'), {
    executablePath: process.env.LUMIGATOR_WEB_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: WIDE,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
  page = browser.pages()[0] || (await browser.newPage())
  page.setDefaultTimeout(30_000)
  watch(page)
  let passed = 0
  let failed = 0
  const t0 = Date.now()
  try {
    for (const { name, fn } of steps) {
      const t = Date.now()
      try {
        await fn()
        if (problems.length) throw new Error(`the page met ${problems.length} problem(s):\n    ${problems.splice(0).join('\n    ')}`)
        passed += 1
        console.log(`ok - ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
      } catch (e) {
        failed += 1
        console.log(`FAILED - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 8).join('\n  ')}`)
        await page.screenshot({ path: path.join(SHOTS, `failed-${steps.findIndex((s) => s.name === name) + 1}.png`), fullPage: true }).catch(() => {})
        break // later steps build on this one
      }
    }
  } finally {
    await browser.close()
    fs.rmSync(state.tmp, { recursive: true, force: true })
  }
  const skippedSamples = state.samplesServed === false ? ' (the API has no samples endpoint: the per-sample step checked its error only)' : ''
  console.log(`[web] ${steps.length - passed - failed} step(s) not reached${skippedSamples}; ${((Date.now() - t0) / 1000).toFixed(1)} s in the browser`)
  console.log(`web: ${passed} passed, ${steps.length - passed} failed`)
  process.exit(failed || passed !== steps.length ? 1 : 0)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
