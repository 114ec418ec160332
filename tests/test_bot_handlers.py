"""Spec of the listeners as plain functions: fakes for Slack and the searcher, no Bolt, no network."""

from __future__ import annotations

import json
import logging

import pytest

from bot.app import Recent, event_keys
from bot.feedback import feedback_path
from bot.handlers import Asknotes, example_questions, from_a_person, is_direct_question
from bot_fakes import FakeClient, FakeSearcher, Recorder
from bot_mock_slack import block_texts, buttons


@pytest.fixture
def searcher():
    return FakeSearcher()


@pytest.fixture
def bot(searcher, tmp_path):
    return Asknotes(searcher, tmp_path / "feedback.jsonl", k=3)


def texts(kwargs: dict) -> str:
    return block_texts(kwargs.get("blocks") or [])


# --- the reply to a question ---------------------------------------------------------------------

@pytest.mark.parametrize("question", ["", "help", " HELP ", "?"])
def test_no_question_or_help_gets_usage(bot, searcher, question):
    assert "/asknotes <question>" in texts(bot.reply(question).as_kwargs())
    assert searcher.questions == []


def test_a_question_gets_the_top_k_and_a_more_button(bot, searcher):
    message = bot.reply("kinesis")
    assert [line[:2] for line in message.text.split("\n")[1:]] == ["1.", "2.", "3."]
    assert json.loads(buttons(message.blocks)["asknotes_more"]["value"]) == {"q": "kinesis", "o": 3}
    assert searcher.questions == ["kinesis"]


def test_more_results_continue_where_the_last_page_ended(bot):
    message = bot.reply("kinesis", offset=6)
    assert message.text.split("\n")[1:] == ["7. Study Notes › Topic 7 (notes.md:10)"]
    assert "asknotes_more" not in buttons(message.blocks)


def test_an_unconfident_reply_names_what_the_notes_never_mention(tmp_path):
    from dataclasses import replace

    from bot_fakes import make_hit, plan_of

    searcher = FakeSearcher(hits=[replace(make_hit(1), confident=False)], plan=plan_of(unknown=["Kendra"]))
    message = Asknotes(searcher, tmp_path / "feedback.jsonl").reply("what is Amazon Kendra")
    assert texts(message.as_kwargs()).startswith("No confident match for “what is Amazon Kendra” (the notes never "
                                                 "mention Kendra)")


def test_a_failing_search_gets_an_apology_and_is_logged(bot, caplog):
    with caplog.at_level(logging.ERROR, logger="asknotes.bot"):
        message = bot.reply("please explode")
    assert message.text.startswith("Sorry, something went wrong")
    assert "index exploded" in caplog.text


# --- events ---------------------------------------------------------------------------------------

def test_a_mention_is_answered_in_its_thread_without_the_mention(bot, searcher):
    client = FakeClient()
    event = {"type": "app_mention", "user": "U1", "text": "<@UBOT> Firehose vs Data Streams",
             "channel": "C1", "ts": "100.1"}
    bot.on_app_mention(event=event, context={"bot_user_id": "UBOT"}, client=client)
    [posted] = client.chat_postMessage.calls
    assert (posted["channel"], posted["thread_ts"]) == ("C1", "100.1")
    assert searcher.questions == ["Firehose vs Data Streams"]
    assert "Topic 1" in texts(posted)


def test_a_mention_inside_a_thread_is_answered_in_that_thread(bot):
    client = FakeClient()
    event = {"type": "app_mention", "text": "<@UBOT> glue", "channel": "C1", "ts": "100.5", "thread_ts": "100.1"}
    bot.on_app_mention(event=event, context={"bot_user_id": "UBOT"}, client=client)
    assert client.chat_postMessage.calls[0]["thread_ts"] == "100.1"


def test_a_direct_message_is_answered_in_the_dm(bot):
    client = FakeClient()
    bot.on_direct_message(event={"type": "message", "channel_type": "im", "channel": "D1", "ts": "5.0",
                                 "text": "glue"}, context={"bot_user_id": "UBOT"}, client=client)
    [posted] = client.chat_postMessage.calls
    assert (posted["channel"], posted["thread_ts"]) == ("D1", None)


@pytest.mark.parametrize("event, answered", [
    ({"channel_type": "im", "user": "U1", "text": "glue"}, True),
    ({"channel_type": "im", "user": "U1", "text": ""}, False),
    ({"channel_type": "channel", "user": "U1", "text": "glue"}, False),
    ({"channel_type": "im", "bot_id": "BOTHER", "subtype": "bot_message", "text": "glue"}, False),
    ({"channel_type": "im", "bot_id": "BOTHER", "user": "U2", "text": "glue"}, False),
    ({"channel_type": "im", "subtype": "message_changed", "text": "glue"}, False),
])
def test_which_direct_messages_are_questions(event, answered):
    assert is_direct_question(event) is answered


def test_mentions_by_other_bots_are_not_answered():
    assert from_a_person({"user": "U1", "text": "hi"})
    assert not from_a_person({"bot_id": "BOTHER", "text": "hi"})


def test_the_home_tab_is_published_for_the_user(bot):
    client = FakeClient()
    bot.on_home_opened(event={"type": "app_home_opened", "user": "U1", "tab": "home"}, client=client)
    [published] = client.views_publish.calls
    assert published["user_id"] == "U1"
    text = block_texts(published["view"]["blocks"])
    assert "*Study Notes* · 7 sections in 1 file · model fake-model" in text  # one file: its title
    bot.on_home_opened(event={"type": "app_home_opened", "user": "U1", "tab": "messages"}, client=client)
    assert len(client.views_publish.calls) == 1


def test_example_questions_are_short_headings_from_across_the_notes(searcher):
    assert example_questions(searcher.sections) == ["Topic 2", "Topic 4", "Topic 6"]


# --- slash command and buttons ------------------------------------------------------------------

def test_the_slash_command_acks_before_searching_then_answers_ephemerally(bot, searcher):
    log = []
    ack, respond = Recorder("ack", log), Recorder("respond", log)
    bot.on_command(ack=ack, command={"text": "kinesis", "user_id": "U1"}, respond=respond)
    assert [name for name, _, _ in log] == ["ack", "respond"]
    [answer] = respond.calls
    assert answer["response_type"] == "ephemeral"
    assert {"asknotes_share", "asknotes_more"} <= set(buttons(answer["blocks"]))


def test_more_results_of_an_ephemeral_reply_come_ephemerally(bot):
    respond, client = Recorder("respond"), FakeClient()
    action = {"action_id": "asknotes_more", "value": json.dumps({"q": "kinesis", "o": 3})}
    body = {"container": {"is_ephemeral": True, "channel_id": "C1"}}
    bot.on_more(ack=Recorder("ack"), body=body, action=action, client=client, respond=respond)
    [more] = respond.calls
    assert (more["response_type"], more["replace_original"]) == ("ephemeral", False)
    assert "4. *Study Notes › Topic 4*" in texts(more)
    assert client.chat_postMessage.calls == []


def test_more_results_of_a_posted_reply_go_to_its_thread(bot):
    client = FakeClient()
    body = {"container": {"is_ephemeral": False, "channel_id": "C1"}, "message": {"ts": "9.9", "thread_ts": "9.1"}}
    bot.on_more(ack=Recorder("ack"), body=body, action={"value": json.dumps({"q": "kinesis", "o": 3})},
                client=client, respond=Recorder("respond"))
    [posted] = client.chat_postMessage.calls
    assert (posted["channel"], posted["thread_ts"]) == ("C1", "9.1")


def test_more_results_fall_back_to_ephemeral_when_the_bot_cannot_post(bot):
    client, respond = FakeClient(fail={"chat_postMessage": RuntimeError("not_in_channel")}), Recorder("respond")
    body = {"container": {"is_ephemeral": False, "channel_id": "C1"}, "message": {"ts": "9.9"}}
    bot.on_more(ack=Recorder("ack"), body=body, action={"value": json.dumps({"q": "kinesis", "o": 3})},
                client=client, respond=respond)
    assert respond.calls[0]["response_type"] == "ephemeral"


def test_share_posts_in_channel_crediting_the_asker_and_removes_the_private_copy(bot):
    respond = Recorder("respond")
    bot.on_share(ack=Recorder("ack"), body={"user": {"id": "U0ASKER1"}},
                 action={"value": json.dumps({"q": "kinesis"})}, respond=respond)
    shared, delete = respond.calls
    assert (shared["response_type"], shared["replace_original"]) == ("in_channel", False)
    assert texts(shared).startswith("<@U0ASKER1> shared notes for “kinesis”")
    assert "asknotes_share" not in buttons(shared["blocks"])
    assert delete == {"delete_original": True}


def test_feedback_appends_question_result_and_verdict(bot):
    respond = Recorder("respond")
    value = {"q": "kinesis", "r": 2, "f": "notes.md", "l": 10, "p": ["Study Notes", "Topic 2"], "v": "down"}
    bot.on_feedback(ack=Recorder("ack"), body={}, action={"value": json.dumps(value)}, respond=respond)
    bot.on_feedback(ack=Recorder("ack"), body={}, action={"value": json.dumps({**value, "v": "up"})}, respond=respond)
    lines = [json.loads(line) for line in bot.feedback_path.read_text().splitlines()]
    assert [(x["question"], x["verdict"], x["result"]) for x in lines] == [
        ("kinesis", "down", {"rank": 2, "file": "notes.md", "line_start": 10, "path": ["Study Notes", "Topic 2"]}),
        ("kinesis", "up", {"rank": 2, "file": "notes.md", "line_start": 10, "path": ["Study Notes", "Topic 2"]}),
    ]
    assert lines[0]["source"] == "slack" and lines[0]["time"].endswith("Z")
    assert respond.calls[0]["text"] == "Thanks, noted 👎 for result 2."


@pytest.mark.parametrize("value", ["not json", json.dumps({"q": "x"}), json.dumps({"q": "x", "r": 1, "f": "a",
                                                                                   "l": 1, "p": [], "v": "meh"})])
def test_a_button_value_asknotes_did_not_make_is_ignored(bot, value):
    ack, respond = Recorder("ack"), Recorder("respond")
    bot.on_feedback(ack=ack, body={}, action={"action_id": "asknotes_feedback_up", "value": value}, respond=respond)
    assert len(ack.calls) == 1 and respond.calls == []
    assert not bot.feedback_path.exists()


# --- retries and feedback file location --------------------------------------------------------

def test_recent_remembers_keys_and_forgets_the_oldest():
    recent = Recent(size=2)
    assert recent.first_time("a") and recent.first_time("b")
    assert not recent.first_time("a")
    assert recent.first_time("c")  # "b" is now the oldest, and forgotten
    assert recent.first_time("b")


def test_an_event_is_known_by_its_id_and_by_its_message():
    body = {"event_id": "Ev1", "event": {"type": "message", "channel": "D1", "ts": "5.0"}}
    assert event_keys(body) == ["event:Ev1", "message:D1:5.0"]
    assert event_keys({"event_id": "Ev2", "event": {"type": "app_home_opened", "user": "U1"}}) == ["event:Ev2"]


def test_feedback_goes_to_the_explicit_path_then_the_env_then_the_index_dir(tmp_path, monkeypatch):
    assert feedback_path(tmp_path / "x.jsonl", tmp_path / "index") == tmp_path / "x.jsonl"
    assert feedback_path(None, tmp_path / "index") == tmp_path / "index" / "feedback.jsonl"
    monkeypatch.setenv("ASKNOTES_FEEDBACK", str(tmp_path / "env.jsonl"))
    assert feedback_path(None, tmp_path / "index") == tmp_path / "env.jsonl"


def test_feedback_defaults_to_the_corpus_index_dir_in_the_cache(tmp_path):
    path = feedback_path(None, corpus=tmp_path / "notes")
    assert path.name == "feedback.jsonl"
    assert path.parent.parent == tmp_path / "cache" / "asknotes"
