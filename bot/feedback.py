"""👍 / 👎 on a result, kept as JSON lines that eval tooling can read later.

One line per click:
    {"time": "2025-01-31T12:00:00Z", "source": "slack", "question": "Firehose vs Data Streams",
     "verdict": "up", "result": {"rank": 1, "file": "notes.md", "line_start": 436, "path": ["Notes", "Kinesis"]}}
`result.path` is the section's heading chain, which is what evals/questions.yaml's `relevant` entries match.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

FILE_NAME = "feedback.jsonl"
_write_lock = threading.Lock()


@dataclass(frozen=True)
class Result:
    """Which result the verdict is about."""

    rank: int
    file: str
    line_start: int
    path: list[str]


@dataclass(frozen=True)
class Feedback:
    question: str
    verdict: str  # "up" or "down"
    result: Result
    source: str = "slack"
    time: str = field(default_factory=lambda: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))

    def to_json(self) -> str:
        data = asdict(self)
        order = ("time", "source", "question", "verdict", "result")
        return json.dumps({k: data[k] for k in order}, ensure_ascii=False)


def feedback_path(explicit: Path | str | None, index_dir: Path | str | None = None,
                  corpus: Path | str | None = None) -> Path:
    """Where feedback goes: the explicit path, else $ASKNOTES_FEEDBACK, else feedback.jsonl in the index dir
    (the given one, or the default index dir of the corpus)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get("ASKNOTES_FEEDBACK"):
        return Path(os.environ["ASKNOTES_FEEDBACK"]).expanduser()
    if index_dir is None:
        from indexer.locate import bundled_corpus, default_index_dir

        index_dir = default_index_dir(Path(corpus) if corpus else bundled_corpus())
    return Path(index_dir).expanduser() / FILE_NAME


def record(path: Path, feedback: Feedback) -> None:
    """Append one feedback line (a lock keeps lines whole when listeners run in parallel threads)."""
    with _write_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(feedback.to_json() + "\n")
