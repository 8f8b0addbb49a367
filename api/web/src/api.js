// The REST API (docs/API.md), same origin. Every failure becomes an ApiError whose message is the
// API's own `detail`: a string as given, or a 422 list as "field: message" lines.
const BASE = '/api/v1'

export class ApiError extends Error {
  constructor(status, detail) {
    super(describe(detail) || `HTTP ${status}`)
    this.status = status
    this.detail = detail
  }
}

function describe(detail) {
  if (typeof detail === 'string') return detail
  if (Array.isArray(detail)) {
    return detail
      .map((d) => {
        const where = (d.loc || []).filter((p) => p !== 'body').join('.')
        return where ? `${where}: ${d.msg}` : d.msg
      })
      .join('\n')
  }
  return detail == null ? '' : JSON.stringify(detail)
}

function parse(status, text) {
  let body = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    if (status >= 400) throw new ApiError(status, text.slice(0, 300))
    return text
  }
  if (status >= 400) throw new ApiError(status, body && 'detail' in body ? body.detail : text)
  return body
}

export async function request(method, path, body) {
  let response
  try {
    response = await fetch(BASE + path, {
      method,
      headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new ApiError(0, `The API did not answer (${e.message})`)
  }
  return parse(response.status, await response.text())
}

export const get = (path) => request('GET', path)
export const post = (path, body) => request('POST', path, body ?? {})
export const put = (path, body) => request('PUT', path, body)
export const del = (path) => request('DELETE', path)

/** Uploads a dataset with XHR, the one browser API that reports upload progress. */
export function uploadDataset(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${BASE}/datasets/`)
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total)
    xhr.onload = () => {
      try {
        resolve(parse(xhr.status, xhr.responseText))
      } catch (e) {
        reject(e)
      }
    }
    xhr.onerror = () => reject(new ApiError(0, 'The upload was cut off before the API answered'))
    const form = new FormData()
    form.append('format', 'job')
    form.append('dataset', file)
    xhr.send(form)
  })
}

export const q = encodeURIComponent
