"""The command line, as a user meets it: help, answers, JSON, and a clear error for bad input."""

import json

import pytest
from click.testing import CliRunner

from cli.main import cli
from indexer.locate import bundled_corpus
from tests.fakes import FakeEmbedder

NOTES = "# Notes\n\n## Regularization\n\n- L1 is sum of weights\n- L2 is sum of squares\n\n## Kinesis\n\n- Firehose to S3\n"


@pytest.fixture
def fake_model(monkeypatch):
    """The CLI's searcher uses the fake embedder: these tests are about the CLI, not the model."""
    monkeypatch.setattr("indexer.search.Embedder", lambda model=None: FakeEmbedder())


@pytest.fixture
def notes(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "notes.md").write_text(NOTES, encoding="utf-8")
    return root


def run(*args, **kw):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.mark.parametrize("command", [[], ["ask"], ["index"], ["eval"], ["aliases"]])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help(command, flag):
    result = run(*command, flag)
    assert result.exit_code == 0
    assert "Usage: " in result.output
    if command:
        assert "Example:" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "asknotes, version" in result.output


def test_ask_prints_heading_path_location_and_lines(fake_model, notes):
    result = run("ask", "when to use L1", "--corpus", notes, "-k", "1")
    assert result.exit_code == 0, result.output
    assert "1. Regularization" in result.stdout
    assert "notes.md:3" in result.stdout
    assert "▶ - L1 is sum of weights" in result.stdout
    assert "│ - L2 is sum of squares" in result.stdout
    assert "building the index" in result.stderr and "building" not in result.stdout


def test_ask_json(fake_model, notes):
    result = run("ask", "firehose", "--corpus", notes, "--json", "-k", "2")
    hits = json.loads(result.stdout)
    assert hits[0]["path"] == ["Notes", "Kinesis"]
    assert {"rank", "score", "path", "file", "line_start", "line_end", "text"} <= set(hits[0])
    assert [h["rank"] for h in hits] == [1, 2]


def test_index_command_then_up_to_date(fake_model, notes, tmp_path):
    first = run("index", notes, "--index-dir", tmp_path / "idx")
    assert first.exit_code == 0 and "2 sections" in first.stdout and "building" in first.stderr
    again = run("index", notes, "--index-dir", tmp_path / "idx")
    assert again.exit_code == 0 and again.stderr == ""


def test_index_counts_read_as_english(fake_model, tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    (one / "stats.md").write_text("# Stats\n\n## p-value\n\n- small p-value: evidence against H0\n", encoding="utf-8")
    result = run("index", one, "--index-dir", tmp_path / "idx")
    assert result.exit_code == 0 and "index ready: 1 section, 1 chunk from 1 file of" in result.stdout


def test_env_vars_configure_corpus_and_index_dir(fake_model, notes, tmp_path, monkeypatch):
    monkeypatch.setenv("ASKNOTES_CORPUS", str(notes))
    monkeypatch.setenv("ASKNOTES_INDEX_DIR", str(tmp_path / "env-idx"))
    result = run("ask", "firehose", "--json", "-k", "1")
    assert json.loads(result.stdout)[0]["path"][-1] == "Kinesis"
    assert (tmp_path / "env-idx" / "current.json").exists()


def test_long_and_stopword_questions_are_answered(fake_model, notes):
    assert run("ask", "firehose " * 3000, "--corpus", notes).exit_code == 0
    result = run("ask", "what is the ???", "--corpus", notes, "--mode", "bm25")
    assert result.exit_code == 0 and "No matching sections" in result.stdout


def test_unreadable_file_is_skipped_with_a_warning(fake_model, notes):
    (notes / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("ask", "firehose", "--corpus", notes)
    assert result.exit_code == 0
    assert "warning: skipped scan.txt" in result.stderr


@pytest.mark.parametrize("args, code, message", [
    (["ask", ""], 2, "the question is empty"),
    (["ask", "   "], 2, "the question is empty"),
    (["ask", "l1", "-k", "0"], 2, "Invalid value for '-k'"),
    (["ask", "l1", "-k", "-3"], 2, "Invalid value for '-k'"),
    (["ask", "l1", "--mode", "magic"], 2, "'magic' is not one of"),
    (["ask", "l1", "--corpus", "{tmp}/nowhere"], 1, "does not exist"),
    (["ask", "l1", "--corpus", "{tmp}/empty"], 1, "no notes found"),
    (["ask", "l1", "--index-dir", "{tmp}/blocker/idx"], 1, "cannot write the index"),
    (["eval", "--questions", "{tmp}/missing.yaml"], 1, "cannot read"),
    (["eval", "--questions", "{tmp}/bad.yaml"], 1, "not valid YAML"),
    (["eval", "--questions", "{tmp}/wrong.yaml"], 1, "needs the keys"),
])
def test_bad_input_gives_a_clear_error(fake_model, notes, tmp_path, args, code, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "blocker").write_text("a file, not a folder")
    (tmp_path / "bad.yaml").write_text("- id: [unclosed")
    (tmp_path / "wrong.yaml").write_text("- question: hi\n")
    args = [a.format(tmp=tmp_path) for a in args]
    if "--corpus" not in args and args[0] == "ask":
        args += ["--corpus", str(notes)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_eval_json_has_the_metric_keys(fake_model, notes, tmp_path):
    questions = tmp_path / "q.yaml"
    questions.write_text(
        "- {id: a, question: when to use L1, type: keyword, relevant: [Regularization]}\n"
        "- {id: b, question: firehose, type: keyword, relevant: [Notes > Kinesis]}\n"
        "- {id: c, question: best pizza in town, type: out-of-domain, relevant: []}\n")
    result = run("eval", "--questions", questions, "--corpus", notes, "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["mode"] for r in rows] == ["hybrid", "bm25", "dense"]
    expected = {"mode", "n", "hit@1", "hit@3", "hit@5", "recall@1", "recall@3", "recall@5", "mrr", "by_type",
                "abstain_ood", "answer_in_domain"}
    assert all(expected <= set(r) for r in rows)
    assert rows[1]["n"] == 2 and rows[1]["hit@1"] == 1.0 and rows[1]["by_type"]["keyword"]["mrr"] == 1.0


def test_eval_lists_the_misses(fake_model, notes, tmp_path):
    questions = tmp_path / "q.yaml"
    questions.write_text("- {id: a, question: firehose, type: keyword, relevant: [Regularization]}\n")
    result = run("eval", "--questions", questions, "--corpus", notes, "--mode", "bm25", "--misses")
    assert "missed in the top 3 (bm25):" in result.stdout
    assert "- a [keyword] firehose" in result.stdout and "wanted: Regularization" in result.stdout
    assert "answered, though out of domain (bm25): none" in result.stdout  # the file has no such question
    assert '"No confident match", though in the notes (bm25):' in result.stdout


def test_ask_on_the_bundled_notes_with_the_real_model(bundled_index_dir):
    result = run("ask", "Firehose vs Data Streams", "--index-dir", bundled_index_dir, "--json", "-k", "3")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["path"][-1].startswith("Kinesis")
    assert result.stderr == ""  # the session's index is fresh: no rebuild
