"""Socket Mode end to end: the bot connects out to a mock Socket Mode websocket (no HTTP endpoint, no
signing secret), acknowledges each envelope and answers through the mock Web API."""

from __future__ import annotations

import pytest

from bot import create_app
from bot.server import connect_socket_mode
from bot_fakes import FakeSearcher
from bot_mock_slack import BOT_USER_ID, MockSlack, block_texts, event_body
from bot_mock_socket_mode import MockSocketMode


@pytest.fixture
def slack():
    mock, socket_mode = MockSlack().start(), MockSocketMode()
    mock.socket_url = socket_mode.url
    yield mock, socket_mode
    socket_mode.stop()
    mock.stop()


@pytest.fixture
def connected(slack, tmp_path):
    api, socket_mode = slack
    app = create_app(FakeSearcher(), token="xoxb-test", api_url=api.api_url, socket_mode=True,
                     feedback_path=tmp_path / "feedback.jsonl")
    handler = connect_socket_mode(app, "xapp-1-test")
    yield handler
    socket_mode.stop()  # first, so the client's read returns at once
    handler.close()


def envelope(envelope_id: str, payload: dict, kind: str = "events_api", retry: int = 0) -> dict:
    return {"envelope_id": envelope_id, "type": kind, "payload": payload, "accepts_response_payload": False,
            "retry_attempt": retry, "retry_reason": "timeout" if retry else ""}


def test_a_mention_over_socket_mode_is_acked_and_answered_once(slack, connected):
    api, socket_mode = slack
    [opened] = api.of("apps.connections.open")
    assert opened.headers["authorization"] == "Bearer xapp-1-test"
    question = event_body({"type": "app_mention", "user": "U0ASKER1", "text": f"<@{BOT_USER_ID}> kinesis",
                           "ts": "1700000000.000100", "channel": "C0CHAN01"}, event_id="EvSocket1")
    socket_mode.send(envelope("env-1", question))
    assert socket_mode.ack("env-1") == {"envelope_id": "env-1"}
    [reply] = api.wait_for("chat.postMessage")
    assert reply.body["thread_ts"] == "1700000000.000100"
    assert "1. *Study Notes › Topic 1*" in block_texts(reply.blocks)

    socket_mode.send(envelope("env-2", question, retry=1))  # Slack's retry of the same event
    socket_mode.send(envelope("env-3", event_body({"type": "message", "channel_type": "im", "channel": "D0DM0001",
                                                   "user": "U0ASKER1", "text": "glue", "ts": "1.0"}, "EvSocket2")))
    socket_mode.ack("env-2"), socket_mode.ack("env-3")
    posts = api.wait_for("chat.postMessage", 2)
    assert [p.body["channel"] for p in posts] == ["C0CHAN01", "D0DM0001"]
