"""Parsing: files -> sections with the right heading paths and line ranges."""

import re
from pathlib import Path

import pytest

from indexer.errors import CorpusEmpty, CorpusNotFound
from indexer.locate import bundled_corpus
from indexer.parse import chunk_section, parse_text, read_corpus

OUTLINE = Path(__file__).parent / "data" / "corpus-outline.md"
NOTES = Path(__file__).resolve().parents[2] / "shared" / "notes" / "aws-ml-specialty-notes.txt"


def outline_paths() -> list[tuple[str, ...]]:
    """Every heading of the outline as its full path, document title first."""
    block = OUTLINE.read_text(encoding="utf-8").split("```")[1]
    paths, stack = [], []
    for line in block.splitlines():
        m = re.match(r"^(#+) (.*)$", line)
        if m:
            level = len(m.group(1))
            stack = stack[: level - 1] + [m.group(2)]
            paths.append(tuple(stack))
    return paths


def test_bundled_corpus_yields_every_outline_heading_with_its_path():
    sections = read_corpus(bundled_corpus()).sections
    assert [s.path for s in sections] == outline_paths()


def test_bundled_corpus_keeps_every_word_of_the_notes():
    if not NOTES.exists():
        pytest.skip("the original notes (../shared/notes) are not beside this checkout")
    original = NOTES.read_text(encoding="utf-8").replace("•", " ").split()
    markdown = (bundled_corpus() / "aws-ml-specialty-notes.md").read_text(encoding="utf-8")
    converted = re.sub(r"^\s*(#+|-) ", "", markdown, flags=re.M).split()
    assert converted == original


def test_section_line_range_points_at_heading_and_body():
    text = "# Title\n\nintro\n\n## A\n\n- one\n  - two\n\n## B\n- three\n"
    title, a, b = parse_text(text, "notes.md")
    assert (title.path, title.line_start, title.text) == (("Title",), 1, "intro")
    assert (a.path, a.line_start, a.body_start, a.line_end) == (("Title", "A"), 5, 7, 8)
    assert a.text == "- one\n  - two"
    assert b.lines() == [(11, "- three")]


def test_file_without_h1_uses_its_name_as_title():
    sections = parse_text("## Setup\nsteps\n", "guides/install-notes.md")
    assert sections[0].path == ("install-notes", "Setup")


def test_setext_headings_and_fenced_code():
    text = "Title\n=====\n\nSub\n---\nbody\n```\n# not a heading\n```\n"
    sections = parse_text(text, "x.md")
    assert [s.path for s in sections] == [("Title",), ("Title", "Sub")]
    assert "# not a heading" in sections[1].text


def test_plain_text_with_bullets():
    text = "My Notes\n\nKinesis\n\n  • Streams\n    • shards\n\nGlue\n\n  • ETL\n"
    sections = parse_text(text, "n.txt", markdown=False)
    assert [s.path for s in sections] == [("My Notes",), ("My Notes", "Kinesis"), ("My Notes", "Glue")]
    assert sections[1].text == "  • Streams\n    • shards"


def test_unreadable_files_are_skipped_with_a_warning(tmp_path):
    (tmp_path / "good.md").write_text("# Good\n\ntext\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 notes".encode("latin-1"))
    (tmp_path / "blob.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert [s.file for s in corpus.sections] == ["good.md"]
    assert sorted(corpus.warnings) == ["skipped blob.md: binary file", "skipped empty.md: empty file",
                                       "skipped latin1.txt: not UTF-8 text"]


@pytest.mark.parametrize("setup, error", [
    (lambda p: p / "missing", CorpusNotFound),
    (lambda p: p, CorpusEmpty),
    (lambda p: (p / "only.pdf").write_bytes(b"%PDF") and p, CorpusEmpty),
])
def test_bad_corpus_paths(tmp_path, setup, error):
    with pytest.raises(error):
        read_corpus(setup(tmp_path))


def test_chunks_keep_whole_bullets_and_cover_the_section():
    body = "\n".join(f"- point {i} " + "word " * 20 + f"\n  - detail {i}" for i in range(6))
    (section,) = parse_text("# T\n" + body, "t.md")
    chunks = chunk_section(section, 0, max_words=60)
    assert len(chunks) > 1
    assert all(c.text.startswith("- point") for c in chunks)
    assert "\n".join(c.text for c in chunks) == section.text


def test_a_bullet_longer_than_a_chunk_is_cut_at_its_sub_bullets_each_piece_headed_by_it():
    body = ("- Create a training job\n" + "".join(f"  - setting {i} " + "word " * 8 + "\n" for i in range(6))
            + "  - Hyperparameters\n    - number of classes\n    - image dimensions\n- Deploy it")
    (section,) = parse_text("# T\n" + body, "t.md")
    chunks = chunk_section(section, 0, max_words=30)
    assert len(chunks) > 3
    assert chunks[0].text.startswith("- Create a training job\n  - setting 0")
    assert all(c.text.startswith("- Create a training job\n  - ") for c in chunks[1:-1])  # headed by their bullet
    assert any("  - Hyperparameters\n    - number of classes\n    - image dimensions" in c.text for c in chunks)
    assert chunks[-1].text == "- Deploy it"  # the next bullet is not headed
    lines = [line for c in chunks for n, line in section.lines() if c.line_start <= n <= c.line_end]
    assert lines == [line for _, line in section.lines() if line.strip()]  # each line in one chunk, in order
    whole = chunk_section(section, 0, max_words=30, split_bullets=False)
    assert [c.text for c in whole] == ["\n".join(section.text.splitlines()[:-1]), "- Deploy it"]
