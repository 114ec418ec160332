"""What both front ends' commands share: the corpus options and opening the searcher with notices and
progress on stderr. Only click is imported here; the index and model load when a command runs."""

from __future__ import annotations

import sys

import click


def corpus_options(f):
    """--corpus, --index-dir and --model, each also read from its environment variable."""
    f = click.option("--model", envvar="ASKNOTES_MODEL", metavar="NAME_OR_PATH",
                     help="sentence-transformers model id or local folder [env ASKNOTES_MODEL; default all-MiniLM-L6-v2]")(f)
    f = click.option("--index-dir", envvar="ASKNOTES_INDEX_DIR", type=click.Path(file_okay=False),
                     help="where the index lives [env ASKNOTES_INDEX_DIR; default a per-user cache folder per corpus]")(f)
    f = click.option("--corpus", envvar="ASKNOTES_CORPUS", type=click.Path(),
                     help="folder (or file) of .md/.txt notes [env ASKNOTES_CORPUS; default the bundled AWS ML notes]")(f)
    return f


def count(n: int, noun: str) -> str:
    """ "1 section", "2 sections": a count with its noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def some(names, most: int = 3) -> str:
    """ "Kendra", "Kendra, Textract", "A, B, C and 2 more": names to say in one line."""
    shown = ", ".join(names[:most])
    return f"{shown} and {len(names) - most} more" if len(names) > most else shown


class ProgressBar:
    """An embedding progress bar on stderr, shown only for work big enough to wait on."""

    def __init__(self, label: str = "embedding", min_items: int = 200):
        self.label, self.min_items, self.bar = label, min_items, None

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_items:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.bar.__exit__(None, None, None)


def open_searcher(corpus, index_dir, model, rebuild: bool = False):
    """Searcher.open with notices and progress on stderr, core errors turned into clean CLI errors."""
    from indexer.errors import AsknotesError
    from indexer.search import Searcher

    try:
        return Searcher.open(corpus=corpus, index_dir=index_dir, model=model, rebuild=rebuild,
                             notify=lambda msg: click.echo(msg, err=True), progress=ProgressBar())
    except AsknotesError as exc:
        raise click.ClickException(str(exc)) from exc
