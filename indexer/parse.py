"""Files -> sections: read a folder of Markdown / plain-text notes and split them by heading.

A section is one heading and the lines under it, up to the next heading. Its `path` is the chain of
headings above it, the document title first, so "Sagemaker Deploy > Deploy" can be told apart from
another "Deploy". Long sections are further cut into chunks for the embedder (MiniLM reads at most
256 word pieces); results are still reported per section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusEmpty, CorpusNotFound

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
BULLET = re.compile(r"^(\s*)(?:[•◦▪\-*+]|\d+[.)])\s+")
CHUNK_WORDS = 120


@dataclass(frozen=True)
class Section:
    """One heading and its body, exactly as written in the file."""

    file: str  # path relative to the corpus root, with forward slashes
    path: tuple[str, ...]  # heading chain, document title first
    line_start: int  # 1-based line of the heading (or of the first line, for a heading-less start)
    line_end: int  # 1-based last non-blank line of the body
    body_start: int  # 1-based line of the first line of `text`
    text: str  # the body lines, verbatim, joined by "\n"

    def lines(self) -> list[tuple[int, str]]:
        """The body as (line number, line) pairs."""
        return list(enumerate(self.text.split("\n"), start=self.body_start))


@dataclass(frozen=True)
class Chunk:
    """A run of whole bullets from one section, small enough for the embedder."""

    section: int  # index into the section list
    line_start: int
    line_end: int
    text: str
    fine: bool = False  # of the finer of the two cuts of a section (BuildSettings.fine_chunk_words)


@dataclass
class Corpus:
    """What reading a corpus gives: the sections, and a warning for each file skipped."""

    root: Path
    files: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def note_files(root: Path) -> list[Path]:
    """Every note file under root (or root itself if it is a file), in a stable order."""
    if root.is_file():
        return [root]
    found = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in NOTE_SUFFIXES]
    return sorted(p for p in found if not any(part.startswith(".") for part in p.relative_to(root).parts))


def read_corpus(root: Path) -> Corpus:
    """Parse every note file under root; skip (with a warning) files that are empty or not UTF-8 text."""
    root = Path(root).expanduser()
    if not root.exists():
        raise CorpusNotFound(f"corpus path {root} does not exist; give a folder of .md/.txt notes")
    corpus = Corpus(root=root)
    base = root.parent if root.is_file() else root
    for path in note_files(root):
        rel = path.relative_to(base).as_posix()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            corpus.warnings.append(f"skipped {rel}: not UTF-8 text")
            continue
        if "\x00" in text:
            corpus.warnings.append(f"skipped {rel}: binary file")
            continue
        if not text.strip():
            corpus.warnings.append(f"skipped {rel}: empty file")
            continue
        corpus.files.append(rel)
        corpus.sections.extend(parse_text(text, rel, markdown=_is_markdown(path, text)))
    if not corpus.sections:
        raise CorpusEmpty(f"no notes found in {root}: it needs .md or .txt files with some text")
    return corpus


def _is_markdown(path: Path, text: str) -> bool:
    """A .txt file that uses '# ' headings is read as Markdown too."""
    if path.suffix.lower() in (".md", ".markdown"):
        return True
    return any(ATX_HEADING.match(line) for line in text.splitlines())


def parse_text(text: str, file: str, markdown: bool = True) -> list[Section]:
    """Split one file's text into sections by heading."""
    lines = text.splitlines()
    headings = _markdown_headings(lines) if markdown else _plain_headings(lines)
    title = Path(file).stem
    if headings and headings[0][1] == 1:
        title = headings[0][2]
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    first_heading = headings[0][0] if headings else len(lines)
    if any(line.strip() for line in lines[:first_heading]):
        sections.append(_section(file, (title,), lines, 0, 0, first_heading))
    for n, (idx, level, heading) in enumerate(headings):
        stack = [(lv, h) for lv, h in stack if lv < level] + [(level, heading)]
        path = tuple(h for _, h in stack)
        if stack[0][0] != 1:  # no H1 above this heading: the file name stands in for the title
            path = (title,) + path
        end = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        body_from = idx + (2 if markdown and _is_setext(lines, idx) else 1)
        sections.append(_section(file, path, lines, idx, body_from, end))
    return sections


def _section(file: str, path: tuple[str, ...], lines: list[str], head: int, body: int, end: int) -> Section:
    """Build a section from 0-based [head, end) with the body from `body`, trimming blank edges."""
    while body < end and not lines[body].strip():
        body += 1
    last = end
    while last > body and not lines[last - 1].strip():
        last -= 1
    text = "\n".join(line.rstrip() for line in lines[body:last])
    return Section(file=file, path=path, line_start=head + 1, line_end=last if text else head + 1,
                   body_start=body + 1, text=text)


def _is_setext(lines: list[str], idx: int) -> bool:
    return idx + 1 < len(lines) and bool(SETEXT_UNDERLINE.match(lines[idx + 1])) and not ATX_HEADING.match(lines[idx])


def _markdown_headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """(line index, level, heading text) of ATX and setext headings, skipping fenced code."""
    found, fenced = [], False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        m = ATX_HEADING.match(line)
        if m:
            found.append((i, len(m.group(1)), m.group(2).strip()))
        elif (line.strip() and not BULLET.match(line) and i + 1 < len(lines)
              and SETEXT_UNDERLINE.match(lines[i + 1]) and (i == 0 or not lines[i - 1].strip())):
            found.append((i, 1 if lines[i + 1].strip()[0] == "=" else 2, line.strip()))
    return found


def _plain_headings(lines: list[str]) -> list[tuple[int, int, str]]:
    """Plain text: the first line is the title; a short, unindented, non-bullet line that stands
    alone (blank line before it) and does not end like a sentence is a heading."""
    found = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or line[0].isspace() or BULLET.match(line) or len(s) > 120:
            continue
        if not found:
            found.append((i, 1, s))
            continue
        alone = i == 0 or not lines[i - 1].strip()
        if alone and not s.endswith((".", ",", ";", ":", "!", "?")):
            found.append((i, 2, s))
    return found


def chunk_section(section: Section, index: int, max_words: int = CHUNK_WORDS, split_bullets: bool = True) -> list[Chunk]:
    """Cut a section body into chunks of whole top-level bullets (with their sub-bullets). A top-level
    bullet longer than max_words is cut at its sub-bullets (split_bullets, _pieces), and each piece after
    its first is a chunk of its own, headed in its text (not its lines) by the bullet's own line: "Create
    training job from sagemaker / Hyperparameters … / Number of classes …", not one vector for all 127
    words of the bundled notes' "Training an Image Classifier"."""
    blocks: list[list[tuple[int, str]]] = []
    for lineno, line in section.lines():
        if not line.strip():
            continue
        indented = line[:1].isspace()
        if blocks and indented:
            blocks[-1].append((lineno, line))
        else:
            blocks.append([(lineno, line)])
    pieces = [p for block in blocks for p in (_pieces(block, max_words) if split_bullets else [(block, [])])]
    chunks, current, head, words = [], [], [], 0
    for lines, context in pieces:
        n = _words(lines)
        if current and (head or context or words + n > max_words):  # a headed piece shares its chunk with none
            chunks.append(_chunk(index, current, head))
            current, words = [], 0
        if not current:
            head = context
        current.extend(lines)
        words += n
    if current:
        chunks.append(_chunk(index, current, head))
    return chunks


def _pieces(block: list[tuple[int, str]], max_words: int) -> list[tuple[list[tuple[int, str]], list[str]]]:
    """A top-level bullet and its sub-bullets as (lines, heading lines): whole, if it fits in max_words
    (or has under two sub-bullets); else its sub-bullets (each with its own sub-bullets), packed up to
    max_words, the first piece starting with the bullet's line and the others headed by it."""
    if _words(block) <= max_words or len(block) < 3:
        return [(block, [])]
    top, rest = block[0], block[1:]
    level = min(len(line) - len(line.lstrip()) for _, line in rest)
    groups: list[list[tuple[int, str]]] = []
    for item in rest:
        if groups and len(item[1]) - len(item[1].lstrip()) > level:
            groups[-1].append(item)
        else:
            groups.append([item])
    pieces, current = [], [top]
    for group in groups:
        heading = _words([top]) if pieces else 0  # a later piece is headed by the bullet's line
        if len(current) > (0 if pieces else 1) and heading + _words(current + group) > max_words:
            pieces.append((current, [top[1]] if pieces else []))
            current = []
        current.extend(group)
    pieces.append((current, [top[1]] if pieces else []))
    return pieces


def _words(lines: list[tuple[int, str]]) -> int:
    return sum(len(line.split()) for _, line in lines)


def _chunk(index: int, lines: list[tuple[int, str]], head: Sequence[str] = ()) -> Chunk:
    return Chunk(section=index, line_start=lines[0][0], line_end=lines[-1][0],
                 text="\n".join([*head, *(line for _, line in lines)]))
