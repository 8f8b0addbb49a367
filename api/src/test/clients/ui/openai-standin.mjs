// A local server speaking the OpenAI chat-completions protocol, standing in for a self-hosted model
// (the only outside component the tests may replace). It summarises by taking the first sentence
// of the user's message, and records the prompts it answered per model.
import http from 'node:http'

export function startStandIn() {
  const calls = new Map()
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const send = (status, json) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(json))
      }
      if (req.method === 'GET' && req.url === '/v1/models') {
        return send(200, { object: 'list', data: [{ id: 'standin-summarizer', object: 'model' }] })
      }
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        return send(404, { error: { message: `no route ${req.method} ${req.url}` } })
      }
      let request
      try {
        request = JSON.parse(body)
      } catch {
        return send(400, { error: { message: 'body is not JSON' } })
      }
      const user = [...(request.messages || [])].reverse().find((m) => m.role === 'user')
      const text = String(user?.content ?? '')
      const first = (text.match(/^[\s\S]*?[.!?](\s|$)/) || [text])[0].trim()
      if (!calls.has(request.model)) calls.set(request.model, [])
      calls.get(request.model).push(text)
      send(200, {
        id: `chatcmpl-${calls.get(request.model).length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model,
        choices: [{ index: 0, message: { role: 'assistant', content: first }, finish_reason: 'stop' }],
        usage: { prompt_tokens: text.split(/\s+/).length, completion_tokens: first.split(/\s+/).length,
          total_tokens: text.split(/\s+/).length + first.split(/\s+/).length },
      })
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        calls,
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  )
}
