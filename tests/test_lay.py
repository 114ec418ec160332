"""Each section is also read in everyday words: the phrases of the terms it is about, as lay vectors."""

import ast
import json
from collections import Counter
from pathlib import Path

import numpy as np

from indexer import lexicon, store
from indexer.build import BuildSettings, section_terms
from indexer.confidence import Signals, confidence
from indexer.lay import lay_chunks, lexicon_sha256, lexicon_texts, shipped_vectors
from indexer.parse import Section
from indexer.search import Searcher, SearchSettings
from tests.fakes import FakeEmbedder

LEXICON = {
    "vanishing gradient": ("gradients shrink", "early layers stop learning", "deep network won't learn"),
    "true positive": ("correctly flagged",),
    "model": ("the thing that learns",),
}


def section(heading: str, body: str) -> Section:
    return Section("n.md", ("Notes", heading), 1, 3, 3, body)


def test_a_section_is_about_the_terms_its_heading_holds_or_only_it_writes():
    sections = [section("Vanishing Gradients", "- use ReLU"),  # the heading holds it, plural and all
                section("Confusion Matrix", "- true positives on the diagonal\n- a model's errors"),
                section("Metrics", "- a model scores"),
                section("Training", "- the model learns")]
    terms = [section_terms(s, 3) for s in sections]
    chunks = lay_chunks(sections, terms, per_chunk=2, body_sections=2, lexicon=LEXICON)
    assert [(c.section, c.terms, c.text) for c in chunks] == [
        (0, ("vanishing gradient",), "gradients shrink; early layers stop learning"),
        (0, ("vanishing gradient",), "deep network won't learn"),
        (1, ("true positive",), "correctly flagged"),
    ]  # "model" is written in three sections: about none of them
    assert lay_chunks(sections, terms, per_chunk=0, lexicon=LEXICON) == []
    assert lay_chunks(sections, terms, per_chunk=2, body_sections=3, lexicon=LEXICON)[-1].terms == ("model",)


def test_each_lay_chunk_holds_one_terms_phrases_the_same_whatever_the_notes():
    """So their vectors can ship with the lexicon: a section about two terms gets each term's chunks, never
    one mixing them."""
    sections = [section("Vanishing Gradients and True Positives", "- use ReLU"), section("Other", "- text")]
    chunks = lay_chunks(sections, [section_terms(s, 3) for s in sections], per_chunk=2, lexicon=LEXICON)
    assert [(c.terms, c.text) for c in chunks] == [
        (("vanishing gradient",), "gradients shrink; early layers stop learning"),
        (("vanishing gradient",), "deep network won't learn"),
        (("true positive",), "correctly flagged"),
    ]
    assert {c.text for c in chunks} <= set(lexicon_texts(2, LEXICON))


def test_the_shipped_lay_vectors_are_the_default_models_of_this_very_lexicon(embedder):
    """A build with the default model takes the lay vectors as shipped; they must be what the model makes
    of the lexicon as it stands (python -m indexer.lay writes them)."""
    per_chunk = BuildSettings().lay_phrases_per_chunk
    shipped = shipped_vectors(embedder, per_chunk)
    assert shipped, "the shipped lay vectors are of another lexicon or model: run python -m indexer.lay"
    texts = lexicon_texts(per_chunk)
    assert list(shipped) == texts
    assert np.allclose(np.array([shipped[t] for t in texts]), embedder.encode(texts), atol=1e-5)
    assert shipped_vectors(FakeEmbedder(), per_chunk) == {}  # another model embeds them itself
    assert shipped_vectors(embedder, per_chunk + 1) == {}  # other texts


def test_a_build_with_the_default_model_embeds_no_lay_chunk(embedder, tmp_path):
    messages = []
    searcher = Searcher.open(corpus=notes(tmp_path), index_dir=tmp_path / "ix", embedder=embedder,
                             notify=messages.append)
    index = searcher.index
    assert len(index.lay) and f"embedded {len(index.chunks)} of {len(index.chunks) + len(index.lay)} chunks" in messages
    shipped = shipped_vectors(embedder, BuildSettings().lay_phrases_per_chunk)
    assert all(np.array_equal(row, shipped[c.text]) for c, row in zip(index.lay, index.lay_vectors))


def test_the_lexicon_is_fingerprinted():
    assert lexicon_sha256(LEXICON) != lexicon_sha256({**LEXICON, "model": ("a learner",)})
    assert lexicon_sha256(LEXICON) == lexicon_sha256(dict(reversed(LEXICON.items())))


def test_no_term_is_written_twice_in_the_lexicon():
    # A dict literal keeps a repeated key's last value only: three terms once lost their first phrases so.
    source = Path(lexicon.__file__).read_text(encoding="utf-8")
    table = next(node.value for node in ast.parse(source).body
                 if isinstance(node, ast.AnnAssign) and node.target.id == "LAY_PHRASES")
    terms = [key.value for key in table.keys]
    assert [t for t, n in Counter(terms).items() if n > 1] == []
    assert len(terms) == len(lexicon.LAY_PHRASES)


def notes(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "n.md").write_text("# N\n\n## Confusion Matrix\n\n- TP FP FN TN counts\n\n"
                               "## Shopping\n\n- buy milk and bread\n", encoding="utf-8")
    return root


def test_a_section_gains_where_its_lay_vectors_beat_its_own_score(tmp_path):
    searcher = Searcher.open(corpus=notes(tmp_path), index_dir=tmp_path / "ix", embedder=FakeEmbedder())
    assert {searcher.sections[c.section].path[-1] for c in searcher.index.lay} == {"Confusion Matrix"}
    off = Searcher(searcher.index, searcher.embedder, SearchSettings(w_lay=0.0))
    vector = searcher.embedder.encode(["actual versus predicted table"])[0]  # phrases for "confusion matrix"
    (on, top_on, own_on), (plain, top_off, _) = searcher.dense(vector), off.dense(vector)
    lay = float((searcher.index.lay_vectors @ vector).max())  # the best lay cosine
    w = searcher.settings.w_lay
    assert lay > plain[0] and on[0] > plain[0] and np.isclose(on[0], plain[0] + w * (lay - plain[0]))
    assert on[1] == plain[1]  # Shopping has no lay chunk
    assert np.isclose(top_on, max(top_off, lay)) and top_on > top_off  # and confidence reads the better
    assert own_on == top_off  # and, apart, the notes' own text's best


def test_an_index_made_with_other_phrases_is_rebuilt(tmp_path):
    root = notes(tmp_path)
    Searcher.open(corpus=root, index_dir=tmp_path / "ix", embedder=FakeEmbedder())
    build = store.current_build(tmp_path / "ix")
    manifest = json.loads((build / "manifest.json").read_text())
    assert manifest["lexicon"] == lexicon_sha256() and manifest["lay_chunks"] >= 1
    (build / "manifest.json").write_text(json.dumps({**manifest, "lexicon": "0" * 64}))
    messages = []
    Searcher.open(corpus=root, index_dir=tmp_path / "ix", embedder=FakeEmbedder(), notify=messages.append)
    assert any("other everyday phrases" in m for m in messages)


def test_confidence_reads_the_notes_own_text_apart_from_the_lay_vectors():
    """Everyday phrases sit near everyday questions ("bad on new data; worse on test data" near "test
    anxiety"): at the same best cosine, an answer the notes' own text is as near to is the surer one."""
    lay_only = Signals(top_cosine=0.45, coverage=0.8, unknown_name=False, own_cosine=0.2,
                       offtopic_cosine=0.2)
    own_text = Signals(top_cosine=0.45, coverage=0.8, unknown_name=False, own_cosine=0.45,
                       offtopic_cosine=0.2)
    assert confidence(lay_only) < confidence(own_text)


def test_a_question_in_everyday_words_meets_a_sections_lay_phrases_in_bm25_too(tmp_path):
    """"wrong predictions" is in no line of the notes, nor a whole everyday phrase (a gloss), only words of
    "confusion matrix"'s phrases ("correct vs wrong predictions table"): BM25 over the lay phrases finds
    that section where BM25 over the notes finds nothing."""
    searcher = Searcher.open(corpus=notes(tmp_path), index_dir=tmp_path / "ix", embedder=FakeEmbedder())
    off = Searcher(searcher.index, searcher.embedder, SearchSettings(w_lay_terms=0.0))
    plan = searcher.planner.plan("where do I see my wrong predictions")
    on_scores, off_scores = searcher.lexical(plan), off.lexical(plan)
    assert off_scores.tolist() == [0.0, 0.0]
    assert on_scores[0] > 0 and on_scores[1] == 0
    assert np.isclose(on_scores[0], searcher.settings.w_lay_terms * searcher.lay_match(plan.terms)[0] ** 2)
    assert searcher.lexical(plan, mode="bm25").tolist() == [0.0, 0.0]  # bm25 mode stays plain BM25


def test_symptoms_of_overfitting_are_lay_phrases_of_the_section_on_preventing_it(bundled_searcher):
    """The lexicon's overfitting phrases ("memorize the training data", "bad on new data") are keyed by the
    notes' "Prevent overfitting", which only Regularization writes; keyed by "overfitting", they were shared
    with Ensemble Learning ("Bagging avoids overfitting"), which then often ranked first for them
    (test_quality, "my net memorizes the training set")."""
    sections = bundled_searcher.sections
    owners = {sections[c.section].path[-1] for c in bundled_searcher.index.lay if "memorize the training data" in c.text}
    assert owners == {"Regularization"}
