"""The Bolt side: build an App for asknotes (`create_app`), or attach asknotes to an App you already run
(`register`). Nothing is built at import time: `App(...)` calls Slack's auth.test.

    app = create_app(searcher, token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

from .blocks import ACTION_MORE, ACTION_SHARE, FEEDBACK_ACTIONS
from .feedback import feedback_path as resolve_feedback_path
from .handlers import Asknotes, from_a_person, is_direct_question

log = logging.getLogger("asknotes.bot")

DEFAULT_API_URL = "https://slack.com/api/"


class SetupError(Exception):
    """The bot cannot start as configured (missing secret, token Slack refuses, Web API unreachable)."""


class Listeners(Executor):
    """Where Bolt runs listeners (the answers, after the ack): a daemon thread each, at most `workers` at a
    time. Bolt's default pool has threads that Python waits for at exit, so a Slack call in flight kept
    Ctrl+C waiting up to the Web API client's 30 s timeout; here stopping waits only as long as `drain`
    is told to."""

    def __init__(self, workers: int = 5):
        self._slots = threading.BoundedSemaphore(workers)
        self._changed = threading.Condition()
        self._active = 0

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        with self._changed:
            self._active += 1
        threading.Thread(target=self._run, args=(future, fn, args, kwargs), name="asknotes-listener",
                         daemon=True).start()
        return future

    def _run(self, future: Future, fn, args, kwargs) -> None:
        try:
            with self._slots:
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(fn(*args, **kwargs))
                    except BaseException as exc:  # the Future carries it, as ThreadPoolExecutor's do
                        future.set_exception(exc)
        finally:
            with self._changed:
                self._active -= 1
                self._changed.notify_all()

    @property
    def active(self) -> int:
        """Listeners running or waiting for a slot."""
        with self._changed:
            return self._active

    def drain(self, timeout: float | None) -> int:
        """Wait up to `timeout` seconds for the listeners running to end; how many still run."""
        with self._changed:
            self._changed.wait_for(lambda: self._active == 0, timeout)
            return self._active

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.drain(None if wait else 0)


class Recent:
    """The last `size` keys seen (event ids, message ids), oldest forgotten first; safe across threads."""

    def __init__(self, size: int = 2000):
        self.size = size
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, *keys: str) -> bool:
        """Remember the keys; True unless one of them was seen before."""
        with self._lock:
            seen = any(k in self._keys for k in keys)
            for k in keys:
                self._keys[k] = None
                self._keys.move_to_end(k)
            while len(self._keys) > self.size:
                self._keys.popitem(last=False)
            return not seen


def event_keys(body: dict) -> list[str]:
    """What identifies an event across Slack's retries: its event_id, and for a message the message itself
    (a DM that mentions the bot can arrive both as `message` and as `app_mention`)."""
    event = body.get("event") or {}
    keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
    if event.get("channel") and event.get("ts") and event.get("type") in ("message", "app_mention"):
        keys.append(f"message:{event['channel']}:{event['ts']}")
    return keys


def once_per_event(recent: Recent):
    """Listener middleware: answer each event once. A retry (X-Slack-Retry-Num) of an event already taken
    gets a 200 with X-Slack-No-Retry; a retry of one never seen (the first try was lost) is answered."""
    from slack_bolt import BoltResponse

    def skip_repeats(body: dict, req: Any, next: Any):
        keys = event_keys(body)
        if keys and not recent.first_time(*keys):
            retry = (req.headers.get("x-slack-retry-num") or ["-"])[0]
            log.info("skipped a repeat of %s (retry %s)", keys[0], retry)
            return BoltResponse(status=200, body="", headers={"x-slack-no-retry": "1"})
        return next()

    return skip_repeats


def register(app: Any, searcher: Any, feedback_path: Path | str | None = None, k: int = 3,
             command: str = "/asknotes") -> Asknotes:
    """Attach asknotes' listeners to an existing Bolt `App`: mentions, DMs, the slash command, the buttons,
    App Home. Listeners the app already has keep working; Bolt runs only the first listener that matches
    an event, so call this after your own app_mention / DM listeners if you have any.

    Feedback goes to `feedback_path`, else $ASKNOTES_FEEDBACK, else feedback.jsonl in the corpus's default
    index folder. Returns the listeners' shared state (handy in tests).
    """
    manifest = getattr(getattr(searcher, "index", None), "manifest", {}) or {}
    bot = Asknotes(searcher, resolve_feedback_path(feedback_path, corpus=manifest.get("corpus")), k=k)
    once = [once_per_event(Recent())]
    app.event("app_mention", matchers=[from_a_person], middleware=once)(bot.on_app_mention)
    app.message(matchers=[is_direct_question], middleware=once)(bot.on_direct_message)
    app.event("app_home_opened", middleware=once)(bot.on_home_opened)
    app.command(command)(bot.on_command)
    app.action(ACTION_MORE)(bot.on_more)
    app.action(ACTION_SHARE)(bot.on_share)
    app.action(FEEDBACK_ACTIONS)(bot.on_feedback)
    return bot


def bolt_app(token: str, signing_secret: str | None = None, api_url: str | None = None,
             socket_mode: bool = False, listeners: Executor | None = None) -> Any:
    """A Bolt App for a bot token, its client calling `api_url` (Slack's Web API by default).

    Checks the token with auth.test now; in HTTP mode every request must carry a valid signature
    (Bolt rejects a bad one, or one older than 5 minutes, with 401).
    """
    from slack_bolt import App
    from slack_bolt.error import BoltError
    from slack_sdk import WebClient

    if not token:
        raise SetupError("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) of your Slack app")
    if not socket_mode and not signing_secret:
        raise SetupError("SLACK_SIGNING_SECRET is not set: HTTP mode checks every request with it "
                         "(Basic Information > App Credentials > Signing Secret)")
    base_url = (api_url or DEFAULT_API_URL).rstrip("/") + "/"
    client = WebClient(token=token, base_url=base_url)
    _quiet_token_warning()
    try:
        return App(client=client, signing_secret=signing_secret or "", name="asknotes", listener_executor=listeners)
    except BoltError as exc:
        raise SetupError(f"Slack refused SLACK_BOT_TOKEN ({_api_error(exc)}): check the token, "
                         "or reinstall the app to your workspace") from exc
    except OSError as exc:
        raise SetupError(f"cannot reach Slack's Web API at {base_url} ({exc}); check SLACK_API_URL "
                         "or the network") from exc


class _DropTokenUnusedWarning(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment even when given a client holding that very token,
    then warns that the token "will be unused": true but alarming in a log; drop that one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _quiet_token_warning() -> None:
    bolt_log = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, _DropTokenUnusedWarning) for f in bolt_log.filters):
        bolt_log.addFilter(_DropTokenUnusedWarning())


def _api_error(exc: Exception) -> str:
    match = re.search(r"'error': '([^']+)'", str(exc))
    return match.group(1) if match else "auth.test failed"


def create_app(searcher: Any, *, token: str, signing_secret: str | None = None, api_url: str | None = None,
               k: int = 3, feedback_path: Path | str | None = None, socket_mode: bool = False) -> Any:
    """A Bolt App that answers questions from `searcher`, as `asknotes slack` serves it."""
    app = bolt_app(token, signing_secret, api_url, socket_mode=socket_mode)
    register_as_owner(app, searcher, feedback_path=feedback_path, k=k)
    return app


def register_as_owner(app: Any, searcher: Any, feedback_path: Path | str | None = None, k: int = 3) -> Asknotes:
    """`register`, then, last, acknowledge and drop every other event (another bot's message, an edit):
    unanswered, Bolt would reply 404 and Slack would send it again. For an App asknotes owns; `register`
    leaves this to an app it does not own."""
    bot = register(app, searcher, feedback_path=feedback_path, k=k)
    app.event(re.compile(".*"))(ignore_event)
    return bot


def ignore_event() -> None:
    """An event asknotes does not answer."""
