"""asknotes' command line: ask the notes, (re)build an index, run the eval.

Heavy imports (numpy, faiss, sentence-transformers) wait inside the commands, so `--help` stays instant.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict

import click

from indexer import __version__

from .options import corpus_options, count, open_searcher

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
MODES = ("hybrid", "bm25", "dense")


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="asknotes")
def cli():
    """Ask your study notes: the best-matching note sections, exactly as written. No LLM.

    \b
    Example:
      asknotes ask "Firehose vs Data Streams"
      asknotes index ~/my-notes && asknotes ask --corpus ~/my-notes "what is a p-value"
    """


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("question")
@click.option("-k", "k", type=click.IntRange(min=1), default=3, show_default=True, help="how many sections")
@click.option("--mode", type=click.Choice(MODES), default="hybrid", show_default=True, help="ranking to use")
@click.option("--json", "as_json", is_flag=True, help="print the results as JSON")
@click.option("--full", is_flag=True, help="show whole sections, not just their best lines")
@corpus_options
def ask(question, k, mode, as_json, full, corpus, index_dir, model):
    """Show the note sections that best answer QUESTION, with their best lines marked.

    The first run builds the index; later runs rebuild it by themselves when the notes change.
    Misspelled words are corrected against the notes' vocabulary, acronyms the notes spell out are
    expanded, "X vs Y" brings both sides, and an off-topic question says "No confident match".

    \b
    Example:
      asknotes ask "when to use L1" -k 5
      asknotes ask "Firehose vs Data Streams" --json
    """
    if not question.strip():
        raise click.UsageError("the question is empty; type some words to search for")
    searcher = open_searcher(corpus, index_dir, model)
    answer = searcher.ask(question, k=k, mode=mode)
    if as_json:
        click.echo(json.dumps([asdict(h) for h in answer.hits], indent=2, ensure_ascii=False))
        return
    from .render import format_answer

    click.echo(format_answer(answer, color=sys.stdout.isatty(), full=full))


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.argument("path", required=False, type=click.Path())
@click.option("--force", is_flag=True, help="rebuild even if the index is up to date")
@corpus_options
def index(path, force, corpus, index_dir, model):
    """Build (or refresh) the index of a folder of notes: PATH, else --corpus, else the bundled notes.

    \b
    Example:
      asknotes index ~/my-notes
      asknotes index --force
    """
    start = time.perf_counter()
    searcher = open_searcher(path or corpus, index_dir, model, rebuild=force)
    m = searcher.index.manifest
    click.echo(f"index ready: {count(m['sections'], 'section')}, {count(m['chunks'], 'chunk')} from "
               f"{count(len(m['corpus_files']), 'file')} of {m['corpus']} ({time.perf_counter() - start:.1f} s)")
    if path:
        click.echo(f"ask it with: asknotes ask --corpus {path} \"your question\"  (or set ASKNOTES_CORPUS)")


@cli.command(context_settings=CONTEXT_SETTINGS)
@click.option("--json", "as_json", is_flag=True, help="print them as a JSON object")
@corpus_options
def aliases(as_json, corpus, index_dir, model):
    """List the acronyms that questions are expanded with: mined from the notes, plus your own, plus
    common ones (HPO, RL, …) whose phrase the notes write.

    Add or override aliases in a YAML file, ASKNOTES_ALIASES or else ~/.config/asknotes/aliases.yaml:

    \b
      RCF: Random Cut Forest
      HPO: [Hyperparameter Tuning, hyperparameter optimisation]

    \b
    Example:
      asknotes aliases
      ASKNOTES_ALIASES=my-aliases.yaml asknotes ask "HPO"
    """
    from indexer.aliases import GLOSSARY
    from indexer.search import user_aliases_path

    searcher = open_searcher(corpus, index_dir, model)
    known = {**searcher.aliases, **{k: [p] for k in GLOSSARY if (p := searcher.planner.common_acronym(k))}}
    if as_json:
        click.echo(json.dumps(known, indent=2, ensure_ascii=False))
        return
    width = max((len(k) for k in known), default=0)
    for key in sorted(known):
        common = "" if key in searcher.aliases else "   (a common acronym; the notes write the phrase)"
        click.echo(f"{key.upper():<{width}}  {' | '.join(known[key])}{common}")
    path = user_aliases_path()
    click.echo(f"\n{len(known)} aliases; your own file: {path}"
               f"{'' if path.is_file() else ' (not there yet)'}", err=True)


@cli.command("eval", context_settings=CONTEXT_SETTINGS)
@click.option("--questions", type=click.Path(dir_okay=False), help="questions file [default: evals/questions.yaml]")
@click.option("--mode", "modes", type=click.Choice(MODES), multiple=True, help="mode(s) to evaluate [default: all]")
@click.option("-k", "depth", type=click.IntRange(min=5), default=10, show_default=True,
              help="results retrieved per question (MRR's cut-off)")
@click.option("--split", type=click.Choice(["all", "tune", "test"]), default="all", show_default=True,
              help="the whole set, or the tuning or test half")
@click.option("--json", "as_json", is_flag=True, help="one JSON object per mode")
@click.option("--misses", "show_misses", is_flag=True,
              help="also list the questions with no relevant section in the top 3, and the abstaining mistakes")
@corpus_options
def eval_(questions, modes, depth, split, as_json, show_misses, corpus, index_dir, model):
    """Measure retrieval quality: hit@k, recall@k and MRR per mode, overall and by question type.

    \b
    Example:
      asknotes eval
      asknotes eval --questions my-questions.yaml --mode hybrid --json
    """
    from evals.questions import DEFAULT_QUESTIONS, QuestionsError, load_questions, select
    from evals.run import MemoEmbedder, evaluate

    try:
        qs = select(load_questions(questions or DEFAULT_QUESTIONS), split)
    except QuestionsError as exc:
        raise click.ClickException(str(exc)) from exc
    searcher = open_searcher(corpus, index_dir, model)
    searcher.embedder = MemoEmbedder(searcher.embedder)  # each question embedded once, not once per mode
    results = evaluate(searcher.search, qs, modes or MODES, depth)
    if as_json:
        for r in results:
            click.echo(json.dumps(r))
        return
    from .table import eval_table

    click.echo(eval_table(results))
    if show_misses:
        from evals.run import abstain_errors, misses

        mode = (modes or MODES)[0]
        click.echo(f"\nmissed in the top 3 ({mode}):")
        for q, ranked in misses(searcher.search, qs, mode):
            got = "; ".join(" > ".join(p[1:] or p) for p in ranked) or "nothing"
            click.echo(f"- {q.id} [{q.type}] {q.question[:100]}\n    wanted: {' | '.join(q.relevant)}\n    got: {got}")
        answered_ood, refused = abstain_errors(searcher.search, qs, mode)
        for title, rows in (("answered, though out of domain", answered_ood),
                            ('"No confident match", though in the notes', refused)):
            click.echo(f"\n{title} ({mode}): {len(rows) or 'none'}")
            for q, hit in rows:
                top = " > ".join(hit.path[1:] or hit.path)
                click.echo(f"- {q.id} [{q.type}] {q.question[:100]}\n    confidence {hit.confidence:.2f}, first: {top}")


from bot.command import slack  # noqa: E402  (cheap: Bolt and the model load only when the bot starts)

cli.add_command(slack)
