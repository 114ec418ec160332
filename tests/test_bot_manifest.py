"""The Slack app manifest users paste agrees with what the bot listens to."""

from __future__ import annotations

import inspect
from pathlib import Path

import yaml

import bot
from bot.app import register

MANIFEST = yaml.safe_load((Path(bot.__file__).parent / "manifest.yml").read_text(encoding="utf-8"))


def test_the_manifest_declares_the_slash_command_the_bot_registers():
    [command] = MANIFEST["features"]["slash_commands"]
    assert command["command"] == inspect.signature(register).parameters["command"].default == "/asknotes"
    assert command["should_escape"] is False


def test_the_manifest_subscribes_to_exactly_the_events_the_bot_answers():
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention", "message.im", "app_home_opened"}


def test_the_manifest_asks_for_the_scopes_those_need_and_no_more():
    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == {"app_mentions:read", "chat:write", "commands",
                                                              "im:history"}


def test_the_manifest_turns_on_socket_mode_interactivity_and_the_home_tab():
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
    assert MANIFEST["features"]["app_home"]["messages_tab_read_only_enabled"] is False
