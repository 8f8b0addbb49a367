// A tiny element builder: h('button', {onclick}, 'Delete'). Text is always set as text, never HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v)
    else if (k === 'class') el.className = v
    else if (k in el && typeof v !== 'string') el[k] = v
    else el.setAttribute(k, v === true ? '' : v)
  }
  append(el, children)
  return el
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue
    el.append(c instanceof Node ? c : document.createTextNode(String(c)))
  }
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, v)
  append(el, children)
  return el
}

/** An error box that reads the API's words out to screen readers too. */
export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Error: '), h('span', { class: 'detail' }, error.message || String(error)))
}

export function slot() {
  return h('div', { class: 'slot', 'aria-live': 'polite' })
}

export function show(slotEl, ...content) {
  slotEl.replaceChildren(...content.flat().filter(Boolean))
}

export function progressBar(done, total, label) {
  const pct = total > 0 ? Math.min(100, Math.round((100 * done) / total)) : 0
  return h('div', { class: 'progress-wrap' },
    h('progress', { max: 100, value: pct, 'aria-label': label }),
    h('span', { class: 'progress-text' }, total > 0 ? `${done}/${total}` : ''),
  )
}

export function fmt(value, digits = 3) {
  if (value == null || Number.isNaN(value)) return '–'
  if (typeof value !== 'number') return String(value)
  return Number.isInteger(value) ? String(value) : value.toFixed(digits)
}

export function when(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString()
}

export function bytes(n) {
  if (n == null) return ''
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/** Runs an API action from a button: disables it meanwhile, shows the API's error in `where`. */
export async function act(button, where, fn) {
  button.disabled = true
  try {
    return await fn()
  } catch (e) {
    if (where) show(where, errorBox(e))
    else throw e
  } finally {
    button.disabled = false
  }
}
