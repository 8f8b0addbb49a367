"""A local server speaking OpenAI's chat-completions protocol, standing in for a paid provider or a
self-hosted model (the only outside component the tests may replace). It summarises by taking the
first sentence of the user's message and records every request it answered."""

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIRST_SENTENCE = re.compile(r"^[\s\S]*?[.!?。](\s|$)")


def first_sentence(text: str) -> str:
    match = FIRST_SENTENCE.match(text)
    return (match.group(0) if match else text).strip()


@dataclass(frozen=True)
class Call:
    model: str
    authorization: str | None
    prompt: str
    answer: str


@dataclass
class StandIn:
    url: str
    calls: list[Call] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def calls_for(self, model: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.model == model]


def start() -> tuple[StandIn, ThreadingHTTPServer]:
    state: StandIn | None = None

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest's output for failures
            pass

        def send(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/v1/models":
                return self.send(
                    200, {"object": "list", "data": [{"id": "standin", "object": "model"}]}
                )
            self.send(404, {"error": {"message": f"no route GET {self.path}"}})

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path != "/v1/chat/completions":
                return self.send(404, {"error": {"message": f"no route POST {self.path}"}})
            try:
                request = json.loads(body)
            except ValueError:
                return self.send(400, {"error": {"message": "body is not JSON"}})
            users = [m for m in request.get("messages", []) if m.get("role") == "user"]
            prompt = str(users[-1].get("content", "")) if users else ""
            answer = first_sentence(prompt)
            call = Call(request.get("model"), self.headers.get("Authorization"), prompt, answer)
            with state.lock:
                state.calls.append(call)
            words = len(prompt.split())
            self.send(
                200,
                {
                    "id": f"chatcmpl-{len(state.calls)}",
                    "object": "chat.completion",
                    "created": 0,
                    "model": call.model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": answer},
                            "finish_reason": "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": words,
                        "completion_tokens": len(answer.split()),
                        "total_tokens": words + len(answer.split()),
                    },
                },
            )

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state = StandIn(url=f"http://127.0.0.1:{server.server_address[1]}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state, server
