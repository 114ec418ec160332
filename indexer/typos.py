"""Typo tolerance: a question word the notes never use is corrected to the closest word they do use,
when that word is clearly the best (one edit away for short words, two for longer ones), and when it is
not itself a common English word: "bank", "customer" or "forecast" are words the notes lack, not typos
of "back", "custom" or "forest". (A common word can still be a slip for a notes word, "principle
component"; query.Planner decides that from the words around it, and asks with common_ok.)"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping


REMEMBER = 100_000  # corrections kept by a Corrector


def damerau(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (Damerau 1964), giving up past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def bigrams(word: str) -> frozenset[str]:
    return frozenset(word[i:i + 2] for i in range(len(word) - 1))


def max_edits(word: str) -> int:
    """Words of 4-7 letters tolerate one edit, longer ones two; 3-letter words none (too many neighbours)."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


class Corrector:
    """Corrects words against a vocabulary with document frequencies."""

    def __init__(self, vocabulary: Mapping[str, int], common_words: Callable[[], Collection[str]] | None = None):
        self.vocabulary = {w: n for w, n in vocabulary.items() if w.isalpha() and len(w) > 3}
        # Words never corrected, read on the first unknown word (embed.english_words: a file read)
        self._load_common, self._common = common_words, None
        # (first letter, length) -> [(word, its letter pairs)], built on the first unknown word
        self._buckets: dict[tuple[str, int], list[tuple[str, frozenset[str]]]] | None = None
        # (word, common_ok) -> its correction: a bot or an eval meets the same unknown words again
        self._answers: dict[tuple[str, bool], str | None] = {}

    @property
    def common_words(self) -> Collection[str]:
        if self._common is None:
            self._common = self._load_common() if self._load_common else frozenset()
        return self._common

    def _candidates(self, first: str, length: int) -> list[tuple[str, frozenset[str]]]:
        if self._buckets is None:
            self._buckets = {}
            for word in self.vocabulary:
                self._buckets.setdefault((word[0], len(word)), []).append((word, bigrams(word)))
        return self._buckets.get((first, length), [])

    def correct(self, word: str, common_ok: bool = False) -> str | None:
        """The clearly closest vocabulary word to an unknown word, or None to leave it as typed; a common
        English word is left as typed unless common_ok. Remembered (up to REMEMBER words, then forgotten
        all at once): the scan below is the costliest part of planning a question (0.2 ms a word)."""
        key = (word, common_ok)
        if key not in self._answers:
            if len(self._answers) >= REMEMBER:
                self._answers.clear()
            self._answers[key] = self._correct(word, common_ok)
        return self._answers[key]

    def _correct(self, word: str, common_ok: bool) -> str | None:
        limit = max_edits(word)
        if not limit or not word.isalpha() or word in self.vocabulary or (word in self.common_words and not common_ok):
            return None
        best: list[tuple[int, int, str]] = []
        # First letters are rarely mistyped (a swap of the first two is allowed): only words that start
        # like this one are compared, which also keeps the scan short on a big vocabulary.
        firsts = {word[0], word[1]} if len(word) > 1 else {word[0]}
        pairs = bigrams(word)
        for length in range(len(word) - limit, len(word) + limit + 1):
            for cand, cand_pairs in (c for f in firsts for c in self._candidates(f, length)):
                if cand[0] != word[0] and cand[:2][::-1] != word[:2]:
                    continue
                # Each edit changes at most three letter pairs (a swap: xaby -> xbay): too few shared pairs
                # rule a word out without the (pure Python) edit distance.
                if len(pairs & cand_pairs) < max(len(pairs), len(cand_pairs)) - 3 * limit:
                    continue
                d = damerau(word, cand, limit)
                if d <= limit:
                    best.append((d, -self.vocabulary[cand], cand))
        if not best:
            return None
        best.sort()
        if len(best) > 1 and best[1][0] == best[0][0] and -best[1][1] * 2 > -best[0][1]:
            return None  # two equally close words, neither clearly more common: do not guess
        return best[0][2]
