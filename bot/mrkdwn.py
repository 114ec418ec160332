"""Text in and out of Slack: escape note text for mrkdwn, and turn a Slack message back into a plain question."""

from __future__ import annotations

import re

# Slack pings for these words even without angle brackets when it auto-parses text; a zero-width space
# after the "@" keeps them readable and inert.
BROADCAST = re.compile(r"@(here|channel|everyone)\b", re.IGNORECASE)
ZERO_WIDTH_SPACE = "\u200b"

# Slack's own markup in incoming text: <@U123>, <#C123|general>, <!here>, <https://x|label>, <https://x>.
SLACK_MARKUP = re.compile(r"<([@#!]?)([^<>|]*)(?:\|([^<>]*))?>")


def escape(text: str) -> str:
    """Note or user text made inert for mrkdwn: &, <, > escaped (so no <!channel> or <@U…>), no bare @here."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return BROADCAST.sub(lambda m: "@" + ZERO_WIDTH_SPACE + m.group(1), text)


def bold(text: str) -> str:
    """Escaped text in bold; its own asterisks (Markdown emphasis in a heading) would end the bold early."""
    return "*" + escape(text).replace("*", "").strip() + "*"


def truncate(text: str, limit: int) -> str:
    """At most `limit` characters, ending in "…" when cut, never in the middle of an &amp;-style escape."""
    if len(text) <= limit:
        return text
    cut = re.sub(r"&[a-z]*$", "", text[: limit - 1])
    return cut + "…"


def plain(text: str, drop_user: str | None = None) -> str:
    """A Slack message's text as the words a person typed: mentions of `drop_user` (the bot) and broadcasts
    removed, other people as @name when Slack gives one, links and channels as their labels, &amp; etc.
    unescaped, whitespace collapsed."""

    def replace(m: re.Match) -> str:
        sigil, target, label = m.group(1), m.group(2), m.group(3)
        if sigil == "@":
            return "" if target == drop_user or not label else "@" + label
        if sigil == "#":
            return "#" + (label or target)
        if sigil == "!":
            return ""
        return label or target

    text = SLACK_MARKUP.sub(replace, text or "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())
