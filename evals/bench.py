"""Speed benchmarks for the speed issue's targets: python -m evals.bench [--quick] [--chunks N] [--sample S]

Prints one table (figure | median | min–max | ratio to its baseline | target | met?) and writes it to
evals/bench-results.md. These are benchmarks, not tests: the suite checks behaviour, this measures time.

    cold    `asknotes` in new processes, index already built (bytecode cached, page cache warm)
    warm    library calls in this process, on the bundled notes
    index   `asknotes index` in new processes: a first build with an empty cache (so it includes the
            ONNX export), a re-index after editing one bullet, a run with nothing changed
    scale   a synthetic corpus (evals/synth.py) of about --chunks chunks, in a subprocess of its own so
            its peak RSS is its own. Embedding --chunks chunks with MiniLM would take most of an hour on
            2 cores, so the first --sample chunks are embedded for real (ONNX) to measure throughput, and
            the rest get stand-in vectors (StandIn) for the query, HNSW-recall and memory figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "bench-results.md"
QUESTION = "when to use L1"


@dataclass
class Row:
    """One line of the table: samples of a figure, and what it is compared with."""

    figure: str
    values: list[float]
    unit: str  # "s", "ms", "/s", "GB", "" (a plain number)
    baseline: float | None = None  # the baseline's median, same unit
    baseline_name: str = ""
    target: str = ""
    met: bool | None = None
    text: str = ""  # shown instead of the median, for counts such as "170/170"

    @property
    def median(self) -> float:
        return statistics.median(self.values)


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
    if unit == "/s":
        return f"{value:,.0f} /s"
    if unit == "GB":
        return f"{value:.2f} GB"
    return f"{value:.3f}"


def render(rows: list[Row | str]) -> str:
    """A Markdown table; a plain string is a group heading row."""
    lines = ["| figure | median | min–max | ratio / baseline | target | met? |", "|---|---|---|---|---|---|"]
    for r in rows:
        if isinstance(r, str):
            lines.append(f"| **{r}** | | | | | |")
            continue
        spread = f"{fmt(min(r.values), r.unit)} – {fmt(max(r.values), r.unit)}" if len(r.values) > 1 else "—"
        ratio = f"{r.median / r.baseline:.2f}× {r.baseline_name}" if r.baseline else "—"
        met = "—" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(f"| {r.figure} | {r.text or fmt(r.median, r.unit)} | {spread} | {ratio} | {r.target or '—'} | {met} |")
    return "\n".join(lines)


# ---------------------------------------------------------------- new processes


def env(cache: Path) -> dict:
    """The environment of a CLI run: its own cache folder, and bytecode caching on, as a user has it."""
    e = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "ASKNOTES_INDEX_DIR",
                                                           "ASKNOTES_CORPUS", "ASKNOTES_MODEL")}
    return {**e, "XDG_CACHE_HOME": str(cache)}


def asknotes() -> list[str]:
    script = Path(sys.executable).with_name("asknotes")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from cli.main import cli; cli()"]


def run(args: list, cache: Path) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run([*asknotes(), *map(str, args)], check=False, capture_output=True, text=True,
                          env=env(cache))
    seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError(f"asknotes {' '.join(map(str, args))} failed:\n{done.stderr}")
    return seconds, done


def times(args: list, cache: Path, runs: int) -> list[float]:
    run(args, cache)  # warm-up: bytecode written, files in the page cache
    return [run(args, cache)[0] for _ in range(runs)]


def python_startup(runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        out.append(time.perf_counter() - start)
    return out


def edit(notes: Path, n: int) -> None:
    """Change one word of the n-th bullet of the notes."""
    note = next(notes.glob("*.md"))
    lines = note.read_text(encoding="utf-8").split("\n")
    bullets = [i for i, line in enumerate(lines) if line.startswith("- ") and len(line.split()) > 3]
    i = bullets[(7 * n) % len(bullets)]
    words = lines[i].split(" ")
    words[-1] = f"{words[-1]}{n}"
    lines[i] = " ".join(words)
    note.write_text("\n".join(lines), encoding="utf-8")


def without_encoder(index_dir: Path, copy: Path) -> Path:
    """A copy of an index whose build holds no ONNX export: its queries take the sentence-transformers path."""
    from indexer import store

    shutil.copytree(index_dir, copy)
    build = store.current_build(copy)
    shutil.rmtree(build / "encoder")
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    (build / "manifest.json").write_text(json.dumps({**manifest, "encoder": None}, indent=2), encoding="utf-8")
    return copy


def cli_part(tmp: Path, runs: int, build_runs: int, st_runs: int) -> tuple[list[Row | str], Path, Path, Path]:
    """Index and cold-ask figures; returns the rows, the notes, the index folder and the cache it used."""
    from indexer import store
    from indexer.locate import bundled_corpus

    notes = tmp / "notes"
    shutil.copytree(bundled_corpus(), notes, ignore=shutil.ignore_patterns("__*"))
    builds = [run(["index", notes, "--index-dir", tmp / f"idx-{i}"], tmp / f"cache-{i}")[0] for i in range(build_runs)]
    cache, index_dir = tmp / f"cache-{build_runs - 1}", tmp / f"idx-{build_runs - 1}"
    forced = times(["index", notes, "--index-dir", index_dir, "--force"], cache, max(3, build_runs))
    reindex, embedded = [], ""
    for n in range(runs):
        edit(notes, n)
        seconds, done = run(["index", notes, "--index-dir", index_dir], cache)
        reindex.append(seconds)
        embedded = next((line for line in done.stderr.splitlines() if line.startswith("embedded")), "?")
    unchanged = times(["index", notes, "--index-dir", index_dir], cache, runs)
    ask = ["ask", QUESTION, "--json", "--corpus", notes]
    onnx = times([*ask, "--index-dir", index_dir], cache, runs)
    st_dir = without_encoder(index_dir, tmp / "idx-st")
    st = times([*ask, "--index-dir", st_dir], cache, st_runs)
    same = _same_json(run([*ask, "--index-dir", index_dir], cache)[1].stdout,
                      run([*ask, "--index-dir", st_dir], cache)[1].stdout)
    helps, versions, bare = times(["--help"], cache, runs), times(["--version"], cache, runs), python_startup(runs)
    size = json.loads((store.current_build(index_dir) / "manifest.json").read_text(encoding="utf-8"))
    st_ask = statistics.median(st)
    rows = [
        "cold CLI (bundled notes, index built)",
        Row("cold ask (onnx)", onnx, "s", st_ask, "ST", "≤ 0.8 s", statistics.median(onnx) <= 0.8),
        Row("cold ask (sentence-transformers)", st, "s"),
        Row(f"  same JSON for \"{QUESTION}\" (sections, order, scores ±1e-4)", [1.0 if same else 0.0], "",
            text="same" if same else "DIFFERENT", target="same", met=same),
        Row("--help", helps, "s", statistics.median(bare), "python -c pass", "≤ 0.3 s", statistics.median(helps) <= 0.3),
        Row("--version", versions, "s", statistics.median(bare), "python -c pass", "≤ 0.3 s",
            statistics.median(versions) <= 0.3),
        f"index (bundled notes: {size['sections']} sections, {size['chunks']} chunks)",
        Row("full index build, empty cache (incl. ONNX export)", builds, "s", target="≤ 15 s",
            met=statistics.median(builds) <= 15),
        Row("forced rebuild, export cached (`index --force`)", forced, "s", statistics.median(builds), "full build"),
        Row(f"re-index after 1 edit ({embedded})", reindex, "s", statistics.median(builds), "full build"),
        Row("no-change index", unchanged, "s", statistics.median(builds), "full build", "≤ 1 s",
            statistics.median(unchanged) <= 1.0),
    ]
    return rows, notes, index_dir, cache


def _same_json(a: str, b: str) -> bool:
    x, y = json.loads(a), json.loads(b)
    return [h["path"] for h in x] == [h["path"] for h in y] and all(
        abs(h["score"] - g["score"]) <= 1e-4 for h, g in zip(x, y))


# ---------------------------------------------------------------- warm, in this process


def clock(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - start) * 1000


def warm_part(notes: Path, index_dir: Path, cache: Path) -> list[Row | str]:
    """Warm library calls: hybrid search, query embedding, both back-ends, and whether they agree."""
    os.environ["XDG_CACHE_HOME"] = str(cache)
    from evals.questions import load_questions
    from indexer.search import Searcher

    questions = [q.question for q in load_questions()]
    searcher = Searcher.open(corpus=notes, index_dir=index_dir)
    for q in questions[:20]:
        searcher.search(q, k=5)
    query, embed = interleaved(searcher, questions)
    onnx_hits = {q: searcher.search(q, k=5) for q in questions}

    from indexer.embed import (
        Embedder,  # sentence-transformers only now: importing torch changes nothing above
    )

    st = Searcher(searcher.index, Embedder())
    for q in questions[:20]:
        st.search(q, k=5)
    st_query, st_embed = interleaved(st, questions)
    same, worst = 0, 0.0
    for q in questions:
        a, b = onnx_hits[q], st.search(q, k=5)
        diffs = [abs(x.score - y.score) for x, y in zip(a, b)]
        worst = max([worst, *diffs])
        same += [h.path for h in a] == [h.path for h in b] and all(d <= 1e-4 for d in diffs)
    q_med, e_med = statistics.median(query), statistics.median(embed)
    parts = breakdown_rows(breakdown(searcher, questions))
    return [
        Row(f"same results as sentence-transformers, every question (max |Δscore| {worst:.1e})", [same], "",
            text=f"{same}/{len(questions)}", target="all", met=same == len(questions)),
        "warm (library call, bundled notes)",
        Row("warm query hybrid k=5 (onnx)", query, "ms", e_med, "embedding alone", "≤ 10 ms and ≤ 1.5×",
            q_med <= 10 and q_med <= 1.5 * e_med),
        *parts,
        Row("query embedding alone (onnx)", embed, "ms", statistics.median(st_embed), "ST embedding"),
        Row("warm query hybrid k=5 (sentence-transformers)", st_query, "ms", statistics.median(st_embed),
            "ST embedding"),
        Row("query embedding alone (sentence-transformers)", st_embed, "ms"),
    ]


def interleaved(searcher, questions: list[str]) -> tuple[list[float], list[float]]:
    """Each question's warm query time and its embedding alone, timed one right after the other, so that
    the machine's drift (frequency, other load) falls on both alike and their ratio compares like with
    like; two separate passes put minutes between them, and the ratio moved by a quarter from run to run."""
    query, embed = [], []
    for q in questions:
        query.append(clock(searcher.search, q, 5))
        embed.append(clock(searcher.embedder.encode, [q]))
    return query, embed


def breakdown(searcher, questions: list[str]) -> dict[str, list[float]]:
    """Where a warm query's time goes: embedding its text(s), scoring every section (BM25 + dense), and
    the rest (planning: typos, aliases; fusion, ordering, result lines). Empty if the query side changed."""
    try:
        plans = [searcher.planner.plan(q) for q in questions]
        texts = [[p.text, *[side.text for side in p.sides]] for p in plans]
        vectors = [searcher.embedder.encode([p.text])[0] for p in plans]
        parts = {
            "total": [clock(searcher.search, q, 5) for q in questions],
            "embedding": [clock(searcher.embedder.encode, t) for t in texts],
            "scoring": [clock(searcher.bm25.normalized, p.terms) + clock(searcher.dense_scores, v)
                        for p, v in zip(plans, vectors)],
        }
    except AttributeError:
        return {}
    parts["rest"] = [max(0.0, t - e - s) for t, e, s in zip(parts["total"], parts["embedding"], parts["scoring"])]
    parts["texts"] = [statistics.mean(len(t) for t in texts)]
    return parts


def breakdown_rows(parts: dict[str, list[float]]) -> list[Row]:
    if not parts:
        return []
    return [Row(f"  of which embedding the query ({parts['texts'][0]:.2f} texts a query)", parts["embedding"], "ms"),
            Row("  of which BM25 + dense scores of every section", parts["scoring"], "ms"),
            Row("  of which the rest (planning: typos, aliases; fusion, ordering, result lines)", parts["rest"], "ms")]


# ---------------------------------------------------------------- scale, in subprocesses


class StandIn:
    """Stand-in chunk vectors that still follow the text: the idf-weighted sum of fixed random vectors of
    a chunk's words (a random projection of its bag of words), unit length. Chunks sharing rare words are
    close, as with a real embedder; they are not MiniLM vectors, which the table says."""

    def __init__(self, dim: int, seed: int = 0):
        import numpy as np

        from evals.synth import vocabulary

        words = vocabulary()
        self.row = {w: i for i, w in enumerate(words)}
        self.table = np.random.default_rng(seed).standard_normal((len(words) + 1, dim)).astype(np.float32)
        self.weight = np.log(np.arange(2, len(words) + 3)).astype(np.float32)  # rarer (later) words weigh more

    def encode(self, texts: list[str], batch_size: int = 2000, progress=None):
        import numpy as np

        out = []
        for start in range(0, len(texts), batch_size):
            ids, starts, unknown = [], [], len(self.row)
            for text in texts[start:start + batch_size]:
                starts.append(len(ids))
                ids.extend([self.row.get(w, unknown) for w in text.lower().replace("-", " ").split()] or [unknown])
            ids = np.array(ids)
            sums = np.add.reduceat(self.table[ids] * self.weight[ids, None], np.array(starts), axis=0)
            out.append(sums / np.linalg.norm(sums, axis=1, keepdims=True))
        return np.vstack(out).astype(np.float32) if out else np.zeros((0, self.table.shape[1]), np.float32)


class Sampled:
    """An embedder that embeds the first `sample` texts for real and gives the rest stand-in vectors."""

    def __init__(self, real, sample: int):
        self.real, self.sample, self.standin = real, sample, StandIn(real.dim)
        self.model_id, self.sha256, self.dim = real.model_id, real.sha256, real.dim
        self.real_seconds = self.standin_seconds = 0.0

    def encode(self, texts: list[str], batch_size: int = 32, progress=None):
        import numpy as np

        start = time.perf_counter()
        head = self.real.encode(texts[:self.sample], batch_size=batch_size)
        self.real_seconds += time.perf_counter() - start
        start = time.perf_counter()
        tail = self.standin.encode(texts[self.sample:])
        self.standin_seconds += time.perf_counter() - start
        return np.vstack([head, tail])


def scale_worker(tmp: Path, chunks: int, sample: int, encoder: Path) -> dict:
    """Build, load and query a synthetic corpus; every figure of the scale rows except the sweeps."""
    import gc

    from evals.synth import Writer, notes_for, write_corpus
    from indexer import store
    from indexer.build import build_index
    from indexer.onnx_embed import OnnxEmbedder
    from indexer.search import Searcher
    from indexer.tokenize import tokenize

    notes = write_corpus(tmp / "synth", notes_for(chunks))
    embedder = Sampled(OnnxEmbedder(encoder), sample)
    start = time.perf_counter()
    data, _ = build_index(notes, embedder)
    store.save(tmp / "synth-index", data)
    build = time.perf_counter() - start
    n, sections = len(data.chunks), len(data.sections)
    del data
    gc.collect()
    start = time.perf_counter()
    searcher = Searcher(store.load(store.current_build(tmp / "synth-index")), embedder.real)
    opened = time.perf_counter() - start
    writer = Writer(seed=7)
    questions = [writer.question() for _ in range(60)]
    for q in questions[:5]:
        searcher.search(q, k=5)
    query = [clock(searcher.search, q, 5) for q in questions]
    bm25 = [clock(searcher.bm25.normalized, tokenize(q)) for q in questions]
    vectors = embedder.real.encode(questions)
    dense = [clock(searcher.dense_scores, v) for v in vectors]
    parts = breakdown(searcher, questions)
    non_embedding = build - embedder.real_seconds - embedder.standin_seconds
    rate = sample / embedder.real_seconds
    return {"chunks": n, "sections": sections, "sample": sample, "embed_rate": rate,
            "build_rate": n / (non_embedding + n / rate), "non_embedding_rate": n / non_embedding,
            "build_seconds_est": non_embedding + n / rate, "open": opened, "query": query, "bm25": bm25,
            "dense": dense, "dense_kind": searcher.index.manifest["dense"]["kind"], "parts": parts,
            "bm25_kind": type(searcher.bm25).__name__,
            "peak_rss_gb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e9}


def sweep_worker(tmp: Path, encoder: Path, sample: int) -> dict:
    """Threshold evidence: BM25 per query (rank-bm25 vs inverted index) and dense per query (exact vs
    HNSW, with recall@10) at growing sizes, on the synthetic index the scale worker wrote."""
    import numpy as np

    from evals.questions import load_questions
    from evals.synth import Writer
    from indexer import dense, store
    from indexer.bm25 import BM25
    from indexer.bm25_sparse import SparseBM25
    from indexer.onnx_embed import OnnxEmbedder
    from indexer.tokenize import tokenize

    build = store.current_build(tmp / "synth-index")
    rows = [json.loads(line) for line in (build / "sections.jsonl").open(encoding="utf-8")]
    terms = [r["terms"] for r in rows]
    chunk_section = np.array([json.loads(line)["section"] for line in (build / "chunks.jsonl").open(encoding="utf-8")])
    vectors = np.load(build / "vectors.npy", allow_pickle=False)
    writer = Writer(seed=7)
    questions = [writer.question() for _ in range(30)]
    query_terms = [tokenize(q) for q in questions]
    out = {"bm25": [], "dense": []}
    for size in sorted({1_000, 2_000, 5_000, 10_000, 30_000, len(terms)}):
        if size > len(terms):
            continue
        docs = terms[:size]
        start = time.perf_counter()
        slow = BM25(docs)
        slow_init = time.perf_counter() - start
        start = time.perf_counter()
        fast = SparseBM25(docs)
        fast_init = time.perf_counter() - start
        out["bm25"].append({"sections": size, "rank_init": slow_init, "inverted_init": fast_init,
                            "rank": [clock(slow.scores, t) for t in query_terms[:15]],
                            "inverted": [clock(fast.scores, t) for t in query_terms]})
    queries = StandIn(vectors.shape[1]).encode(questions)
    for size in sorted({10_000, 30_000, len(vectors)}):
        if size > len(vectors):
            continue
        out["dense"].append(_dense_at(vectors[:size], chunk_section[:size], queries, build if size == len(vectors) else None))
    out["exact_beyond"] = []
    for size in (300_000, 1_000_000):  # exact cost only: the corpus's vectors repeated (a product reads them all)
        tiled = np.resize(vectors, (size, vectors.shape[1]))
        sections = np.arange(size) // 2
        out["exact_beyond"].append({"chunks": size, "exact": [
            clock(dense.section_scores, q, tiled, None, sections, size // 2 + 1) for q in queries]})
        del tiled
    real = OnnxEmbedder(encoder).encode([q.question for q in load_questions()])
    out["real"] = _dense_at(vectors[:sample], chunk_section[:sample], real, None)
    return out


def _dense_at(vectors, chunk_section, queries, build) -> dict:
    """Per-query time of exact and HNSW section scores, HNSW build time, and HNSW recall@10 vs exact."""
    import faiss
    import numpy as np

    from indexer import dense

    n_sections = int(chunk_section.max()) + 1
    start = time.perf_counter()
    if build is not None and dense.is_approximate(index := faiss.read_index(str(build / "dense.faiss"))):
        hnsw_build = None  # already built by the scale worker (its time is in the build figure)
    else:
        index, hnsw_build = dense.build_dense(vectors, ann_from=0), time.perf_counter() - start
    exact = [clock(dense.section_scores, q, vectors, None, chunk_section, n_sections) for q in queries]
    approx = [clock(dense.section_scores, q, vectors, index, chunk_section, n_sections) for q in queries]
    index.hnsw.efSearch = dense.EF_SEARCH
    _, found = index.search(queries, 10)
    # Tie-aware recall@10: a found chunk counts if it is as similar as the exact 10th best. Chunks of one
    # note share their heading path, so stand-in vectors hold many near-equal neighbours, and which of
    # them make an id-based "true top 10" is arbitrary.
    sims = queries @ vectors.T
    tenth = -np.sort(-sims, axis=1)[:, 9:10] - 1e-5
    recall = float(np.mean([np.sum(row[f[f >= 0]] >= t) / 10 for row, f, t in zip(sims, found, tenth)]))
    return {"chunks": len(vectors), "exact": exact, "hnsw": approx, "recall": recall, "hnsw_build": hnsw_build}


def worker(kind: str, tmp: Path, **kw) -> dict:
    """Run a scale worker in a new process (its own peak RSS); its result is the last line it prints."""
    args = [sys.executable, "-m", "evals.bench", "--worker", kind, "--tmp", str(tmp),
            *[f"--{k}={v}" for k, v in kw.items()]]
    done = subprocess.run(args, check=False, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    if done.returncode:
        raise RuntimeError(f"{kind} worker failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def scale_part(tmp: Path, chunks: int, sample: int, encoder: Path) -> list[Row | str]:
    s = worker("scale", tmp, chunks=chunks, sample=sample, encoder=encoder)
    w = worker("sweep", tmp, sample=sample, encoder=encoder)
    k = f"{s['chunks'] / 1000:.0f}k"
    top = w["bm25"][-1]
    big = w["dense"][-1]
    med = statistics.median
    rows: list[Row | str] = [
        (f"scale: synthetic corpus, {s['chunks']:,} chunks in {s['sections']:,} sections; the first {sample:,} "
         f"chunks embedded for real, the rest stand-in vectors (evals/bench.py StandIn)"),
        Row(f"{k}: build throughput, end to end (embedding at the sample's rate)", [s["build_rate"]], "/s",
            target=f"reported ({s['build_seconds_est'] / 60:.0f} min)"),
        Row(f"{k}: embedding throughput (onnx, {sample:,}-chunk sample)", [s["embed_rate"]], "/s"),
        Row(f"{k}: build throughput without embedding (parse, BM25 terms, {s['dense_kind']}, save)",
            [s["non_embedding_rate"]], "/s"),
        Row(f"{k}: warm hybrid query k=5 ({s['bm25_kind']}, {s['dense_kind']})", s["query"], "ms",
            target="≤ 150 ms", met=med(s["query"]) <= 150),
        *breakdown_rows(s["parts"]),
        Row(f"{k}: BM25 per query ({s['bm25_kind']})", s["bm25"], "ms"),
        Row(f"{k}: dense per query ({s['dense_kind']})", s["dense"], "ms"),
        Row(f"{k}: peak RSS (build + load + queries)", [s["peak_rss_gb"]], "GB", target="≤ 3 GB",
            met=s["peak_rss_gb"] <= 3),
        Row(f"{k}: open (load files + Searcher)", [s["open"]], "s"),
        Row(f"{k}: HNSW recall@10 vs exact (stand-in vectors)", [big["recall"]], "", target="reported"),
        Row(f"{w['real']['chunks'] / 1000:.0f}k real MiniLM vectors: HNSW recall@10 vs exact (eval questions)",
            [w["real"]["recall"]], "", target="reported"),
        "threshold evidence: BM25 per query, inverted index vs rank-bm25 (sections)",
    ]
    for b in w["bm25"]:
        rows.append(Row(f"{b['sections']:,} sections: inverted index (init {b['inverted_init']:.1f} s)", b["inverted"],
                        "ms", med(b["rank"]), f"rank-bm25 {med(b['rank']):.1f} ms (init {b['rank_init']:.1f} s)"))
    rows.append("threshold evidence: dense per query, HNSW vs exact (chunks)")
    for d in [*w["dense"], w["real"]]:
        built = f", build {d['hnsw_build']:.1f} s" if d["hnsw_build"] is not None else ""
        rows.append(Row(f"{d['chunks']:,} chunks: HNSW (recall@10 {d['recall']:.3f}{built})", d["hnsw"], "ms",
                        med(d["exact"]), f"exact {med(d['exact']):.2f} ms"))
    for e in w["exact_beyond"]:
        rows.append(Row(f"{e['chunks']:,} chunks: exact dense per query (vectors repeated)", e["exact"], "ms"))
    rows.append(Row(f"rank-bm25 at {top['sections']:,} sections, per query", top["rank"], "ms", med(top["inverted"]),
                    "inverted index"))
    return rows


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description="asknotes speed benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer runs and a 20k-chunk scale corpus")
    parser.add_argument("--runs", type=int, default=7, help="runs per cold figure")
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=5_000, help="chunks embedded for real at scale")
    parser.add_argument("--no-scale", action="store_true")
    parser.add_argument("--worker", choices=["scale", "sweep"], help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--encoder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker == "scale":
        print(json.dumps(scale_worker(args.tmp, args.chunks, args.sample, args.encoder)))
        return
    if args.worker == "sweep":
        print(json.dumps(sweep_worker(args.tmp, args.encoder, args.sample)))
        return
    runs, build_runs, st_runs = (3, 1, 2) if args.quick else (args.runs, 3, 5)
    chunks, sample = (20_000, 2_000) if args.quick else (args.chunks, args.sample)
    tmp = Path(tempfile.mkdtemp(prefix="asknotes-bench-"))
    try:
        rows, notes, index_dir, cache = cli_part(tmp, runs, build_runs, st_runs)
        rows += warm_part(notes, index_dir, cache)
        if not args.no_scale:
            from indexer import store

            rows += scale_part(tmp, chunks, sample, store.current_build(index_dir) / "encoder")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = render(rows)
    head = (f"asknotes speed benchmark, {time.strftime('%Y-%m-%d')}: {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}; load average at the end "
            f"{os.getloadavg()[0]:.1f}. Medians; cold runs {runs}, builds {build_runs}.")
    print(head + "\n\n" + table)
    RESULTS.write_text(head + "\n\n" + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
