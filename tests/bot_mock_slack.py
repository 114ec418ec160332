"""Test helpers for the Slack bot: a mock Slack Web API on 127.0.0.1 that records every call (as
bolt-python's own tests/mock_web_api_server does), and a sender of signed requests like Slack's."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM_ID = "T0TEST01"
AUTH_TEST = {"ok": True, "url": "https://asknotes-test.slack.com/", "team": "Test", "user": "asknotes",
             "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "is_enterprise_install": False}


@dataclass
class Call:
    """One request the bot made: the path (/api/chat.postMessage, /response/…), its body and headers."""

    path: str
    body: dict
    headers: dict

    @property
    def blocks(self) -> list[dict]:
        blocks = self.body.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks

    @property
    def method(self) -> str:
        return self.path.rsplit("/", 1)[-1] if self.path.startswith("/api/") else "response_url"


@dataclass
class MockSlack:
    """A Slack Web API stand-in: answers ok for the methods the bot uses, records every call."""

    calls: list[Call] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # method -> Slack error to answer with
    socket_url: str = "ws://127.0.0.1:9/none"  # what apps.connections.open hands out (Socket Mode)
    _lock: threading.Condition = field(default_factory=threading.Condition)

    def start(self) -> MockSlack:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = {k: v[0] for k, v in urllib.parse.parse_qs(raw).items()}
                call = Call(self.path, body, {k.lower(): v for k, v in self.headers.items()})
                with mock._lock:
                    mock.calls.append(call)
                    mock._lock.notify_all()
                self._answer(mock.reply(call))

            def _answer(self, reply: dict | str) -> None:
                data = reply.encode() if isinstance(reply, str) else json.dumps(reply).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain" if isinstance(reply, str) else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

            def finish(self):  # a client that stopped waiting (a bot stopped mid-call) is no error here
                try:
                    super().finish()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def handle_one_request(self):
                try:
                    super().handle_one_request()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def reply(self, call: Call) -> dict | str:
        if call.method == "response_url":
            return "ok"
        if call.method in self.failures:
            return {"ok": False, "error": self.failures[call.method]}
        if call.method == "auth.test":
            return AUTH_TEST
        if call.method == "chat.postMessage":
            ts = f"{time.time():.6f}"
            return {"ok": True, "channel": call.body.get("channel"), "ts": ts,
                    "message": {"type": "message", "ts": ts, "bot_id": BOT_ID, "text": call.body.get("text")}}
        if call.method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{time.time():.6f}"}
        if call.method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if call.method == "views.publish":
            return {"ok": True, "view": {"id": "V0TEST", **(call.body.get("view") or {})}}
        return {"ok": False, "error": "unknown_method"}

    def of(self, method: str) -> list[Call]:
        """The calls to one Web API method ("chat.postMessage"), or to response URLs ("response_url")."""
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Block until `count` calls to `method` were made (Bolt answers after the ack, in a thread)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len([c for c in self.calls if c.method == method]) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    made = [c.method for c in self.calls]
                    raise AssertionError(f"expected {count} {method} call(s) within {timeout}s; calls: {made}")
                self._lock.wait(left)
            return [c for c in self.calls if c.method == method]


def event_body(event: dict, event_id: str = "Ev0001") -> dict:
    """An Events API callback wrapping one event, as Slack sends it."""
    return {"token": "legacy", "team_id": TEAM_ID, "api_app_id": "A0TEST01", "event": event,
            "type": "event_callback", "event_id": event_id, "event_time": int(time.time()),
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}]}


def sign(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 request signature headers for a body."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


@dataclass
class Response:
    status: int
    body: str
    headers: dict
    seconds: float

    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class SlackSender:
    """Sends requests to the bot's endpoint the way Slack does: signed, JSON events, form-encoded commands
    and interactivity payloads."""

    endpoint: str
    secret: str

    def post(self, body: str, content_type: str, headers: dict | None = None, secret: str | None = None,
             timestamp: int | None = None) -> Response:
        all_headers = {"Content-Type": content_type, **sign(secret or self.secret, body, timestamp), **(headers or {})}
        request = urllib.request.Request(self.endpoint, data=body.encode(), headers=all_headers, method="POST")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return Response(r.status, r.read().decode(), {k.lower(): v for k, v in r.headers.items()},
                                time.monotonic() - started)
        except urllib.error.HTTPError as e:
            return Response(e.code, e.read().decode(), {k.lower(): v for k, v in e.headers.items()},
                            time.monotonic() - started)

    def event(self, event: dict, event_id: str = "Ev0001", **kw) -> Response:
        return self.post(json.dumps(event_body(event, event_id)), "application/json", **kw)

    def raw_json(self, body: dict, **kw) -> Response:
        return self.post(json.dumps(body), "application/json", **kw)

    def command(self, text: str, response_url: str, command: str = "/asknotes", **kw) -> Response:
        form = {"token": "legacy", "team_id": TEAM_ID, "channel_id": "C0CHAN01", "channel_name": "study",
                "user_id": "U0ASKER1", "user_name": "asker", "command": command, "text": text,
                "api_app_id": "A0TEST01", "response_url": response_url, "trigger_id": "1.2.3"}
        return self.post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded", **kw)

    def click(self, button: dict, response_url: str, message: dict | None = None, channel: str = "C0CHAN01",
              **kw) -> Response:
        """Click a button of a posted message (`message` given) or of an ephemeral one (no `message`)."""
        payload = {
            "type": "block_actions", "user": {"id": "U0ASKER1", "username": "asker", "team_id": TEAM_ID},
            "api_app_id": "A0TEST01", "token": "legacy", "team": {"id": TEAM_ID}, "channel": {"id": channel},
            "container": {"type": "message", "message_ts": (message or {}).get("ts", "1700000000.000900"),
                          "channel_id": channel, "is_ephemeral": message is None},
            "trigger_id": "1.2.3", "response_url": response_url,
            "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "b",
                         "value": button["value"], "text": button["text"], "action_ts": f"{time.time():.6f}"}],
        }
        if message is not None:
            payload["message"] = message
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return self.post(body, "application/x-www-form-urlencoded", **kw)


def buttons(blocks: list[dict]) -> dict[str, dict]:
    """The buttons in a message's blocks by action_id (the first of each)."""
    found: dict[str, dict] = {}
    for block in blocks:
        for element in block.get("elements", []) if block.get("type") == "actions" else []:
            found.setdefault(element["action_id"], element)
    return found


def block_texts(blocks: list[dict]) -> str:
    """All the text of a message's blocks, one piece a line."""
    out = []
    for block in blocks:
        for part in [block.get("text")] + block.get("elements", []):
            if isinstance(part, dict):
                text = part.get("text")
                out.append(text.get("text", "") if isinstance(text, dict) else (text or ""))
    return "\n".join(out)
