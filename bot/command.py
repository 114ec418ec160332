"""`asknotes slack`: the bot's command line. Cheap to import (the CLI loads it at start-up): Bolt, the
model and the index are loaded only when the command runs."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from cli.options import corpus_options, count, open_searcher

STOP_GRACE = 5.0  # seconds Ctrl+C waits for answers in progress (a Slack call may hang for 30 s)


@dataclass(frozen=True)
class SlackEnv:
    """The bot's settings from the environment (the only place secrets come from)."""

    bot_token: str
    signing_secret: str
    app_token: str
    api_url: str | None

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)


def read_env(environ: Mapping[str, str], http: bool = False) -> SlackEnv:
    """Slack settings for the mode asked for; a click.ClickException naming what is missing and where to
    find it. Socket Mode when SLACK_APP_TOKEN is set and --http is not."""
    env = SlackEnv(bot_token=environ.get("SLACK_BOT_TOKEN", "").strip(),
                   signing_secret=environ.get("SLACK_SIGNING_SECRET", "").strip(),
                   app_token="" if http else environ.get("SLACK_APP_TOKEN", "").strip(),
                   api_url=environ.get("SLACK_API_URL", "").strip() or None)
    if not env.bot_token:
        raise click.ClickException("SLACK_BOT_TOKEN is not set: export the app's Bot User OAuth Token "
                                   "(xoxb-…, under OAuth & Permissions)")
    if env.app_token and not env.app_token.startswith("xapp-"):
        raise click.ClickException("SLACK_APP_TOKEN must be an app-level token (xapp-…, under Basic Information "
                                   "> App-Level Tokens, scope connections:write); unset it for HTTP mode")
    if not env.socket_mode and not env.signing_secret:
        raise click.ClickException("SLACK_SIGNING_SECRET is not set: HTTP mode checks every request with it "
                                   "(Basic Information > App Credentials); or set SLACK_APP_TOKEN for Socket Mode")
    return env


@click.command("slack")
@click.option("--http", "http", is_flag=True,
              help="serve Slack's HTTP requests on /slack/events (the mode used when SLACK_APP_TOKEN is unset)")
@click.option("--host", default="127.0.0.1", show_default=True, help="HTTP mode: address to listen on")
@click.option("--port", default=3000, show_default=True, type=click.IntRange(0, 65535),
              help="HTTP mode: port to listen on")
@corpus_options
@click.option("-k", "--results", default=3, show_default=True, type=click.IntRange(1, 10),
              help="sections per reply")
@click.option("--feedback", type=click.Path(dir_okay=False, path_type=Path), envvar="ASKNOTES_FEEDBACK",
              help="JSON-lines file for 👍/👎 clicks [env ASKNOTES_FEEDBACK; default feedback.jsonl in the index dir]")
def slack(http: bool, host: str, port: int, corpus: str | None, index_dir: str | None, model: str | None,
          results: int, feedback: Path | None) -> None:
    """Answer questions from Slack: @mentions, direct messages and /asknotes.

    Needs SLACK_BOT_TOKEN. With SLACK_APP_TOKEN set it connects out over Socket Mode (no public URL);
    otherwise it serves HTTP on /slack/events and checks each request with SLACK_SIGNING_SECRET.
    SLACK_API_URL points it at another Slack Web API (a proxy, or a mock in tests).

    \b
    Example:
      SLACK_BOT_TOKEN=xoxb-… SLACK_APP_TOKEN=xapp-… asknotes slack
      SLACK_BOT_TOKEN=xoxb-… SLACK_SIGNING_SECRET=… asknotes slack --http --port 3000
    """
    env = read_env(os.environ, http=http)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Our news at INFO; libraries only from WARNING up (Bolt's INFO lines echo request bodies).
    logging.getLogger("asknotes").setLevel(logging.INFO)
    from .app import Listeners, SetupError, bolt_app, register_as_owner
    from .feedback import feedback_path

    listeners = Listeners()
    try:
        app = bolt_app(env.bot_token, env.signing_secret, env.api_url, socket_mode=env.socket_mode, listeners=listeners)
        searcher = _open_searcher(corpus, index_dir, model)
        register_as_owner(app, searcher, feedback_path=feedback_path(feedback, index_dir, corpus), k=results)
        _serve(app, env, host, port)
    except SetupError as exc:
        raise click.ClickException(str(exc)) from None
    except KeyboardInterrupt:
        pass
    _stop(listeners)


def _stop(listeners) -> None:
    """Let answers in progress finish, for up to STOP_GRACE seconds, then go."""
    active = listeners.active
    if active:
        _say(f"stopping: finishing {count(active, 'answer')} in progress (up to {STOP_GRACE:g} s)")
    left = listeners.drain(STOP_GRACE)
    _say(f"stopped; {count(left, 'answer')} still waiting on Slack {'was' if left == 1 else 'were'} dropped" if left
         else "stopped")


def _say(message: str) -> None:
    click.echo(message, err=True)


def _open_searcher(corpus: str | None, index_dir: str | None, model: str | None):
    """The searcher, index built if needed and model loaded, before any question can arrive."""
    searcher = open_searcher(corpus, index_dir, model)
    searcher.search("warm up", k=1)  # the model loads lazily: load it now, not on the first question
    return searcher


def _serve(app, env: SlackEnv, host: str, port: int) -> None:
    """Serve Slack until interrupted (waitress returns on Ctrl+C; the wait for Socket Mode raises)."""
    import threading

    from .server import EVENTS_PATH, connect_socket_mode, http_server

    if env.socket_mode:
        connect_socket_mode(app, env.app_token)
        _say("asknotes is connected to Slack over Socket Mode (Ctrl+C to stop)")
        threading.Event().wait()
        return
    try:
        server = http_server(app, host, port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                                   "pick another --port or --host") from None
    _say(f"asknotes is answering Slack on http://{host}:{server.effective_port}{EVENTS_PATH} (Ctrl+C to stop)")
    server.run()
