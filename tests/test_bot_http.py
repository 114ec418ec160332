"""The real Bolt app behind its real HTTP endpoint (waitress, in-process on 127.0.0.1), receiving signed
requests as Slack sends them, and calling a mock Slack Web API that records every call."""

from __future__ import annotations

import json
import logging
import threading
import time

import pytest

from bot import create_app, register
from bot.server import http_server, stop
from bot_fakes import FakeSearcher, make_hit
from bot_mock_slack import BOT_ID, BOT_USER_ID, MockSlack, SlackSender, block_texts, buttons

SECRET = "test-signing-secret"
TOKEN = "xoxb-test"


@pytest.fixture
def slack():
    mock = MockSlack().start()
    yield mock
    mock.stop()


@pytest.fixture
def start_bot(slack, tmp_path):
    """start_bot(searcher) -> a SlackSender for a running bot; start_bot(app=...) serves a given App."""
    servers = []

    def start(searcher=None, app=None) -> SlackSender:
        if app is None:
            app = create_app(searcher or FakeSearcher(), token=TOKEN, signing_secret=SECRET, api_url=slack.api_url,
                             feedback_path=tmp_path / "feedback.jsonl")
        server = http_server(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        return SlackSender(f"http://127.0.0.1:{server.effective_port}/slack/events", SECRET)

    yield start
    for server, thread in servers:
        stop(server, thread)
        assert not thread.is_alive()


def mention(text: str, ts: str = "1700000000.000100", channel: str = "C0CHAN01", **extra) -> dict:
    return {"type": "app_mention", "user": "U0ASKER1", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
            "channel": channel, "event_ts": ts, **extra}


def dm(text: str, ts: str = "1700000000.000200", **extra) -> dict:
    return {"type": "message", "channel_type": "im", "channel": "D0DM0001", "user": "U0ASKER1", "text": text,
            "ts": ts, "event_ts": ts, **extra}


def settle(slack: MockSlack, sender: SlackSender, posts_before: int) -> list:
    """Send a question that is surely answered and wait for it: everything sent earlier has had its chance."""
    sender.event(dm("sentinel question", ts="1700000999.000001"), event_id="EvSentinel")
    slack.wait_for("chat.postMessage", posts_before + 1)
    time.sleep(0.2)
    return slack.of("chat.postMessage")


# --- Slack's handshake and request checks ---------------------------------------------------------

def test_url_verification_echoes_the_challenge(start_bot):
    challenge = {"token": "legacy", "challenge": "3eZbrw1aBm2rZgRNFdxV", "type": "url_verification"}
    response = start_bot().raw_json(challenge)
    assert response.status == 200
    assert response.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV"}


def test_the_token_is_checked_against_the_configured_web_api_at_start(slack, start_bot):
    start_bot()
    [auth] = slack.of("auth.test")
    assert auth.headers["authorization"] == f"Bearer {TOKEN}"


def test_a_bad_signature_gets_401_and_nothing_is_posted(slack, start_bot):
    sender = start_bot()
    response = sender.event(mention("Firehose vs Data Streams"), secret="wrong-secret")
    assert response.status == 401
    assert [c.method for c in slack.calls] == ["auth.test"]


def test_a_stale_timestamp_is_rejected_even_with_a_valid_signature(slack, start_bot):
    sender = start_bot()
    response = sender.event(mention("Firehose vs Data Streams"), timestamp=int(time.time()) - 6 * 60)
    assert response.status == 401
    assert [c.method for c in slack.calls] == ["auth.test"]


# --- asking -----------------------------------------------------------------------------------------

def test_a_mention_is_answered_in_its_thread_with_the_right_section(slack, start_bot, bundled_searcher):
    sender = start_bot(bundled_searcher)
    response = sender.event(mention("Firehose vs Data Streams"))
    assert response.status == 200
    [reply] = slack.wait_for("chat.postMessage")
    assert (reply.body["channel"], reply.body["thread_ts"]) == ("C0CHAN01", "1700000000.000100")
    assert reply.headers["authorization"] == f"Bearer {TOKEN}"
    first = reply.blocks[1]["text"]["text"]
    assert first.startswith("1. *") and "Kinesis: Data Streams, Data Firehose" in first
    assert "`aws-ml-specialty-notes.md:436`" in first
    assert "Firehose is a delivery/ingestion service" in first
    assert "Kinesis: Data Streams" in reply.body["text"].split("\n")[1]


def test_a_direct_message_is_answered_in_the_dm(slack, start_bot):
    sender = start_bot()
    assert sender.event(dm("what is glue")).status == 200
    [reply] = slack.wait_for("chat.postMessage")
    assert reply.body["channel"] == "D0DM0001" and "thread_ts" not in reply.body
    assert "1. *Study Notes › Topic 1*" in block_texts(reply.blocks)


def test_the_slash_command_answers_ephemerally_with_a_share_button(slack, start_bot):
    sender = start_bot()
    response = sender.command("kinesis", slack.response_url("cmd"))
    assert (response.status, response.body) == (200, "")
    [answer] = slack.wait_for("response_url")
    assert answer.path == "/response/cmd"
    assert answer.body["response_type"] == "ephemeral"
    assert {"asknotes_share", "asknotes_more"} <= set(buttons(answer.blocks))


@pytest.mark.parametrize("text", ["", "help"])
def test_the_slash_command_without_a_question_explains_usage(slack, start_bot, text):
    start_bot().command(text, slack.response_url("cmd"))
    [answer] = slack.wait_for("response_url")
    assert "/asknotes <question>" in block_texts(answer.blocks)


@pytest.mark.parametrize("ask, answered_by", [
    (lambda sender, slack: sender.command("kinesis", slack.response_url("cmd")), "response_url"),
    (lambda sender, slack: sender.event(mention("kinesis")), "chat.postMessage"),
])
def test_acks_do_not_wait_for_the_search(slack, start_bot, ask, answered_by):
    gate = threading.Event()
    sender = start_bot(FakeSearcher(gate=gate))
    response = ask(sender, slack)
    assert response.status == 200 and slack.of(answered_by) == []  # acked while the search still waits
    assert response.seconds < 3
    gate.set()
    slack.wait_for(answered_by)


def test_the_home_tab_is_published(slack, start_bot):
    start_bot().event({"type": "app_home_opened", "user": "U0ASKER1", "channel": "D0DM0001", "tab": "home"})
    [publish] = slack.wait_for("views.publish")
    assert publish.body["user_id"] == "U0ASKER1"
    assert "7 sections in 1 file" in block_texts(publish.body["view"]["blocks"])


# --- buttons ----------------------------------------------------------------------------------------

def test_more_results_and_share_from_an_ephemeral_reply(slack, start_bot):
    sender = start_bot()
    sender.command("kinesis", slack.response_url("cmd"))
    [answer] = slack.wait_for("response_url")
    sender.click(buttons(answer.blocks)["asknotes_more"], slack.response_url("more"))
    more = slack.wait_for("response_url", 2)[1]
    assert more.path == "/response/more"
    assert (more.body["response_type"], more.body["replace_original"]) == ("ephemeral", False)
    assert "4. *Study Notes › Topic 4*" in block_texts(more.blocks)

    assert sender.click(buttons(answer.blocks)["asknotes_share"], slack.response_url("share")).status == 200
    shared, deleted = slack.wait_for("response_url", 4)[2:]
    assert (shared.path, shared.body["response_type"]) == ("/response/share", "in_channel")
    assert block_texts(shared.blocks).startswith("<@U0ASKER1> shared notes for “kinesis”")
    assert deleted.body == {"delete_original": True, "text": ""}


def test_more_results_of_a_thread_reply_go_to_the_thread(slack, start_bot):
    sender = start_bot()
    sender.event(mention("kinesis", ts="1700000000.000300"))
    [reply] = slack.wait_for("chat.postMessage")
    posted = {"type": "message", "ts": "1700000001.000100", "thread_ts": "1700000000.000300", "bot_id": BOT_ID}
    sender.click(buttons(reply.blocks)["asknotes_more"], slack.response_url("more"), message=posted)
    more = slack.wait_for("chat.postMessage", 2)[1]
    assert (more.body["channel"], more.body["thread_ts"]) == ("C0CHAN01", "1700000000.000300")
    assert "results 4–6" in block_texts(more.blocks)


def test_feedback_buttons_add_a_line_to_the_feedback_file(slack, start_bot, tmp_path):
    sender = start_bot()
    sender.event(mention("kinesis"))
    [reply] = slack.wait_for("chat.postMessage")
    posted = {"type": "message", "ts": "1700000001.000100", "thread_ts": "1700000000.000100"}
    sender.click(buttons(reply.blocks)["asknotes_feedback_up"], slack.response_url("fb"), message=posted)
    [thanks] = slack.wait_for("response_url")
    assert thanks.body["text"] == "Thanks, noted 👍 for result 1."
    [line] = (tmp_path / "feedback.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert (record["question"], record["verdict"], record["result"]["path"]) == (
        "kinesis", "up", ["Study Notes", "Topic 1"])


# --- never twice, never in a loop, never down ------------------------------------------------------

def test_a_retried_event_is_answered_once(slack, start_bot):
    sender = start_bot()
    first = sender.event(mention("kinesis"), event_id="EvRetry1")
    retry = sender.event(mention("kinesis"), event_id="EvRetry1",
                         headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert (first.status, retry.status) == (200, 200)
    assert retry.headers.get("x-slack-no-retry") == "1"
    posts = settle(slack, sender, 1)
    assert [p.body["channel"] for p in posts] == ["C0CHAN01", "D0DM0001"]


def test_a_retry_of_an_event_never_received_is_answered(slack, start_bot):
    sender = start_bot()
    sender.event(mention("kinesis"), event_id="EvLost1", headers={"X-Slack-Retry-Num": "1"})
    slack.wait_for("chat.postMessage")


def test_a_dm_that_also_arrives_as_a_mention_is_answered_once(slack, start_bot):
    sender = start_bot()
    sender.event(dm(f"<@{BOT_USER_ID}> kinesis", ts="1700000000.000500"), event_id="EvDm")
    sender.event(mention("kinesis", ts="1700000000.000500", channel="D0DM0001"), event_id="EvMention")
    posts = settle(slack, sender, 1)
    assert len(posts) == 2  # the question once, and the sentinel


def test_the_bots_own_and_other_bots_messages_are_ignored(slack, start_bot):
    sender = start_bot()
    own = dm("Firehose vs Data Streams", user=BOT_USER_ID, bot_id=BOT_ID)
    other = dm("Firehose vs Data Streams", user="U0OTHER1", bot_id="B0OTHER1", subtype="bot_message")
    other_mention = mention("Firehose vs Data Streams", bot_id="B0OTHER1")
    for i, event in enumerate([own, other, other_mention]):
        assert sender.event(event, event_id=f"EvBot{i}").status == 200
    posts = settle(slack, sender, 0)
    assert [p.body["channel"] for p in posts] == ["D0DM0001"]
    assert "sentinel" in posts[0].body["text"]


def test_a_failing_search_gets_an_apology_and_the_bot_keeps_answering(slack, start_bot, caplog):
    sender = start_bot()
    with caplog.at_level(logging.ERROR):
        assert sender.event(mention("please explode"), event_id="EvBoom").status == 200
        [apology] = slack.wait_for("chat.postMessage")
    assert apology.body["text"].startswith("Sorry, something went wrong")
    assert apology.body["thread_ts"] == "1700000000.000100"
    assert "index exploded" in caplog.text
    assert sender.event(mention("kinesis", ts="1700000000.000700"), event_id="EvAfter").status == 200
    assert "Topic 1" in slack.wait_for("chat.postMessage", 2)[1].body["text"]


def test_hostile_note_text_is_escaped_in_what_is_posted(slack, start_bot):
    evil = make_hit(1, heading="<!channel> alert", text="- <!here> & <@U0BOSS01> @everyone <https://evil.example|x>")
    start_bot(FakeSearcher(hits=[evil])).event(mention("alert"))
    [reply] = slack.wait_for("chat.postMessage")
    posted = json.dumps({"text": reply.body["text"], "blocks": block_texts(reply.blocks)}, ensure_ascii=False)
    for danger in ("<!channel>", "<!here>", "<@U0BOSS01>", "@everyone", "<https://"):
        assert danger not in posted
    assert "&lt;!here&gt; &amp; &lt;@U0BOSS01&gt;" in block_texts(reply.blocks)


def test_no_secret_is_logged(slack, start_bot, caplog):
    with caplog.at_level(logging.INFO):
        sender = start_bot()
        sender.event(mention("kinesis"))
        sender.event(mention("kinesis"), secret="wrong-secret", event_id="EvForged")
        slack.wait_for("chat.postMessage")
    assert TOKEN not in caplog.text and SECRET not in caplog.text


# --- as a plugin ------------------------------------------------------------------------------------

def test_register_adds_asknotes_to_an_app_with_its_own_listeners(slack, start_bot, tmp_path):
    from slack_bolt import App
    from slack_sdk import WebClient

    app = App(client=WebClient(token=TOKEN, base_url=slack.api_url), signing_secret=SECRET)

    @app.command("/standup")
    def standup(ack):
        ack("standup at 10")

    @app.event("reaction_added")
    def reacted(event, client):
        client.chat_postMessage(channel=event["item"]["channel"], text="thanks for the reaction")

    register(app, FakeSearcher(), feedback_path=tmp_path / "feedback.jsonl")
    sender = start_bot(app=app)

    assert sender.command("", slack.response_url("standup"), command="/standup").body == "standup at 10"
    sender.event({"type": "reaction_added", "user": "U0ASKER1", "reaction": "tada",
                  "item": {"type": "message", "channel": "C0CHAN01", "ts": "1.0"}}, event_id="EvReact")
    sender.event(mention("kinesis"), event_id="EvAsk")
    texts = [c.body["text"] for c in slack.wait_for("chat.postMessage", 2)]
    assert "thanks for the reaction" in texts
    assert any("Topic 1" in t for t in texts)


# --- Socket Mode --------------------------------------------------------------------------------------

def test_socket_mode_needs_no_signing_secret_and_uses_the_configured_web_api(slack):
    from bot.server import socket_mode_handler

    app = create_app(FakeSearcher(), token=TOKEN, api_url=slack.api_url, socket_mode=True)
    handler = socket_mode_handler(app, "xapp-1-test")
    assert handler.client.web_client.base_url == slack.api_url
    assert handler.client.app_token == "xapp-1-test"


def test_http_mode_without_a_signing_secret_is_refused(slack):
    from bot import SetupError

    with pytest.raises(SetupError, match="SLACK_SIGNING_SECRET is not set"):
        create_app(FakeSearcher(), token=TOKEN, api_url=slack.api_url)


def test_the_command_serves_an_app_that_acknowledges_events_it_does_not_answer(slack, start_bot, monkeypatch,
                                                                                 tmp_path):
    from click.testing import CliRunner

    import bot.command

    served = []
    monkeypatch.setattr("indexer.search.Searcher.open", lambda **kw: FakeSearcher())
    monkeypatch.setattr(bot.command, "_serve", lambda app, *args: served.append(app))
    result = CliRunner().invoke(bot.command.slack, ["--http", "--feedback", str(tmp_path / "f.jsonl")],
                                env={"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
                                     "SLACK_API_URL": slack.api_url}, catch_exceptions=False)
    assert result.exit_code == 0 and len(served) == 1
    sender = start_bot(app=served[0])
    edit = dm("Firehose vs Data Streams", subtype="message_changed")
    assert sender.event(edit, event_id="EvEdit").status == 200
    assert sender.event({"type": "reaction_added", "user": "U0ASKER1"}, event_id="EvReaction").status == 200


def test_stopping_a_stopped_server_is_harmless(slack):
    server = http_server(create_app(FakeSearcher(), token=TOKEN, signing_secret=SECRET, api_url=slack.api_url),
                         "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    stop(server, thread)
    assert not thread.is_alive()
    stop(server, thread)  # its loop and wake-up pipe are gone: nothing to pull, nothing raised


def test_listeners_run_at_most_so_many_at_once_and_a_drain_waits_only_so_long():
    from bot.app import Listeners

    listeners, release, started = Listeners(workers=2), threading.Event(), []

    def work(i: int) -> int:
        started.append(i)
        release.wait(10)
        return i

    futures = [listeners.submit(work, i) for i in range(3)]
    deadline = time.monotonic() + 5
    while len(started) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    assert len(started) == 2 and listeners.active == 3  # the third waits for a free slot
    assert listeners.drain(0.1) == 3  # a stop that cannot wait longer leaves them behind
    release.set()
    assert [f.result(timeout=5) for f in futures] == [0, 1, 2]
    assert listeners.drain(5) == 0
    failing = listeners.submit(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result(timeout=5)  # an error is the Future's, as in Bolt's default pool
