"""How the App meets Slack: HTTP (Bolt's WSGI adapter under waitress) or Socket Mode (a websocket out).

HTTP mode serves Slack's events, slash commands and interactivity on one path, /slack/events; waitress
is a production WSGI server (pure Python, thread pool, no fork), unlike Bolt's development server.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any

EVENTS_PATH = "/slack/events"
THREADS = 8  # concurrent requests; each only acks (listeners run in Bolt's own thread pool)
MAX_BODY = 1 << 20  # Slack's payloads are a few KB; refuse anything absurd early


def http_server(app: Any, host: str = "127.0.0.1", port: int = 3000) -> Any:
    """A waitress server for the App, bound and ready: `.run()` serves until `.close()`;
    `.effective_port` is the port it got (useful with port 0)."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from waitress import create_server

    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:  # bound here, not by waitress, so that a port in use leaves nothing open behind
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return create_server(SlackRequestHandler(app, path=EVENTS_PATH), sockets=[sock], threads=THREADS,
                         max_request_body_size=MAX_BODY, ident="asknotes", expose_tracebacks=False)


def stop(server: Any, thread: Any = None, timeout: float = 5.0) -> None:
    """Stop a server whose `.run()` runs in `thread`: it closes in its own loop (closing it from here races
    with the loop's select), the loop ends, then the worker threads."""
    running = thread is None or thread.is_alive()
    if running:
        try:
            server.trigger.pull_trigger(server.close)
        except OSError:  # its wake-up pipe is closed: the loop cannot be reached
            running = False
    if not running:  # close what is left from here; a second stop() is harmless
        with contextlib.suppress(OSError):
            server.close()
    if thread is not None:
        thread.join(timeout)
    server.task_dispatcher.shutdown(timeout=timeout)


def socket_mode_handler(app: Any, app_token: str) -> Any:
    """A Socket Mode handler for the App (not yet connected); needs no public URL."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(app, app_token)


def connect_socket_mode(app: Any, app_token: str) -> Any:
    """Open the Socket Mode connection (it then runs in background threads); SetupError if Slack refuses."""
    from slack_sdk.errors import SlackApiError

    from .app import SetupError

    handler = socket_mode_handler(app, app_token)
    try:
        handler.connect()
    except SlackApiError as exc:
        raise SetupError(f"Slack refused SLACK_APP_TOKEN ({exc.response.get('error')}): create an app-level "
                         "token with the connections:write scope, and turn Socket Mode on for the app") from None
    except OSError as exc:
        raise SetupError(f"cannot open a Socket Mode connection to Slack ({exc})") from None
    if not handler.client.is_connected():  # the client logs a failed websocket handshake instead of raising
        handler.close()
        raise SetupError("cannot open a Socket Mode connection to Slack (see the error above); "
                         "check the network, or use HTTP mode with --http")
    return handler
