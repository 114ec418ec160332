"""Text -> BM25 terms.

Keeps technical terms whole (L1, F1, S3, TF-IDF, k-means, ml.p2.xlarge, 0/1) and also emits their parts
and their joined form, so "tf idf", "tfidf" and "TF-IDF" meet. Drops English stopwords (BM25Okapi gives
terms found in over half the sections a floored IDF; stopwords are most of those) and folds plurals.
"""

from __future__ import annotations

import re
from functools import lru_cache

TOKENIZER_VERSION = 3  # 3: joined forms folded as typed words are
TOKEN = re.compile(r"[a-z0-9]+(?:[.\-/'’][a-z0-9]+)*")
ACRONYM_PLURAL = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])s\b")  # "AMIs", "GPUs": an acronym and a lower-case s
JOINERS = re.compile(r"[.\-/]")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves e.g i.e etc vs versus use used using don doesn isn aren didn won""".split()
)


@lru_cache(maxsize=1 << 16)  # a question's words come round again; at index time, the notes' words
def fold(word: str) -> str:
    """Light plural folding: svms -> svm, categories -> category, classes -> class; keeps 'us'/'is' words."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ys", "ias")):
        return word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Terms of a text for BM25, in order; compound terms also yield their parts and joined form."""
    terms: list[str] = []
    text = ACRONYM_PLURAL.sub(r"\1", text)  # before lowercasing: "GPUs" -> "GPU" (fold keeps "gpus", as "bus")
    for raw in TOKEN.findall(text.lower().replace("’", "'")):
        raw = raw.split("'")[0]  # "model's" -> "model", "don't" -> "don" (a stopword-like stub)
        if not raw or raw in STOPWORDS:
            continue
        parts = [p for p in JOINERS.split(raw) if p]
        if len(parts) > 1:
            terms.append(raw)
            terms.append(fold("".join(parts)))  # folded as a typed word is: "k-means" meets "kmeans"
            terms.extend(fold(p) for p in parts if p not in STOPWORDS)
        else:
            terms.append(fold(raw))
    return terms


def settings() -> dict:
    """What the manifest records, so an index built with other tokenizer rules is rebuilt."""
    return {"version": TOKENIZER_VERSION, "stopwords": len(STOPWORDS), "pattern": TOKEN.pattern}
