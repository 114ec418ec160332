"""Fakes for bot tests that do not depend on retrieval quality: a searcher with canned hits, and
recorders standing in for Bolt's ack / respond / client."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from types import SimpleNamespace

from indexer.errors import EmptyQuery
from indexer.parse import Section
from indexer.search import Hit


def make_hit(rank: int, heading: str = "Kinesis", text: str = "- Firehose delivers to S3\n- Data streams need shards",
             file: str = "notes.md", line_start: int = 10) -> Hit:
    lines = text.split("\n")
    return Hit(rank=rank, score=1.0 / rank, path=["Study Notes", heading], file=file, line_start=line_start,
               line_end=line_start + 1 + len(lines), text=text, matched_lines=[line_start + 2])


def plan_of(searched_for: str | None = None, expansions: dict | None = None, unknown: list | None = None,
            glosses: dict | None = None):
    """A question's plan as the bot reads it (query.QueryPlan)."""
    return SimpleNamespace(searched_for=searched_for, unknown_names=unknown or [],
                           read_as={**(expansions or {}), **(glosses or {})})


@dataclass
class FakeSearcher:
    """Answers every question with the same ranked hits; raises for questions containing `explode`;
    `gate`, when set, makes each search wait for it (to show acks do not wait for searches)."""

    hits: list[Hit] = field(default_factory=lambda: [make_hit(r, f"Topic {r}") for r in range(1, 8)])
    questions: list[str] = field(default_factory=list)
    gate: threading.Event | None = None
    plan: SimpleNamespace = field(default_factory=lambda: plan_of())  # what the core made of each question

    def __post_init__(self):
        self.sections = [Section(file="notes.md", path=("Study Notes", h.path[-1]), line_start=h.line_start,
                                 line_end=h.line_end, body_start=h.line_start + 2, text=h.text) for h in self.hits]
        self.index = SimpleNamespace(manifest={"corpus": "/notes/study", "sections": len(self.sections),
                                               "model": {"id": "fake-model"}})

    def search(self, question: str, k: int = 5, mode: str = "hybrid") -> list[Hit]:
        self.questions.append(question)
        if self.gate is not None:
            self.gate.wait(10)
        if not question.strip():
            raise EmptyQuery("the question is empty")
        if "explode" in question:
            raise RuntimeError("index exploded")
        return self.hits[:k]

    def ask(self, question: str, k: int = 5, mode: str = "hybrid") -> SimpleNamespace:
        return SimpleNamespace(hits=self.search(question, k, mode), plan=self.plan)


@dataclass
class Recorder:
    """Stands in for ack / respond / a WebClient method: records each call's keyword arguments."""

    name: str
    log: list = field(default_factory=list)
    error: Exception | None = None

    def __call__(self, *args, **kwargs):
        self.log.append((self.name, args, kwargs))
        if self.error is not None:
            raise self.error
        return {"ok": True}

    @property
    def calls(self) -> list[dict]:
        return [kw for name, _, kw in self.log if name == self.name]


class FakeClient:
    """A WebClient stand-in whose methods record into one shared log (so call order can be checked)."""

    def __init__(self, log: list | None = None, fail: dict[str, Exception] | None = None):
        self.log = log if log is not None else []
        self.chat_postMessage = Recorder("chat_postMessage", self.log, (fail or {}).get("chat_postMessage"))
        self.views_publish = Recorder("views_publish", self.log)
