// Web-first assertions over playwright-core's locators: each waits (polls) until the condition
// holds or its timeout passes, never a fixed sleep. Plain values are checked at once.
import assert from 'node:assert/strict'

const DEFAULT_TIMEOUT = 30_000

async function poll(describe, probe, { timeout = DEFAULT_TIMEOUT, failWhen } = {}) {
  const deadline = Date.now() + timeout
  let last
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    try {
      last = await probe()
      if (last.ok) return
      if (failWhen && failWhen(last.value)) {
        throw new Error(`${describe}: gave up early, got ${JSON.stringify(last.value)}`)
      }
    } catch (e) {
      if (e.message.includes('gave up early') || e.message.includes('strict mode violation')) throw e
      last = { value: `(${e.message.split('\n')[0]})` }
    }
    if (Date.now() > deadline) {
      throw new Error(`${describe}: not so after ${timeout} ms; last seen ${JSON.stringify(last?.value)}`)
    }
    await new Promise((r) => setTimeout(r, wait))
  }
}

function locatorAssertions(locator) {
  const what = locator.toString()
  return {
    async toBeVisible({ timeout = DEFAULT_TIMEOUT } = {}) {
      await locator.waitFor({ state: 'visible', timeout })
    },
    async toBeHidden({ timeout = DEFAULT_TIMEOUT } = {}) {
      await locator.waitFor({ state: 'hidden', timeout })
    },
    async toContainText(text, { timeout, failText } = {}) {
      await poll(
        `${what} contains ${text}`,
        async () => {
          const value = (await locator.textContent({ timeout: 1000 })) ?? ''
          return { ok: value.includes(text), value }
        },
        { timeout, failWhen: failText && ((v) => failText.test(v)) },
      )
    },
    async toHaveValue(expected, { timeout } = {}) {
      await poll(`${what} has value ${expected}`, async () => {
        const value = await locator.inputValue({ timeout: 1000 })
        return { ok: value === expected, value }
      }, { timeout })
    },
    async toBeChecked({ timeout } = {}) {
      await poll(`${what} is checked`, async () => {
        const value = await locator.isChecked({ timeout: 1000 })
        return { ok: value, value }
      }, { timeout })
    },
  }
}

export function expect(actual) {
  if (actual && typeof actual.waitFor === 'function') return locatorAssertions(actual)
  return {
    toBe: (expected) => assert.equal(actual, expected),
    toEqual: (expected) => assert.deepEqual(actual, expected),
    toBeLessThan: (n) => assert.ok(actual < n, `${actual} < ${n}`),
    toBeGreaterThanOrEqual: (n) => assert.ok(actual >= n, `${actual} >= ${n}`),
  }
}

expect.poll = (fn, { timeout } = {}) => ({
  async toBe(expected) {
    await poll(`value becomes ${expected}`, async () => {
      const value = await fn()
      return { ok: value === expected, value }
    }, { timeout })
  },
})
