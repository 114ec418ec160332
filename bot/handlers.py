"""The bot's listeners: turn a Slack event into a search and the reply into a Slack call.

Bolt injects the arguments by name (`event`, `ack`, `respond`, `client`, `body`, `action`, `context`),
so each listener is also an ordinary method a test calls with fakes. Nothing here builds an App.
"""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import blocks
from .blocks import Message
from .feedback import Feedback, Result, record
from .mrkdwn import plain

log = logging.getLogger("asknotes.bot")

HELP_WORDS = {"", "help", "?", "-h", "--help"}


def from_a_person(event: dict) -> bool:
    """Not from a bot (ours is dropped by Bolt already; others could start a reply loop) and not an edit."""
    return not event.get("bot_id") and event.get("subtype") in (None, "thread_broadcast")


def is_direct_question(event: dict) -> bool:
    """A person's new message in a direct-message conversation with the bot."""
    return event.get("channel_type") == "im" and from_a_person(event) and bool(event.get("text"))


@dataclass
class Asknotes:
    """The state the listeners share: the searcher, results per reply, and where feedback goes."""

    searcher: Any
    feedback_path: Path
    k: int = 3
    _search_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    # --- core: question -> message -------------------------------------------------------------

    def results(self, question: str, offset: int = 0) -> tuple[list, bool, Any]:
        """Results offset+1 … offset+k, whether more follow, and what the core made of the question (its
        plan: corrections, expansions, names the notes never mention). Raises what the search raises."""
        # Bolt runs listeners in a thread pool; the embedder's tokenizer must not be shared between threads.
        with self._search_lock:
            found = self.searcher.ask(question, k=offset + self.k + 1)
        hits = found.hits
        return hits[offset: offset + self.k], len(hits) > offset + self.k, found.plan

    def reply(self, question: str, offset: int = 0, shareable: bool = False) -> Message:
        """The message answering a question: usage for none or "help", an apology if the search fails."""
        if question.strip().lower() in HELP_WORDS:
            return blocks.usage()
        try:
            hits, more, plan = self.results(question, offset)
        except Exception:
            log.exception("search failed for question %r", question[:200])
            return blocks.apology()
        return blocks.answer(question, hits, more=more, shareable=shareable, plan=plan)

    # --- events ----------------------------------------------------------------------------------

    def on_app_mention(self, event: dict, context: dict, client: Any) -> None:
        """`@asknotes <question>` in a channel: reply in the thread of that message."""
        question = plain(event.get("text", ""), drop_user=context.get("bot_user_id"))
        message = self.reply(question)
        client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"],
                                **message.as_kwargs())

    def on_direct_message(self, event: dict, context: dict, client: Any) -> None:
        """A direct message: reply in the DM (in its thread if the question was asked in one)."""
        question = plain(event.get("text", ""), drop_user=context.get("bot_user_id"))
        message = self.reply(question)
        client.chat_postMessage(channel=event["channel"], thread_ts=event.get("thread_ts"), **message.as_kwargs())

    def on_home_opened(self, event: dict, client: Any) -> None:
        """The App Home tab: how to ask, examples, and the notes behind the bot."""
        if event.get("tab", "home") == "home":
            client.views_publish(user_id=event["user"], view=blocks.home_view(self.corpus_info))

    # --- slash command and buttons ---------------------------------------------------------------

    def on_command(self, ack: Any, command: dict, respond: Any) -> None:
        """`/asknotes <question>`: an ephemeral reply with a "Share in channel" button."""
        ack()  # first, so Slack hears back within 3 s however long the search takes
        message = self.reply(plain(command.get("text", "")), shareable=True)
        respond(response_type="ephemeral", **message.as_kwargs())

    def on_more(self, ack: Any, body: dict, action: dict, client: Any, respond: Any) -> None:
        """"More results": the next k results, where the first ones are."""
        ack()
        value = _value(action, "q", "o")
        if value is None:
            return
        container = body.get("container") or {}
        ephemeral = bool(container.get("is_ephemeral"))
        message = self.reply(value["q"], offset=int(value["o"]), shareable=ephemeral)
        if ephemeral:
            respond(response_type="ephemeral", replace_original=False, **message.as_kwargs())
            return
        original = body.get("message") or {}
        thread = original.get("thread_ts") or original.get("ts") or container.get("message_ts")
        try:
            client.chat_postMessage(channel=container.get("channel_id") or body["channel"]["id"],
                                    thread_ts=thread, **message.as_kwargs())
        except Exception as exc:  # e.g. not_in_channel for a shared reply: show them to the clicker instead
            log.warning("could not post more results in the thread (%s); answering ephemerally", exc)
            respond(response_type="ephemeral", replace_original=False, **message.as_kwargs())

    def on_share(self, ack: Any, body: dict, action: dict, respond: Any) -> None:
        """"Share in channel": post the answer for everyone, crediting the asker, and drop the private copy."""
        ack()
        value = _value(action, "q")
        if value is None:
            return
        try:
            hits, more, plan = self.results(value["q"])
        except Exception:
            log.exception("search failed while sharing question %r", value["q"][:200])
            respond(response_type="ephemeral", replace_original=False, **blocks.apology().as_kwargs())
            return
        message = blocks.answer(value["q"], hits, more=more, plan=plan, asker=(body.get("user") or {}).get("id"))
        respond(response_type="in_channel", replace_original=False, **message.as_kwargs())
        respond(delete_original=True)

    def on_feedback(self, ack: Any, body: dict, action: dict, respond: Any) -> None:
        """👍 / 👎: append question, result and verdict to the feedback file."""
        ack()
        value = _value(action, "q", "v", "r", "f", "l", "p")
        if value is None or value["v"] not in blocks.VERDICTS:
            return
        entry = Feedback(question=value["q"], verdict=value["v"],
                         result=Result(rank=int(value["r"]), file=value["f"], line_start=int(value["l"]),
                                       path=list(value["p"])))
        try:
            record(self.feedback_path, entry)
        except OSError:
            log.exception("could not write feedback to %s", self.feedback_path)
            respond(response_type="ephemeral", replace_original=False,
                    text="Sorry, your feedback could not be saved.")
            return
        respond(response_type="ephemeral", replace_original=False,
                **blocks.feedback_thanks(entry.verdict, entry.result.rank).as_kwargs())

    # --- what the App Home shows -----------------------------------------------------------------

    @cached_property
    def corpus_info(self) -> blocks.CorpusInfo:
        """Name, size and example questions of the corpus, from the loaded index."""
        manifest = getattr(getattr(self.searcher, "index", None), "manifest", {}) or {}
        sections = list(getattr(self.searcher, "sections", []) or [])
        files = Counter(s.file for s in sections)
        if len(files) == 1 and sections:
            name = sections[0].path[0]  # one document: its title
        else:
            name = Path(manifest.get("corpus") or "notes").name
        model = (manifest.get("model") or {}).get("id", "?")
        return blocks.CorpusInfo(name=name, files=len(files), sections=manifest.get("sections", len(sections)),
                                 model=model, examples=example_questions(sections))


def example_questions(sections: list, n: int = 3) -> list[str]:
    """A few short headings from across the notes, to show what can be asked."""
    headings = [s.path[-1] for s in sections if len(s.path) > 1 and len(s.path[-1]) <= 40 and s.text.strip()]
    if len(headings) <= n:
        return headings
    step = len(headings) / n
    return [headings[int(step * i + step / 2)] for i in range(n)]


def _value(action: dict, *keys: str) -> dict | None:
    """A button's JSON value with the keys it must have; None (and a log line) for anything else."""
    try:
        value = json.loads((action or {}).get("value") or "")
        if isinstance(value, dict) and all(k in value for k in keys):
            return value
    except ValueError:
        pass
    log.warning("ignored a click on %s: its value is not one asknotes made", (action or {}).get("action_id"))
    return None
