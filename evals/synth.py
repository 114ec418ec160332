"""A synthetic corpus for the scale benchmark: N Markdown notes shaped like the bundled ones.

Shape measured on corpus/ (76 sections): a title, topics (##) and sections (###); section bodies of
bullets, 8 words a line, 28% of lines indented sub-bullets, 47 words per section at the median
(mean 63, so log-normal with sigma 0.77), 1.6 embedder chunks per section. Words follow Zipf's law
(exponent 1.07) over a vocabulary whose head is the bundled notes' own words, most frequent first,
and whose tail is made-up words, so BM25 sees realistic document frequencies.

    python -m evals.synth OUT_DIR --chunks 100000     # about 4,300 notes, 61k sections
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import numpy as np

from indexer.locate import bundled_corpus

VOCABULARY = 50_000
ZIPF = 1.07
WORDS_PER_LINE = 8
SUB_BULLETS = 0.28
SECTION_WORDS = (47, 0.77)  # log-normal median and sigma
SECTIONS_PER_TOPIC = (1, 6)
TOPICS_PER_NOTE = (2, 6)
CHUNKS_PER_NOTE = 81.6  # both cuts (build.section_chunks), on generated notes (python -m evals.synth --calibrate)
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "li", "mo", "nu", "re", "si", "ta", "ve", "zo",
             "ba", "de", "fi", "go", "hu", "ja", "ke"]


def vocabulary(size: int = VOCABULARY, seed: int = 0) -> list[str]:
    """The bundled notes' words by frequency, then made-up words up to `size`."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(Path(bundled_corpus()).glob("*.md")))
    real = [w for w, _ in Counter(re.findall(r"[a-z][a-z0-9\-]+", text.lower())).most_common()]
    rng = np.random.default_rng(seed)
    made, seen = [], set(real)
    while len(real) + len(made) < size:
        word = "".join(rng.choice(SYLLABLES, size=rng.integers(2, 5)))
        if word not in seen:
            seen.add(word)
            made.append(word)
    return (real + made)[:size]


class Writer:
    """Draws words, lines, sections and notes from one seeded random generator."""

    def __init__(self, seed: int = 0, size: int = VOCABULARY):
        self.rng = np.random.default_rng(seed)
        self.words = np.array(vocabulary(size, seed))
        p = 1.0 / np.arange(1, size + 1) ** ZIPF
        self.cdf = np.cumsum(p / p.sum())

    def draw(self, n: int) -> list[str]:
        """n words, Zipf-distributed."""
        return list(self.words[np.searchsorted(self.cdf, self.rng.random(n))])

    def phrase(self, lo: int, hi: int) -> str:
        return " ".join(self.draw(int(self.rng.integers(lo, hi + 1)))).capitalize()

    def section(self) -> str:
        """A body of bullets, some indented under the one before."""
        total = max(3, int(self.rng.lognormal(np.log(SECTION_WORDS[0]), SECTION_WORDS[1])))
        lines, left = [], total
        while left > 0:
            n = min(left, max(2, int(self.rng.poisson(WORDS_PER_LINE))))
            indent = "  " if lines and self.rng.random() < SUB_BULLETS else ""
            lines.append(f"{indent}- {' '.join(self.draw(n))}")
            left -= n
        return "\n".join(lines)

    def note(self) -> str:
        parts = [f"# {self.phrase(2, 4)}"]
        for _ in range(int(self.rng.integers(*TOPICS_PER_NOTE, endpoint=True))):
            parts.append(f"## {self.phrase(1, 3)}")
            for _ in range(int(self.rng.integers(*SECTIONS_PER_TOPIC, endpoint=True))):
                parts += [f"### {self.phrase(1, 4)}", self.section()]
        return "\n\n".join(parts) + "\n"

    def question(self) -> str:
        """A short question in the corpus's words."""
        return f"what is {' '.join(self.draw(int(self.rng.integers(2, 6))))}"


def write_corpus(folder: Path, notes: int, seed: int = 0) -> Path:
    """Write `notes` Markdown files (100 to a subfolder) into folder; returns it."""
    folder = Path(folder)
    writer = Writer(seed)
    for i in range(notes):
        path = folder / f"topic-{i // 100:03d}" / f"note-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(writer.note(), encoding="utf-8")
    return folder


def notes_for(chunks: int) -> int:
    """How many notes give about `chunks` embedder chunks."""
    return max(1, round(chunks / CHUNKS_PER_NOTE))


def calibrate(notes: int = 300) -> float:
    """Embedder chunks per generated note, as the default build settings cut them."""
    import tempfile

    from indexer.build import BuildSettings, section_chunks
    from indexer.parse import read_corpus

    with tempfile.TemporaryDirectory() as tmp:
        sections = [s for s in read_corpus(write_corpus(Path(tmp), notes, seed=1)).sections if s.text.strip()]
    chunks = sum(len(section_chunks(s, i, BuildSettings())) for i, s in enumerate(sections))
    return chunks / notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--chunks", type=int, default=100_000, help="about how many embedder chunks")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--calibrate", action="store_true", help="print chunks per generated note and exit")
    args = parser.parse_args()
    if args.calibrate or args.out is None:
        print(f"{calibrate():.1f} chunks per note")
        return
    write_corpus(args.out, notes_for(args.chunks), args.seed)
    print(f"wrote {notes_for(args.chunks)} notes to {args.out}")


if __name__ == "__main__":
    main()
