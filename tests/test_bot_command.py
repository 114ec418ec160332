"""Spec of `asknotes slack`: clear errors for a wrong set-up, and the whole command answering a mock Slack."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.command import read_env, slack
from bot_fakes import FakeSearcher
from bot_mock_slack import BOT_USER_ID, MockSlack, SlackSender
from indexer.errors import CorpusNotFound

REPO = Path(__file__).resolve().parent.parent
SLACK_VARS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL")


@pytest.fixture(autouse=True)
def no_slack_env(monkeypatch):
    for var in SLACK_VARS:
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def slack_api():
    mock = MockSlack().start()
    yield mock
    mock.stop()


def invoke(args: list[str], env: dict[str, str]):
    return CliRunner().invoke(slack, args, env=env, catch_exceptions=False)


def test_help_has_a_summary_and_an_example():
    result = invoke(["--help"], {})
    assert result.exit_code == 0
    assert "Answer questions from Slack" in result.output
    assert "asknotes slack --http --port 3000" in result.output


@pytest.mark.parametrize("env, args, message", [
    ({}, [], "SLACK_BOT_TOKEN is not set"),
    ({"SLACK_BOT_TOKEN": "  "}, ["--http"], "SLACK_BOT_TOKEN is not set"),
    ({"SLACK_BOT_TOKEN": "xoxb-1"}, [], "SLACK_SIGNING_SECRET is not set"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, ["--http"], "SLACK_SIGNING_SECRET is not set"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-1"}, [], "SLACK_APP_TOKEN must be an app-level token"),
])
def test_a_missing_or_wrong_secret_is_a_clear_error(env, args, message):
    result = invoke(args, env)
    assert result.exit_code == 1
    assert f"Error: {message}" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("env, http, socket_mode", [
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, False, True),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s"}, True, False),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, False, False),
])
def test_socket_mode_when_an_app_token_is_set_unless_http_is_asked_for(env, http, socket_mode):
    assert read_env(env, http=http).socket_mode is socket_mode


def test_a_token_slack_refuses_is_a_clear_error_that_does_not_show_it(slack_api):
    slack_api.failures["auth.test"] = "invalid_auth"
    result = invoke(["--http"], {"SLACK_BOT_TOKEN": "xoxb-secret-value", "SLACK_SIGNING_SECRET": "s",
                                 "SLACK_API_URL": slack_api.api_url})
    assert result.exit_code == 1
    assert "Error: Slack refused SLACK_BOT_TOKEN (invalid_auth)" in result.output
    assert "xoxb-secret-value" not in result.output


def test_an_unreachable_web_api_is_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]
    result = invoke(["--http"], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                 "SLACK_API_URL": f"http://127.0.0.1:{closed_port}/api/"})
    assert result.exit_code == 1
    assert "cannot reach Slack's Web API at http://127.0.0.1:" in result.output


def test_a_corpus_error_is_translated(slack_api, monkeypatch):
    def refuse(**kw):
        raise CorpusNotFound("corpus path /nowhere does not exist; give a folder of .md/.txt notes")

    monkeypatch.setattr("indexer.search.Searcher.open", refuse)
    result = invoke(["--http", "--corpus", "/nowhere"], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                                        "SLACK_API_URL": slack_api.api_url})
    assert result.exit_code == 1
    assert "Error: corpus path /nowhere does not exist" in result.output


def test_a_port_in_use_is_a_clear_error(slack_api, monkeypatch):
    monkeypatch.setattr("indexer.search.Searcher.open", lambda **kw: FakeSearcher())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke(["--http", "--port", str(port)], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s",
                                                          "SLACK_API_URL": slack_api.api_url})
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output


def test_importing_the_command_loads_neither_bolt_nor_the_model():
    code = ("import sys, bot, bot.command; "
            "print([m for m in ('slack_bolt', 'slack_sdk', 'torch', 'sentence_transformers', 'indexer.search') "
            "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "[]"


class RunningBot:
    """`asknotes slack --http --port 0` in a subprocess, its stderr read line by line as it comes."""

    def __init__(self, slack_api: MockSlack, index_dir: Path, tmp_path: Path):
        env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": "s3cr3t-signing",
               "SLACK_API_URL": slack_api.api_url, "ASKNOTES_INDEX_DIR": str(index_dir),
               "ASKNOTES_FEEDBACK": str(tmp_path / "feedback.jsonl")}
        # Ctrl+C as from a terminal: a shell's background job (`cmd &`) starts with SIGINT ignored, and
        # Python then never raises KeyboardInterrupt; a test run from one would wait here in vain.
        code = "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); " \
               "from bot.command import slack; slack()"
        self.process = subprocess.Popen([sys.executable, "-c", code, "--http", "--port", "0"], env=env, cwd=REPO,
                                        stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stderr],
                                       daemon=True)
        self.reader.start()
        self.seen: list[str] = []

    def url(self) -> str:
        while True:
            line = self.lines.get(timeout=60)
            self.seen.append(line)
            match = re.search(r"answering Slack on (http://\S+/slack/events)", line)
            if match:
                return match.group(1)

    def interrupt(self, timeout: float) -> str:
        """Ctrl+C, then everything it printed; TimeoutExpired if it has not ended within `timeout` s."""
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
            self.reader.join(timeout=5)
            self.process.stderr.close()
        return "".join(self.seen) + "".join(self.lines.get() for _ in range(self.lines.qsize()))


def mention(text: str) -> dict:
    return {"type": "app_mention", "user": "U0ASKER1", "text": f"<@{BOT_USER_ID}> {text}",
            "ts": "1700000000.000100", "channel": "C0CHAN01"}


def test_the_command_answers_a_signed_mention_against_a_mock_slack(slack_api, bundled_index_dir, tmp_path):
    """The issue's "done when": the real command, HTTP mode, SLACK_API_URL pointing at a mock Web API."""
    bot = RunningBot(slack_api, bundled_index_dir, tmp_path)
    try:
        sender = SlackSender(bot.url(), "s3cr3t-signing")
        assert sender.event(mention("Firehose vs Data Streams")).status == 200
        [reply] = slack_api.wait_for("chat.postMessage", timeout=20)
        assert reply.body["thread_ts"] == "1700000000.000100"
        assert "Kinesis: Data Streams" in json.dumps(reply.blocks)
    finally:
        output = bot.interrupt(timeout=30)  # server.stop may take 5 s + 5 s; a loaded machine once took more than 10
    assert bot.process.returncode == 0
    assert output.rstrip().endswith("stopped")
    assert "xoxb-test" not in output and "s3cr3t-signing" not in output


def test_ctrl_c_does_not_wait_for_a_slack_call_that_hangs(slack_api, bundled_index_dir, tmp_path, monkeypatch):
    """An answer stuck on Slack's reply is given bot.command.STOP_GRACE seconds, not the Web API client's
    30 s timeout (and its retry): Bolt's own thread pool held Ctrl+C until then."""
    answer, release = slack_api.reply, threading.Event()
    monkeypatch.setattr(slack_api, "reply", lambda call: (call.method == "chat.postMessage" and release.wait(120))
                        or answer(call))
    bot = RunningBot(slack_api, bundled_index_dir, tmp_path)
    try:
        sender = SlackSender(bot.url(), "s3cr3t-signing")
        assert sender.event(mention("Firehose vs Data Streams")).status == 200
        slack_api.wait_for("chat.postMessage", timeout=20)  # the call has arrived; its reply does not come
    finally:
        output = bot.interrupt(timeout=25)
        release.set()  # the mock answers a bot that is gone
    assert bot.process.returncode == 0
    assert "finishing 1 answer in progress" in output
    assert output.rstrip().endswith("stopped; 1 answer still waiting on Slack was dropped")


def test_an_app_token_slack_refuses_is_a_clear_error(slack_api, monkeypatch):
    monkeypatch.setattr("indexer.search.Searcher.open", lambda **kw: FakeSearcher())
    slack_api.failures["apps.connections.open"] = "invalid_auth"
    result = invoke([], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1-secret-value",
                         "SLACK_API_URL": slack_api.api_url})
    assert result.exit_code == 1
    assert "Error: Slack refused SLACK_APP_TOKEN (invalid_auth)" in result.output
    assert "xapp-1-secret-value" not in result.output
    [opened] = slack_api.of("apps.connections.open")
    assert opened.headers["authorization"] == "Bearer xapp-1-secret-value"  # the app token, not the bot's


def test_a_socket_mode_connection_that_fails_is_a_clear_error(slack_api, monkeypatch):
    monkeypatch.setattr("indexer.search.Searcher.open", lambda **kw: FakeSearcher())
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        slack_api.socket_url = f"ws://127.0.0.1:{s.getsockname()[1]}/link"  # nothing listens there
    result = invoke([], {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_API_URL": slack_api.api_url})
    assert result.exit_code == 1
    assert "Error: cannot open a Socket Mode connection to Slack" in result.output
