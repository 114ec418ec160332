"""Eval questions: load and check a questions file, and split it into tuning and test parts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

TYPES = ("keyword", "natural", "paraphrase", "comparison", "acronym", "typo", "formula", "scenario", "out-of-domain")
SPLITS = ("all", "tune", "test")
DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "questions.yaml"


class QuestionsError(ValueError):
    """The questions file is missing, not YAML, or not in the expected format."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    type: str
    relevant: tuple[str, ...]  # section references: "Heading" or "Parent > Heading"
    split: str | None = None  # "tune" or "test" when the file says; else drawn by splits()

    @property
    def in_domain(self) -> bool:
        return bool(self.relevant)


def load_questions(path: Path | str = DEFAULT_QUESTIONS) -> list[Question]:
    """Read a questions file: a YAML list of {id, question, type, relevant}."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise QuestionsError(f"cannot read {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise QuestionsError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(data, list) or not data:
        raise QuestionsError(f"{path} must be a non-empty YAML list of {{id, question, type, relevant}}")
    questions, seen = [], set()
    for n, row in enumerate(data, start=1):
        q = _question(row, f"{path} entry {n}")
        if q.id in seen:
            raise QuestionsError(f"{path}: id {q.id!r} appears twice")
        seen.add(q.id)
        questions.append(q)
    return questions


def _question(row: object, where: str) -> Question:
    if not isinstance(row, dict) or not {"id", "question", "relevant"} <= set(row):
        raise QuestionsError(f"{where} needs the keys id, question, type, relevant")
    qtype = row.get("type", "natural")
    if qtype not in TYPES:
        raise QuestionsError(f"{where}: type {qtype!r} is not one of {sorted(TYPES)}")
    relevant = row["relevant"] or []
    if not isinstance(relevant, list) or not all(isinstance(r, str) and r.strip() for r in relevant):
        raise QuestionsError(f"{where}: relevant must be a list of section headings")
    if not str(row["question"]).strip():
        raise QuestionsError(f"{where}: the question is empty")
    split = row.get("split")
    if split not in (None, "tune", "test"):
        raise QuestionsError(f"{where}: split must be tune or test, not {split!r}")
    return Question(str(row["id"]), str(row["question"]), qtype, tuple(relevant), split)


def _key(question: Question) -> str:
    return hashlib.sha256(question.id.encode()).hexdigest()


def splits(questions: list[Question]) -> dict[str, str]:
    """id -> 'tune' or 'test'. A question whose entry says its split keeps it (the shipped file says so
    for every question, so adding questions never moves one to the other half). The others: within
    each question type, ordered by a hash of their id, they alternate sides, so both halves hold every
    type in the same proportion."""
    out = {q.id: q.split for q in questions if q.split}
    for qtype in {q.type for q in questions}:
        same_type = sorted((q for q in questions if q.type == qtype and not q.split), key=_key)
        out.update({q.id: "tune" if i % 2 == 0 else "test" for i, q in enumerate(same_type)})
    return out


def split_of(question: Question, questions: list[Question]) -> str:
    """The half a question is in (see splits)."""
    return splits(questions)[question.id]


def select(questions: list[Question], split: str) -> list[Question]:
    if split not in SPLITS:
        raise QuestionsError(f"unknown split {split!r}; choose from {sorted(SPLITS)}")
    if split == "all":
        return questions
    side = splits(questions)
    return [q for q in questions if side[q.id] == split]
