"""Spec of the Slack message building: pure functions, no Slack, no model."""

from __future__ import annotations

import json

import pytest

from bot import blocks
from bot.blocks import BLOCKS_MAX, BUTTON_VALUE_MAX, SECTION_TEXT_MAX, CorpusInfo, answer, best_lines, hit_text
from bot.mrkdwn import ZERO_WIDTH_SPACE, escape, plain
from bot_fakes import plan_of
from bot_mock_slack import block_texts, buttons
from indexer.search import Hit

KINESIS = "\n".join([
    "- Ingest lots of data real time",                      # 438
    "- Firehose is a delivery service into S3 or Redshift",  # 439
    "  - Fully managed NEAR real time",                      # 440
    "  - Can convert CSV & JSON to Parquet",                 # 441
    "- Data streams need shards",                            # 442
    "  - More shards = more capacity",                       # 443
    "- Video streams for video",                             # 444
])


def hit(rank=1, text=KINESIS, matched=(), path=("Notes", "AWS", "Kinesis"), line_start=436, **kw) -> Hit:
    line_end = line_start + 1 + len(text.split("\n")) if text else line_start
    return Hit(rank=rank, score=1.0 / rank, path=list(path), file="notes.md", line_start=line_start,
               line_end=line_end, text=text, matched_lines=list(matched), **kw)


@pytest.mark.parametrize("raw, shown", [
    ("a & b", "a &amp; b"),
    ("<!channel> look", "&lt;!channel&gt; look"),
    ("<@U123> and <#C1|general>", "&lt;@U123&gt; and &lt;#C1|general&gt;"),
    ("<https://evil.example|click me>", "&lt;https://evil.example|click me&gt;"),
    ("ping @here and @channel, @Everyone", f"ping @{ZERO_WIDTH_SPACE}here and @{ZERO_WIDTH_SPACE}channel, "
                                           f"@{ZERO_WIDTH_SPACE}Everyone"),
    ("email me@hereford.org", "email me@hereford.org"),
    ("x > 3 && y < 2", "x &gt; 3 &amp;&amp; y &lt; 2"),
])
def test_escape_makes_note_text_inert(raw, shown):
    assert escape(raw) == shown


@pytest.mark.parametrize("text, question", [
    ("<@UBOT> Firehose vs Data Streams", "Firehose vs Data Streams"),
    ("  <@UBOT>   what is   <#C123|kinesis>? ", "what is #kinesis?"),
    ("compare <https://docs.aws|Firehose> &amp; streams", "compare Firehose & streams"),
    ("is 3 &lt; 5 &gt; 1", "is 3 < 5 > 1"),
    ("<!here> <@U999|bob> asks: L1 vs L2", "@bob asks: L1 vs L2"),
    ("<@UBOT>", ""),
])
def test_plain_turns_a_slack_message_into_the_question(text, question):
    assert plain(text, drop_user="UBOT") == question


def test_best_lines_are_the_matched_ones_with_their_parent_bullet():
    shown = best_lines(hit(matched=[441, 443]))
    assert [n for n, _ in shown] == [439, 441, 442, 443]


def test_best_lines_fall_back_to_the_first_lines():
    shown = best_lines(hit(matched=[]), limit=2)
    assert shown == [(438, "- Ingest lots of data real time"),
                     (439, "- Firehose is a delivery service into S3 or Redshift")]


def test_best_lines_stop_at_the_limit():
    assert len(best_lines(hit(matched=range(438, 445)), limit=3)) == 3


def test_best_lines_of_an_empty_section():
    assert best_lines(hit(text="")) == []


def test_a_result_shows_heading_path_location_and_lines_with_gaps_marked():
    text = hit_text(hit(matched=[438, 442]))
    assert text.split("\n") == [
        "1. *Notes › AWS › Kinesis*",
        "`notes.md:436`",
        ">- Ingest lots of data real time",
        ">…",
        ">- Data streams need shards",
    ]


def test_a_huge_section_stays_within_slacks_section_limit():
    huge = "\n".join(f"- line {i} " + "<x> & " * 200 for i in range(50))
    text = hit_text(hit(text=huge, matched=range(438, 488)))
    assert len(text) <= SECTION_TEXT_MAX
    assert text.endswith(">…")
    assert "&am…" not in text and "&…" not in text


def test_answer_has_each_result_feedback_buttons_and_a_fallback():
    message = answer("Firehose vs Data Streams", [hit(1), hit(2, path=("Notes", "Glue"))], more=True)
    assert message.text.split("\n") == ["Notes for “Firehose vs Data Streams”:",
                                        "1. Notes › AWS › Kinesis (notes.md:436)", "2. Notes › Glue (notes.md:436)"]
    assert "*Notes › AWS › Kinesis*" in block_texts(message.blocks)
    assert {"asknotes_feedback_up", "asknotes_feedback_down", "asknotes_more"} <= set(buttons(message.blocks))
    assert "asknotes_share" not in buttons(message.blocks)
    assert json.loads(buttons(message.blocks)["asknotes_more"]["value"]) == {"q": "Firehose vs Data Streams", "o": 2}
    feedback = json.loads(buttons(message.blocks)["asknotes_feedback_up"]["value"])
    assert feedback == {"q": "Firehose vs Data Streams", "r": 1, "f": "notes.md", "l": 436,
                        "p": ["Notes", "AWS", "Kinesis"], "v": "up"}


def test_an_ephemeral_answer_can_be_shared_and_a_shared_one_credits_the_asker():
    assert "asknotes_share" in buttons(answer("q", [hit()], shareable=True).blocks)
    shared = answer("q", [hit()], asker="U0ASKER1")
    assert block_texts(shared.blocks).startswith("<@U0ASKER1> shared notes for “q”")
    assert "<@" not in block_texts(answer("q", [hit()], asker="<!channel>").blocks)


def test_no_more_button_on_the_last_page():
    assert "asknotes_more" not in buttons(answer("q", [hit()], more=False).blocks)


def test_later_pages_say_which_results_they_show():
    assert "results 4–5" in block_texts(answer("q", [hit(4), hit(5)]).blocks)


def test_no_hits_says_so():
    message = answer("zebra <!here>", [])
    assert "No notes match “zebra &lt;!here&gt;”" in message.text


def test_every_limit_holds_for_many_long_results_and_a_long_question():
    question = "why " * 1500
    many = [hit(rank, text="\n".join("- " + "word " * 300 for _ in range(30)), matched=range(438, 470),
                path=["Title " * 80] * 5) for rank in range(1, 40)]
    message = answer(question, many, more=True, shareable=True)
    assert len(message.blocks) <= BLOCKS_MAX
    for block in message.blocks:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= SECTION_TEXT_MAX
        for element in block.get("elements", []):
            assert len(element.get("value", "")) <= BUTTON_VALUE_MAX
            assert len(element.get("text", "")) <= 2000 if isinstance(element.get("text"), str) else True
    assert len(message.text) <= blocks.FALLBACK_MAX
    more = json.loads(buttons(message.blocks)["asknotes_more"]["value"])
    assert more["o"] == 24  # the results that fit; More continues after the last one shown


def test_hostile_note_text_cannot_ping_or_break_formatting():
    evil = hit(text="- <!channel> wake up & read\n- @here <@U123> <https://evil.example|free> *bold* > quote",
               matched=[438, 439], path=("Notes", "<!everyone> *heading*"))
    message = answer("<!channel> what?", [evil])
    shown = [{k: v for k, v in b.items()} for b in message.blocks]
    for block in shown:  # button values are data for the bot, never rendered
        block["elements"] = [{k: v for k, v in e.items() if k != "value"} for e in block.get("elements", [])]
    everything = json.dumps({"text": message.text, "blocks": shown}, ensure_ascii=False)
    for pattern in ("<!channel>", "<!everyone>", "<@U123>", "<https://", "@here"):
        assert pattern not in everything
    text = block_texts(message.blocks)
    assert "1. *Notes › &lt;!everyone&gt; heading*" in text
    assert ">- &lt;!channel&gt; wake up &amp; read" in text
    assert all(b["text"].get("verbatim") for b in message.blocks if b["type"] == "section")


def test_usage_explains_the_three_ways_to_ask():
    text = block_texts(blocks.usage().blocks)
    assert "@asknotes <question>" in text and "direct message" in text and "/asknotes <question>" in text


def test_home_tab_shows_how_to_ask_examples_and_the_corpus():
    view = blocks.home_view(CorpusInfo(name="AWS notes", files=1, sections=76, model="all-MiniLM-L6-v2",
                                       examples=["Regularization", "Glue"]))
    assert view["type"] == "home"
    text = block_texts(view["blocks"])
    assert "How to ask" in text and "`/asknotes Regularization`" in text
    assert "*AWS notes* · 76 sections in 1 file · model all-MiniLM-L6-v2" in text


def test_an_unconfident_answer_says_so():
    from dataclasses import replace

    from bot_fakes import make_hit

    sure = answer("firehose", [make_hit(1)])
    unsure = answer("who painted the Mona Lisa", [replace(make_hit(1), confident=False, confidence=0.01)])
    assert "No confident match" not in sure.text and "No confident match" not in json.dumps(sure.blocks)
    assert unsure.text.startswith("No confident match")
    assert block_texts(unsure.blocks).startswith("No confident match")
    kendra = answer("what is Amazon Kendra", [replace(make_hit(1), confident=False)],
                    plan=plan_of(unknown=["Kendra", "<b>"]))
    assert block_texts(kendra.blocks).startswith(
        "No confident match for “what is Amazon Kendra” (the notes never mention Kendra, &lt;b&gt;).")
    assert "never mention" not in block_texts(answer("firehose", [make_hit(1)], plan=plan_of(unknown=["X"])).blocks)
    many = answer("q", [replace(make_hit(1), confident=False)], plan=plan_of(unknown=[f"N{i}" for i in range(40)]))
    assert "(the notes never mention N0, N1, N2 and 37 more)" in block_texts(many.blocks)


def test_the_header_says_what_was_searched_for_as_the_cli_does():
    from bot_fakes import make_hit

    typo = answer("kinesys firehose", [make_hit(1)], plan=plan_of(searched_for="kinesis firehose"))
    assert block_texts(typo.blocks).startswith("Notes for “kinesys firehose” (searched for: kinesis firehose)")
    rcf = answer("RCF", [make_hit(1)], plan=plan_of(expansions={"RCF": "Random Cut Forest"}))
    assert block_texts(rcf.blocks).startswith("Notes for “RCF” (RCF = Random Cut Forest)")
    alarm = answer("false alarms", [make_hit(1)], plan=plan_of(glosses={"false alarms": "false positive"}))
    assert block_texts(alarm.blocks).startswith("Notes for “false alarms” (false alarms = false positive)")
    assert block_texts(answer("firehose", [make_hit(1)], plan=plan_of()).blocks).startswith("Notes for “firehose”\n")
