"""Search hits -> Slack messages: Block Kit blocks plus a plain-text fallback, within Slack's limits.

Pure functions over plain data; nothing here talks to Slack. Every piece of note or user text goes
through `mrkdwn.escape`, so a note can never ping a channel or break the message's formatting.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from cli.options import some
from indexer.bestlines import with_parents

from .mrkdwn import bold, escape, truncate

# Slack's limits (https://api.slack.com/reference/block-kit/blocks)
SECTION_TEXT_MAX = 3000  # characters in a section block's text
BLOCKS_MAX = 50  # blocks in one message
BUTTON_VALUE_MAX = 2000  # characters in a button's value
CONTEXT_TEXT_MAX = 2000  # characters in a context element's text
FALLBACK_MAX = 3000  # the `text` fallback: Slack allows 40k, but it is what notifications show

BEST_LINES = 6  # note lines shown per result
QUESTION_SHOWN = 200  # characters of the question echoed in a header

ACTION_MORE = "asknotes_more"
ACTION_SHARE = "asknotes_share"
ACTION_FEEDBACK = "asknotes_feedback_{verdict}"
VERDICTS = {"up": "👍", "down": "👎"}
FEEDBACK_ACTIONS = re.compile("^" + ACTION_FEEDBACK.format(verdict=f"({'|'.join(VERDICTS)})") + "$")

HOW_TO_ASK = (
    "• Mention me in a channel: `@asknotes <question>`, and I answer in the thread.\n"
    "• Send me a direct message with your question.\n"
    "• `/asknotes <question>`: only you see the answer; *Share in channel* posts it for everyone.\n"
    "Each result is a note section exactly as written, with its file and line. "
    "👍 / 👎 tell us whether it helped."
)


@dataclass(frozen=True)
class Message:
    """What the bot posts: Block Kit blocks and the plain `text` Slack shows in notifications."""

    text: str
    blocks: list[dict] = field(default_factory=list)

    def as_kwargs(self) -> dict:
        return {"text": self.text, "blocks": self.blocks}


def best_lines(hit: Any, limit: int = BEST_LINES) -> list[tuple[int, str]]:
    """The (line number, line) pairs of a hit worth showing: the core's best lines (else the lines that
    share a query term), each sub-bullet with its parent bullet for context, in file order; the first
    lines if none match."""
    numbered = hit.lines() if hit.text else []
    wanted = set(getattr(hit, "best_lines", None) or hit.matched_lines)
    picked: set[int] = set()
    for number, line in numbered:
        if number not in wanted or not line.strip():
            continue
        group = with_parents(numbered, {number})
        if len(picked | group) > limit:
            break
        picked |= group
    if not picked:
        picked = set(sorted(number for number, line in numbered if line.strip())[:limit])
    return [(number, line) for number, line in numbered if number in picked]


def hit_text(hit: Any, limit: int = SECTION_TEXT_MAX) -> str:
    """One result as mrkdwn: the heading path in bold, `file:line`, then its best lines as a quote."""
    head = f"{hit.rank}. " + bold(truncate(" › ".join(hit.path), 300))
    where = "`" + escape(f"{hit.file}:{hit.line_start}").replace("`", "'") + "`"
    text, last = f"{head}\n{where}", None
    for number, line in best_lines(hit):
        quoted = ("\n>…" if last is not None and number > last + 1 else "") + "\n>" + escape(line)
        if len(text) + len(quoted) > limit - 3:
            return text + "\n>…"
        text, last = text + quoted, number
    return text


def button_value(data: dict) -> str:
    """A button's value as JSON within Slack's limit; a long question "q" is shortened to fit."""
    value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    while len(value) > BUTTON_VALUE_MAX and data.get("q"):
        data = {**data, "q": data["q"][: max(0, len(data["q"]) - (len(value) - BUTTON_VALUE_MAX) - 8)]}
        value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(value) > BUTTON_VALUE_MAX:
        raise ValueError(f"button value of {len(value)} characters is over Slack's {BUTTON_VALUE_MAX}")
    return value


def _button(text: str, action_id: str, value: dict, style: str | None = None) -> dict:
    button = {"type": "button", "text": {"type": "plain_text", "text": text, "emoji": True},
              "action_id": action_id, "value": button_value(value)}
    return {**button, "style": style} if style else button


def _feedback_block(question: str, hit: Any) -> dict:
    """👍 / 👎 for one result; the value carries what the feedback file records."""
    ref = {"q": question, "r": hit.rank, "f": hit.file, "l": hit.line_start, "p": [p[:200] for p in hit.path]}
    return {"type": "actions", "block_id": f"asknotes_feedback_{hit.rank}",
            "elements": [_button(emoji, ACTION_FEEDBACK.format(verdict=verdict), {**ref, "v": verdict})
                         for verdict, emoji in VERDICTS.items()]}


def _context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(text, CONTEXT_TEXT_MAX),
                                             "verbatim": True}]}


def _quoted(question: str) -> str:
    return "“" + escape(truncate(question, QUESTION_SHOWN)) + "”"


def answer(question: str, hits: list, *, more: bool = False, shareable: bool = False,
           asker: str | None = None, plan: Any = None) -> Message:
    """The reply to a question: a header, each hit with its feedback buttons, then More / Share buttons.

    `more`: there are results after these; `shareable`: the reply is ephemeral and can be posted to
    the channel; `asker`: the Slack user id to credit when a reply was shared; `plan`: what the core made
    of the question (query.QueryPlan), for the header: its corrections, expansions and glosses, and when the
    answer is not confident, the names the notes never mention.
    """
    if not hits:
        return no_results(question)
    first, last = hits[0].rank, hits[-1].rank
    span = f" · results {first}–{last}" if first > 1 else ""
    credit = asker and re.fullmatch(r"[UW][A-Z0-9]+", asker)  # a user id, never free text
    confident = getattr(hits[0], "confident", True)
    said = _said(plan, confident)
    header = (f"<@{asker}> shared notes" if credit else "Notes") + f" for {_quoted(question)}{said}{span}"
    if not confident:  # the core abstained: these are only the nearest sections
        header = f"No confident match for {_quoted(question)}{said}. The nearest sections, which may not answer it{span}:"
    room = (BLOCKS_MAX - 2) // 2  # header and buttons, then two blocks a hit
    shown = hits[:room]
    blocks = [_context(header)]
    for hit in shown:
        blocks.append({"type": "section", "block_id": f"asknotes_hit_{hit.rank}",
                       "text": {"type": "mrkdwn", "text": hit_text(hit), "verbatim": True}})
        blocks.append(_feedback_block(question, hit))
    buttons = []
    if more or len(shown) < len(hits):
        buttons.append(_button("More results", ACTION_MORE, {"q": question, "o": shown[-1].rank}))
    if shareable:
        buttons.append(_button("Share in channel", ACTION_SHARE, {"q": question}, style="primary"))
    if buttons:
        blocks.append({"type": "actions", "block_id": "asknotes_buttons", "elements": buttons})
    return Message(fallback(question, shown), blocks)


def _said(plan: Any, confident: bool) -> str:
    """ " (searched for: kinesis firehose; RCF = Random Cut Forest; false alarms = false positive)", as the
    CLI says it, or ""."""
    if plan is None:
        return ""
    parts = [f"searched for: {truncate(plan.searched_for, QUESTION_SHOWN)}"] if plan.searched_for else []
    parts += [f"{said} = {meant}" for said, meant in plan.read_as.items()]
    if not confident and plan.unknown_names:
        parts.append(f"the notes never mention {some(plan.unknown_names)}")
    return f" ({escape('; '.join(parts))})" if parts else ""


def fallback(question: str, hits: list) -> str:
    """The plain `text` of a reply: one line per hit, heading path and file:line."""
    unsure = hits and not getattr(hits[0], "confident", True)
    lines = [f"No confident match for {_quoted(question)}; nearest notes:" if unsure else f"Notes for {_quoted(question)}:"]
    lines += [f"{h.rank}. " + escape(" › ".join(h.path)) + f" ({escape(h.file)}:{h.line_start})" for h in hits]
    return truncate("\n".join(lines), FALLBACK_MAX)


def no_results(question: str) -> Message:
    text = f"No notes match {_quoted(question)}. Try other words, or `/asknotes help`."
    return Message(text, [{"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True}}])


def usage() -> Message:
    """How to ask: the reply to `/asknotes`, `/asknotes help`, or a mention with no question."""
    text = "*Ask the study notes*\n" + HOW_TO_ASK
    return Message("Ask the study notes: mention me, DM me, or use /asknotes <question>.",
                   [{"type": "section", "text": {"type": "mrkdwn", "text": text}}])


def apology() -> Message:
    """The reply when the search itself failed (the error is logged, the bot stays up)."""
    text = "Sorry, something went wrong while searching the notes. Please try again in a moment."
    return Message(text, [{"type": "section", "text": {"type": "plain_text", "text": text}}])


def feedback_thanks(verdict: str, rank: int) -> Message:
    text = f"Thanks, noted {VERDICTS.get(verdict, '')} for result {rank}."
    return Message(text, [_context(text)])


@dataclass(frozen=True)
class CorpusInfo:
    """What the App Home says about the notes behind the bot."""

    name: str
    files: int
    sections: int
    model: str
    examples: list[str] = field(default_factory=list)


def home_view(info: CorpusInfo) -> dict:
    """The App Home tab: how to ask, example questions, and which notes (and how many) are searched."""
    examples = "\n".join(f"• `/asknotes {escape(e)}`" for e in info.examples) or "• `/asknotes help`"
    size = f"{info.sections} sections in {info.files} file{'s' if info.files != 1 else ''}"
    return {"type": "home", "blocks": [
        {"type": "header", "text": {"type": "plain_text", "text": "asknotes: ask the study notes"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": (
            "Ask a question, get the best-matching sections of the notes back, exactly as written "
            "(keyword + meaning search; nothing is generated).")}},
        {"type": "header", "text": {"type": "plain_text", "text": "How to ask"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": HOW_TO_ASK}},
        {"type": "header", "text": {"type": "plain_text", "text": "Try"}},
        {"type": "section", "text": {"type": "mrkdwn", "text": truncate(examples, SECTION_TEXT_MAX),
                                     "verbatim": True}},
        {"type": "divider"},
        _context(f"Notes: *{escape(info.name)}* · {size} · model {escape(info.model)}"),
    ]}
