"""Question -> what to search for: typo corrections, acronym expansions, everyday words glossed with the
notes' terms, and the sides of a comparison.

All of it is plain string work over what the index knows (its vocabulary and aliases); each step can be
switched off for the eval's ablation table.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import takewhile

from . import tokenize as tok
from .aliases import GLOSSARY, KNOWN_NOT_EXPANDED, NAMED_THINGS, NAMED_WORDS, Aliases
from .lexicon import LAY_PHRASES
from .typos import Corrector, damerau

WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
COMPARISONS = [
    re.compile(r"^(?:what(?:'s| is| are)? )?(?:the )?differences? between (?P<a>.+?) and (?P<b>.+?)[?.!]*$", re.I),
    re.compile(r"^(?:compare )?(?P<a>.+?)\s+(?:vs\.?|versus|compared (?:to|with)|v\.)\s+(?P<b>.+?)[?.!]*$", re.I),
    re.compile(r"^compare (?P<a>.+?) (?:and|with|to) (?P<b>.+?)[?.!]*$", re.I),
    re.compile(r"^(?:(?:should i use|do i use|which is better|which one|when to use)[,:]? )?"
               r"(?P<a>[^,?]+?) or (?P<b>[^,?]+?)[?.!]*$", re.I),
]
NAME = re.compile(r"(?<![.?!:]\s)(?<!^)\b([A-Z][a-z]*[A-Z][A-Za-z0-9]*|[A-Z]{2,}[a-z0-9]*|[A-Z][a-z]+)\b")
# A vendor's name and the word or two after it: "Amazon Kendra", "sagemaker textract", "SageMaker Model
# Monitor" name a product, even when the words are English ones ("Personalize", "Forecast"; typed in lower
# case, an English word counts only under its known name, Planner.unknown_names). The lookahead
# lets "Amazon SageMaker Clarify" be read as "Amazon SageMaker" and "SageMaker Clarify".
VENDORS = ("amazon", "aws", "sagemaker", "azure", "google", "microsoft")
VENDOR = re.compile(rf"\b((?i:{'|'.join(VENDORS)}))\s+(?=([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z][A-Za-z0-9]*){{0,2}}))")
# Words in quotes, straight or curly: a string the question talks about ("make Polly say 'KX-30'", "tf-idf
# of 'kafka' in my doc", "a column 'Bundesland'"), not a thing it asks about. Not an apostrophe: a quote
# opens and closes beside no letter ("students' marks", "don't").
QUOTED = re.compile(r"""(?<!\w)(?:'[^'\n]{1,40}'|"[^"\n]{1,40}"|‘[^’\n]{1,40}’|“[^”\n]{1,40}”)(?!\w)""")
# A name in code or a model's: a word with an underscore ("early_stopping_rounds", "__label__") or a few
# letters, then digits ("f2", "gp3", "fp16", "v2", "P2s"); not part of a dotted or hyphenated name
# ("ml.p3.2xlarge", "MLS-C01"), nor a longer word with a digit in it, as typos are ("obect2vec"). In math,
# "y_hat" and "x2" are variables: a question with "=", "^", "Σ", "√" or a formula the planner reads has none.
IDENTIFIER = re.compile(r"(?<![\w.\-])(_*[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*"  # snake_case
                        r"|_+[A-Za-z]+_+"  # __label__
                        r"|[A-Za-z]{1,5}[0-9]+[a-z]?)"  # f2, fp16, P2s
                        r"(?![\w\-]|\.\w)")
MATH = re.compile(r"[=^\u2211\u03a3\u221a]")
PHRASE_WORD = re.compile(r"\w+(?:['.]\w+)*")  # "doesn't", "99.7", "get_dummies"; a sentence's "." is not in it
PHRASE_GAP = re.compile(r"[\s-]+")


class Phrases:
    """Finds a list of phrases in questions: each word as written or in the plural ("-s", "-es", "-y" ->
    "-ies"), case aside, spaces or hyphens between words. Looked up word by word (a regex of two thousand
    alternatives takes 0.4 s to compile and 46 ms a question to run)."""

    def __init__(self, phrases: Iterable[str]):
        self._starting: dict[str, list[tuple[list[frozenset[str]], str]]] = {}
        for phrase in phrases:
            words = [_forms(w) for w in PHRASE_GAP.split(phrase.lower()) if w]
            for form in words[0]:
                self._starting.setdefault(form, []).append((words, phrase))
        for entries in self._starting.values():  # the longest phrase first where several start with a word
            entries.sort(key=lambda entry: (-len(entry[0]), -len(entry[1])))

    def find(self, text: str) -> list[tuple[str, str]]:
        """(the words as typed, the phrase) of each phrase in the text, left to right, none overlapping."""
        words = list(PHRASE_WORD.finditer(text.replace("\u2019", "'")))
        low = [w.group().lower() for w in words]
        out, i = [], 0
        while i < len(words):
            for forms, phrase in self._starting.get(low[i], ()):
                end = i + len(forms)
                # most phrases starting with a word go no further than the next one: checked first
                if end > len(words) or (end > i + 1 and low[i + 1] not in forms[1]):
                    continue
                if all(low[j] in forms[j - i] for j in range(i + 2, end)) and \
                        all(PHRASE_GAP.fullmatch(text[words[j].end():words[j + 1].start()]) for j in range(i, end - 1)):
                    out.append((text[words[i].start():words[end - 1].end()], phrase))
                    i = end
                    break
            else:
                i += 1
        return out


def _forms(word: str) -> frozenset[str]:
    forms = {word, f"{word}s", f"{word}es"}
    return frozenset(forms | {f"{word[:-1]}ies"} if word.endswith("y") else forms)


NAMED = Phrases(NAMED_THINGS + NAMED_WORDS)  # aliases.NAMED_THINGS and NAMED_WORDS in a question
# An exam stem names services, methods and the client's world as its scenery ("3 PB of raw data", "exports
# from several SaaS tools", answer options): names the notes never mention count only in shorter questions.
NAMED_MAX_WORDS = 30
# A question asking for an amount names what it asks about: the words after "maximum", "minimum" or
# "default", up to a stopword ("default retention period", "max payload size"), and the word after a
# "how many" or "how much" that asks for an amount (opens_amount: "how many minutes"; not "counting how
# many customers walk in", which asks for a model). Planner._unknown_measures.
LIMIT = re.compile(r"\b(?:max(?:imum)?|min(?:imum)?|default)((?:\s+[A-Za-z][\w-]*){1,3})", re.I)
COUNT = re.compile(r"\bhow (?:many|much)(\s+[A-Za-z][\w-]*)", re.I)
# "how long" asking for a duration; what it is of is the clause's next words, stopwords aside ("how long
# does kinesis retain records").
DURATION = re.compile(r"\bhow long((?:\s+[A-Za-z][\w'-]*){1,6})", re.I)
# A question asking what something costs: "how much does the exam cost", "how much athena charges per TB",
# "hourly price of ml.p3.2xlarge", "pricing for polly"; not "predict a house price" or "the cost of a false
# negative". And "what does a shard cost per hour", "what would an endpoint cost?", but not "what does one
# gain in training cost by…". Planner._unknown_measures.
PRICE = re.compile(r"\bhow much\b(?:\s+[\w.'’-]+){0,8}?\s+(?:costs?|charges?|charged)\b"
                   r"|\bwhat (?:does|do|did|would|will)\b(?:\s+[\w.'’-]+){1,8}?\s+cost(?=\s*(?:[?.!]|$|per\b|an?\s+"
                   r"(?:hour|day|month|year)\b|to\s+run\b))"
                   r"|\b(?:prices?|pricing|fees?)\s+(?:of|for|per|to)\b|\bcharges?\s+per\b", re.I)
# A question asking when something happened: "what year did AWS launch SageMaker", "when was comprehend
# released"; not "when was the model deployed, which metric drifted" (no launch word) nor "when to use L1".
DATE = re.compile(r"\b(?:what|which) year\b|\bwhen (?:was|were|did|is|will)\b(?:\s+[\w.'’-]+){0,6}?\s+"
                  r"(?:launch|launched|released?|introduced?|announced?|invented|founded|came out|come out)\b", re.I)
# A question asking for a number: "how many faces can a collection store", "what's the maximum file
# size", "at most how many jobs run in parallel", "how big can a payload be", typed as keywords too
# ("rekognition max image file size", "largest payload size"). Only the best answer's
# lines stating a number can answer it (Searcher.ask). "What is the default" is not one: a default may be a
# word ("root access is enabled"); nor "how many examples get pushed through at once" (no verb after it
# asks a count of something), nor "the minimum bounding box step" (no quantity word).
NUMBER = re.compile(
    r"\bwhat(?:'s|’s| is|s| are)? (?:the )?(?:[\w-]+ ){0,2}?(?:max|maximum|min|minimum|largest|smallest|longest"
    r"|shortest|biggest|highest|lowest|most|fewest)(?:\s+[\w-]+){0,3}?\s+(?:sizes?|number|count|time|timeout|memory"
    r"|length|duration|limit|amount|rate|throughput|value|period)\b"
    r"|\bhow (?:many|much|long)\b(?:\s+[\w'’-]+){0,8}?\s+(?:can|could|does|do|is|are|will|should|allowed"
    r"|supported|supports?)\b"
    r"|\b(?:max|maximum|min|minimum|largest|smallest|longest|shortest|biggest)(?:\s+[\w-]+){0,2}?\s+(?:sizes?"
    r"|number|count|timeout|memory|length|duration|limit|throughput|period)\b"
    r"|\bat (?:most|least)\b|\b(?:max|maximum|min|minimum) number of\b|\bhow (?:big|large|small)\b", re.I)
# A how-clause that is a verb's object or one of two alternatives describes a quantity, it does not ask
# for one: "how does gradient descent decide how big each step should be", "a number between zero and
# one that sets how big a jump the model makes", "one score that drops if either how many of my alarms
# were real or how many real cases I caught is poor" (the last two refused for it before the twenty-first
# session; over the eval and all 30 batches, no off-topic question changed). After punctuation or one of
# these words it still asks: "and how long does it take", "exactly how many", "a limit on how many"
# (opens_amount; the same for what an amount question asks about, Planner._unknown_measures).
AMOUNT_OPENERS = frozenset({"and", "but", "so", "then", "exactly", "roughly", "approximately", "about", "just",
                            "at", "on", "of", "for", "to", "in", "know", "tell", "me", "us", "out"})
# What a question asks for that only notes stating one can answer, by the kind of fact (Searcher.states).
ASKED = {"prices": PRICE, "dates": DATE}
# lexicon.LAY_PHRASES: everyday phrase -> the notes' term
_LAY = {phrase: term for term, phrases in LAY_PHRASES.items() for phrase in phrases}
LAY = Phrases(_LAY)
# A math expression: operands joined by / + * ^ = ("TP/(TP+FN)", "(TP + TN) / Total", "sum of weights^2").
# Each starts where an operand does (the lookbehind), so a long run of operand characters with no
# operator after it ("((((…" or a pasted token) is scanned once, not once from each of its characters.
FORMULA = re.compile(r"(?<![\w().√])[\w().√]+(?:\s*[/+*^=]\s*[\w().√]+)+")
OPERATORS = re.compile(r"[/+*^]")
# The same with "-" as an operator too, for a formula's shape ("1 - p(a)^2 - p(b)^2"); shapes need more
# operators than exact formulas do (_shaped), so "state-of-the-art" or "x/y" never has one.
SHAPED = re.compile(r"(?<![\w().√])[\w().√]+(?:\s*[-–—−/+*^=×]\s*[\w().√]+)+")
SHAPE_TOKEN = re.compile(r"\d+(?:\.\d+)?(?![\w√])|[\w.√]+|[-/+*^]")
SHAPE_OPERATORS = 3
# What people add when they ask a bot, not what they ask about: left out of coverage (unless the notes use
# them), so "what is an epoch exactly thanks" is as sure of itself as "what is an epoch".
# Contractions typed without the apostrophe ("cant", "dont") are of the same kind, and are no typos either
# ("cant" is not "cast"). So are the hedges of spoken English ("what's rcf actually for?", "is AWS Batch
# basically managed cron?"): measured over the eval and the 32 batches, they turn two in-domain questions
# from refused to answered and change no other decision; no question's labelled section moves within its
# top three (coverage also weighs BM25, so other sections there can change places). "already" is not one:
# it moved a question's section from first to second.
CHAT_WORDS = frozenset("hey hi hello bot thank thanks thx ty please pls plz cheer cheers exactly lol "
                       "dont doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt werent "
                       "im ive youre theyre whats "
                       "actually basically really literally simply honestly even almost kinda sorta anyway "
                       "anyways maybe perhaps probably quite".split())
OR_SIDE_WORDS = 4  # "X or Y" is a comparison only between short terms ("L1 or L2"), not in long questions
# "is RCF supervised or unsupervised?" asks which of two things one subject is, not about two subjects.
YES_NO_OPENERS = {"is", "are", "was", "were", "am", "does", "do", "did", "can", "could", "will", "would", "has", "have"}


# Words typed apart are joined only into a notes word this long: "data set" -> "dataset", not "a b" -> "ab".
JOIN_MIN = 5


@dataclass(frozen=True)
class Features:
    """Which query-side steps run; all on by default, each switchable for the ablation."""

    aliases: bool = True
    typos: bool = True
    comparisons: bool = True
    formulas: bool = True
    glosses: bool = True
    shared_weights: bool = True  # an acronym's spelled-out words weigh one term between them (shared_weights)


@dataclass
class QueryPlan:
    """What a question becomes before ranking."""

    original: str
    text: str  # what the embedder reads: corrected, with acronyms spelled out
    terms: list[str]  # what BM25 reads
    weights: dict[str, float] = field(default_factory=dict)  # terms counting less than one whole (shared_weights)
    corrections: dict[str, str] = field(default_factory=dict)
    expansions: dict[str, str] = field(default_factory=dict)
    glosses: dict[str, str] = field(default_factory=dict)  # everyday phrase as typed -> the notes' term
    sides: list["QueryPlan"] = field(default_factory=list)  # the two sides of an "X vs Y" question
    coverage: float = 0.0  # IDF-weighted share of the question's words the notes know (0..1)
    typed_coverage: float = 0.0  # the same, corrections of more than one letter not known (confidence reads it)
    unknown_names: list[str] = field(default_factory=list)  # "Kubernetes", "GAN": names the notes never use
    formulas: list[str] = field(default_factory=list)  # math in the question, compacted: "tp/(tp+fn)"
    shapes: list[str] = field(default_factory=list)  # and its shape, "1-x^2-x^2" (formula_shapes)
    asks_number: bool = False  # "how many faces can a collection store": the answer must state one (NUMBER)

    corrected: str = ""  # the question with its typos corrected, before acronyms are spelled out

    @property
    def read_as(self) -> dict[str, str]:
        """What the question was read as saying: its acronyms spelled out and its everyday words glossed,
        "RCF" -> "Random Cut Forest", "false alarms" -> "false positive" (the CLI and the bot show them)."""
        return {**self.expansions, **self.glosses}

    @property
    def searched_for(self) -> str | None:
        """The corrected question, when a typo was corrected (the CLI shows it)."""
        return self.corrected if self.corrections else None


class Planner:
    """Turns questions into plans, using an index's vocabulary and aliases."""

    def __init__(self, vocabulary: dict[str, int], aliases: Aliases, features: Features = Features(),
                 common_words: Callable[[], Collection[str]] | None = None,
                 writes: Callable[..., bool] | None = None,
                 spell_out: Callable[[str], str | None] | None = None,
                 writes_formula: Callable[[list[str], list[str]], bool] | None = None,
                 states: Callable[[str], bool] | None = None):
        self.vocabulary = vocabulary
        self.aliases = aliases
        self.features = features
        self.corrector = Corrector(vocabulary, common_words)
        self.writes = writes  # writes(a, b, ...): do the notes write these words one after the other?
        self.spell_out = spell_out  # spell_out("TPR"): the one phrase of the notes with those initials, or None
        self.writes_formula = writes_formula  # writes_formula(formulas, shapes): do the notes write one of them?
        self.states = states  # states("prices"), states("dates"): do the notes write one anywhere ("$0.05", "2017")?
        self._most_sections = max(vocabulary.values(), default=1) + 1  # stands in for the section count

    def plan(self, question: str, split: bool = True) -> QueryPlan:
        # Compatibility forms become plain ones: full-width "ＫＩＮＥＳＩＳ" (an East Asian keyboard), "ﬁ"
        # ligatures, "x²", no-break spaces. The notes are tokenized as written; NFKC changes none of their terms.
        question = unicodedata.normalize("NFKC", question)
        corrections = self._corrections(question) if self.features.typos else {}
        corrected = question
        for wrong, right in corrections.items():
            corrected = re.sub(rf"\b{re.escape(wrong)}\b", right, corrected, flags=re.I)
        text = corrected
        expansions = self._expansions(text) if self.features.aliases else {}
        terms = tok.tokenize(text)
        own = set(terms)  # the question's own terms, before an acronym's or a gloss's words join them
        for acronym, expansion in expansions.items():
            text = re.sub(rf"\b{re.escape(acronym)}\b", f"{acronym} ({expansion})", text, count=1)
            terms += tok.tokenize(expansion)
        glosses = self._glosses(text) if self.features.glosses else {}
        for phrase, term in glosses.items():
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", f"{phrase} ({term})", text, count=1)
            terms += tok.tokenize(term)
        weights = shared_weights(own, expansions, glosses, self.vocabulary) if self.features.shared_weights else {}
        expanded = {a.lower() for a in expansions}
        found, shapes = (formulas(question), formula_shapes(question)) if self.features.formulas else ([], [])
        known_formula = bool(self.writes_formula and (found or shapes) and self.writes_formula(found, shapes))
        coverage = self.coverage(question, corrections, expanded, known_formula)
        # Confidence reads coverage as typed, but a one-letter slip ("kinesys", "recal") is the notes' word
        # mistyped, not some other word; a bigger change ("regularisaton", "principle") is not counted as known.
        # Words typed apart ("fire hose") are the notes' word too.
        slips = {w: f for w, f in corrections.items()
                 if damerau(tok.fold(w.lower()), f, 1) <= 1 or w.replace(" ", "").lower() == f}
        typed_coverage = self.coverage(question, slips, expanded, known_formula) if corrections else coverage
        unknown = self.unknown_names(joined(question, corrections), corrections, expanded, bool(found or shapes))
        plan = QueryPlan(question, text, terms, weights, corrections, expansions, glosses, coverage=coverage,
                         typed_coverage=typed_coverage, unknown_names=unknown, corrected=corrected,
                         formulas=found, shapes=shapes, asks_number=asks_number(question))
        if split and self.features.comparisons:
            sides = comparison_sides(question)
            if sides:
                plan.sides = [self.plan(side, split=False) for side in sides]
        return plan

    def coverage(self, question: str, corrections: dict[str, str], expanded: Collection[str] = (),
                 known_formula: bool = False) -> float:
        """IDF-weighted share of the question's terms that the notes use (or that are known acronyms or
        corrected typos): near 0 for "who painted the Mona Lisa", 1 for "kinesis firehose". Numbers and
        chat words ("thanks", "hey bot") the notes do not use are not counted either way. With
        known_formula (the notes write one of the question's formulas, as typed or in shape), the
        formulas' letters are not words and count once, as known and as rare as any term can be:
        "1 - p(a)^2 - p(b)^2" is as covered as "gini impurity"."""
        fixed = {tok.fold(w.lower()) for w in corrections}
        fixed |= {t for w in corrections if " " in w for t in tok.tokenize(w)}  # "fire hose" -> "firehose"
        n = self._most_sections
        known = total = math.log(n) + 0.1 if known_formula else 0.0
        words = SHAPED.sub(lambda m: " " if OPERATORS.search(m.group(0)) else m.group(0), question) \
            if known_formula else question  # math goes, hyphenated words ("k-means") stay
        terms = [t for t in tok.tokenize(words)
                 if not t.isdigit() and (t not in CHAT_WORDS or t in self.vocabulary)]
        weight = {t: math.log(n / self.vocabulary.get(t, 1)) + 0.1 for t in terms}
        known += sum(w for t, w in weight.items()
                     if t in self.vocabulary or t in self.aliases or t in fixed or t in expanded)
        total += sum(weight.values())
        return known / total if total else 0.0

    def unknown_names(self, question: str, corrections: dict[str, str], expanded: Collection[str] = (),
                      math: bool = False) -> list[str]:
        """Capitalised or upper-case words (not opening a sentence) that the notes never use and that are
        not common English words: a question about "DynamoDB" or "Kubernetes" is most likely about
        something the notes do not cover; one with "English" or "Japanese" in it need not be, nor one with an
        acronym known but not expanded, one of whose meanings the notes write ("LR",
        aliases.KNOWN_NOT_EXPANDED). And a word the notes never use right after a vendor's name, English or
        not when capitalised: "Amazon Kendra", "SageMaker Clarify", "amazon textract" (VENDOR; "amazon
        personalize" by its known name, below); or words the notes never write together there
        ("SageMaker Model Monitor", _unknown_products); or a known name of something near the notes'
        subject that they never write ("batch normalization", _unknown_things); or what a question asking
        for an amount asks about ("default retention period", _unknown_measures); or a name in code or a
        model's that the notes never write ("l1_ratio", "f2 score", _unknown_identifiers; not in a question
        with math, as the planner's formulas read it or MATH: "p_a", "w1"). None in a question of more than
        NAMED_MAX_WORDS words, and none in quotes but a vendor's product (QUOTED: "say 'KX-30'" names a
        string the question talks about)."""
        if len(question.split()) > NAMED_MAX_WORDS:
            return []
        # a quoted string is talked about, not asked about; a vendor's product in quotes still names one
        question = QUOTED.sub(lambda m: m.group() if VENDOR.search(m.group()) else " " * len(m.group()), question)
        names = [m.group(1) for m in NAME.finditer(question)
                 if m.group(1).lower() not in self.corrector.common_words]
        # A product name is capitalised; in a question typed all in lower case, case says nothing, and an
        # English word there is as likely a verb or an adverb ("sagemaker honours", "sagemaker basically"):
        # it is a product only under its known name (aliases.NAMED_THINGS: "amazon personalize", via
        # _unknown_things). "AWS credentials" or "SageMaker: eyeballing" name no product.
        vendors = list(VENDOR.finditer(question))
        products = [m.group(2) for m in vendors if len(m.group(2)) > 2 and m.group(2).lower() not in tok.STOPWORDS
                    and (m.group(2)[0].isupper()
                         or (m.group(1).islower() and m.group(2) not in self.corrector.common_words))]
        out: list[str] = []
        for word in names + products:
            if word not in out and self._never_used(word, corrections, expanded):
                out.append(word)
        runs = dict.fromkeys(self._unknown_products(vendors, corrections)
                             + self._unknown_things(question, corrections, expanded)
                             + self._unknown_measures(question, corrections)
                             + self._unknown_identifiers(question, corrections, expanded, math))
        return out + [name for name in runs if not set(name.split()) & set(out)]  # each once, in order

    def _unknown_products(self, vendors: list[re.Match], corrections: dict[str, str]) -> list[str]:
        """Of a question's VENDOR matches, two or three capitalised words after a vendor's name, no two of
        which the notes write one after the other (nor the first after the vendor): "SageMaker Model
        Monitor", "AWS Lake Formation", where each word alone is a notes word; "SageMaker Ground Truth" and
        "EC2 Spot Instances" are written (a mistyped word as corrected). Only when typed capitalised: in
        lower case, "sagemaker training channels" reads the same."""
        if not self.writes:
            return []
        out = []
        for m in vendors:
            run = [m.group(2)] + m.group(3).split()
            # a run ends at a word in lower case or a single letter (an exam's answer option: "Athena D) AWS")
            run = run[:next((i for i, w in enumerate(run) if not w[0].isupper() or len(w) == 1), len(run))]
            if len(run) < 2 or {w.lower() for w in run} & set(VENDORS):
                continue
            words = [corrections.get(w, w).lower() for w in [m.group(1)] + run]
            if not any(self.writes(a, b) for a, b in zip(words, words[1:])):
                out.append(" ".join(run))
        return out

    def _unknown_things(self, question: str, corrections: dict[str, str],
                        expanded: Collection[str] = ()) -> list[str]:
        """The names of aliases.NAMED_THINGS in a question that the notes never write ("batch
        normalization", "sagemaker feature store" in lower case), and of aliases.NAMED_WORDS that they
        never use ("kafka"; not an acronym the question has expanded, "efs" -> elastic file system)."""
        if not self.writes:
            return []
        return [typed for typed, name in NAMED.find(question)
                if (self._never_used(typed, corrections, expanded) if " " not in name
                    else not self.writes(*name.split()))]

    def _unknown_identifiers(self, question: str, corrections: dict[str, str],
                             expanded: Collection[str] = (), math: bool = False) -> list[str]:
        """The question's IDENTIFIER words that the notes never write: "early_stopping_rounds" unless they
        write it, or "early stopping rounds" ("batch_size" is their "batch size"; "__label__" only as
        written); "f2", "gp3", "v2" unless they use the word ("L1", "EC2", "P2s"), nor is it corrected or an
        acronym they know. None in math (a formula the planner read, or MATH), and a name with a part of one
        letter or all digits is math too ("p_k", "tree_1")."""
        # most questions have neither an underscore nor a digit: the first check ends them
        if math or not self.writes or not any(c == "_" or c.isdigit() for c in question) or MATH.search(question):
            return []
        out = []
        for m in IDENTIFIER.finditer(question):
            word = m.group(1)
            parts = [p for p in word.split("_") if p]
            if "_" in word:
                unknown = (all(len(p) > 1 and not p.isdigit() for p in parts)
                           and not self.writes(word) and (len(parts) == 1 or not self.writes(*parts)))
            else:
                unknown = all(self._never_used(w, corrections, expanded) for w in {word, word.removesuffix("s")})
            if unknown and word not in out:
                out.append(word)
        return out

    def _unknown_measures(self, question: str, corrections: dict[str, str]) -> list[str]:
        """In a question asking for an amount, the asked-for words that the notes never use, English or
        not: "retention" in "default retention period of a kinesis stream", "payload" in "max payload
        size", "minutes" in "how many minutes can a lambda run", "retain" in "how long does kinesis retain
        records". The notes cannot give an amount of a thing they never name; "maximum memory for lambda"
        or "how many shards" name things they write about, and stay answered. And "prices", in a question
        asking what something costs, when the notes write no price at all, and "dates", in one asking when
        something came out, when they write no year (states)."""
        out = [kind for kind, asked in ASKED.items()
               if self.states and asked.search(question) and not self.states(kind)]
        # "maximum of", "how much does": the asked-for words end at a stopword (or never start)
        counts = [m for m in COUNT.finditer(question) if opens_amount(question, m.start())]
        asked = [w for m in (*LIMIT.finditer(question), *counts)
                 for w in takewhile(lambda w: w.lower() not in tok.STOPWORDS, m.group(1).split())]
        asked += [w for m in DURATION.finditer(question) if opens_amount(question, m.start())
                  for w in m.group(1).split()]  # stopwords skipped below
        return out + [w for w in asked if w.lower() not in tok.STOPWORDS and w.lower() not in CHAT_WORDS
                      and self._never_used(w, corrections)]

    def _never_used(self, word: str, corrections: dict[str, str], expanded: Collection[str] = ()) -> bool:
        """Is a question's word one the notes never use: not corrected to a notes word, not a known or
        expanded acronym, nor an ambiguous one with a meaning the notes write, and none of its terms in the
        notes' vocabulary?"""
        low = word.lower()
        return (word not in corrections and low not in self.aliases and low not in expanded
                and not set(tok.tokenize(word)) & self.vocabulary.keys() and not self._means_a_notes_term(word))

    def _corrections(self, question: str) -> dict[str, str]:
        """Typed word -> notes word. A word the notes never use is corrected when the corrector finds a
        clearly closest notes word, unless it is a common English word or an acronym in capitals. A common
        word is corrected only when the correction and a neighbouring word of the question make a pair the
        notes write ("principle component" -> "principal component", "jupiter notebook" -> "jupyter
        notebook"); "bank account" stays, as the notes never write "back account". Words typed apart that the
        notes write as one are joined first (_joins: "fire hose" -> "firehose")."""
        words = WORD.findall(question)
        out, common = {}, []
        runs = self._joins(question)  # "fire hose" -> "firehose": its words are not corrected one by one
        out.update(runs.values())
        apart = {k for i, j in runs for k in range(i, j)}
        for i, word in enumerate(words):
            low = word.lower()
            if i in apart:
                continue
            if low in tok.STOPWORDS or low in CHAT_WORDS or low in self.aliases or tok.fold(low) in self.vocabulary:
                continue
            if self._glossary(word):  # "algo" is short for algorithm, not a slip for "also"
                continue
            if len(word) > 1 and word.isupper():  # an acronym as typed ("MAPE", "ODBC"), not a misspelling
                continue
            if low in self.corrector.common_words:
                common.append(i)
                continue
            fixed = self.corrector.correct(tok.fold(low))
            if fixed:
                out[word] = fixed
        if not self.writes:
            return out
        for i in common:
            before, after = self._as_searched(words, i - 1, out), self._as_searched(words, i + 1, out)
            fixed = (before or after) and self.corrector.correct(tok.fold(words[i].lower()), common_ok=True)
            if fixed and ((before and self.writes(before, fixed)) or (after and self.writes(fixed, after))):
                out[words[i]] = fixed
        return out

    def _joins(self, question: str) -> dict[tuple[int, int], tuple[str, str]]:
        """Runs of two or three neighbouring words typed apart, by spaces alone, that the notes write as one
        word: (first, end) word positions -> (the run as typed, that word). "sage maker", "fire hose", "x g
        boost", "drop out", as dictation and quick typing split them; only when the joined word is at least
        JOIN_MIN letters, the notes write it whole (not only as "ROC/AUC", "EMR/Spark"), they never write the
        words apart (nor hyphenated: "cross validation" stays), and not every word is a stopword ("over all")."""
        if not self.writes:
            return {}
        found = list(WORD.finditer(question))
        low = [m.group(0).lower() for m in found]
        out: dict[tuple[int, int], tuple[str, str]] = {}
        i = 0
        while i < len(found):
            for n in (3, 2):
                word = "".join(low[i:i + n])
                if i + n > len(found) or len(word) < JOIN_MIN or tok.fold(word) not in self.vocabulary:
                    continue  # most runs end here: a dict lookup
                run = found[i:i + n]
                typed = [m.group(0) for m in run]
                if (word.isalpha() and all(not question[a.end():b.start()].strip() for a, b in zip(run, run[1:]))
                        and not all(w in tok.STOPWORDS for w in low[i:i + n])
                        and self.writes(word) and not self.writes(*typed)):
                    out[(i, i + n)] = (question[run[0].start():run[-1].end()], word)
                    i += n - 1
                    break
            i += 1
        return out

    def _as_searched(self, words: list[str], i: int, corrections: dict[str, str]) -> str | None:
        """The i-th word of a question as it will be searched for (corrected), if it is a notes word."""
        if not 0 <= i < len(words):
            return None
        word = corrections.get(words[i], words[i]).lower()
        return word if word not in tok.STOPWORDS and tok.fold(word) in self.vocabulary else None

    def _expansions(self, text: str) -> dict[str, str]:
        """Acronym as typed -> what it stands for: the mined or user aliases ("RCF", plural "CNNs"), else, for
        an acronym the notes never write, a common acronym's phrase the notes write ("HPO": "hyperparameter
        tuning"; _glossary) or the one phrase they write with its initials ("TPR": "true positive rate";
        spell_out); not when the question spells it out itself."""
        out = {}
        for word in WORD.findall(text):
            key = _entry(word.lower(), self.aliases)
            expansion = self.aliases[key][0] if key else self._glossary(word) or self._spelled_out_in_notes(word)
            if expansion and not _spelled_out(text, expansion):
                out[word] = expansion
        return out

    def _glosses(self, text: str) -> dict[str, str]:
        """Everyday phrase as typed -> the notes' term for it (lexicon.LAY_PHRASES): "false alarms" ->
        "false positive", "standard deviation" -> "std dev"; only terms the notes write, and not when the
        question names the term itself."""
        if not self.writes:
            return {}
        out = {}
        for typed, phrase in LAY.find(text):
            term = _LAY[phrase]
            if term not in out.values() and term not in text.lower() and self.writes(*term.split()):
                out[typed] = term
        return out

    def common_acronym(self, acronym: str) -> str | None:
        """For a common acronym (aliases.GLOSSARY) that the notes never write nor define, the first of its
        phrases the notes do write ("hpo" -> "hyperparameter tuning"), else None."""
        low = acronym.lower()
        if not self.writes or low in self.aliases or tok.fold(low) in self.vocabulary:
            return None
        return self._written_meaning(low, GLOSSARY)

    def _means_a_notes_term(self, word: str) -> bool:
        """Is the word an acronym known but not expanded (aliases.KNOWN_NOT_EXPANDED) one of whose meanings
        the notes write?"""
        return bool(self.writes and self._written_meaning(word.lower(), KNOWN_NOT_EXPANDED))

    def _written_meaning(self, acronym: str, table: Mapping[str, tuple[str, ...]]) -> str | None:
        """The first of an acronym's meanings in `table` (GLOSSARY, KNOWN_NOT_EXPANDED) that the notes write."""
        key = _entry(acronym, table)
        return next((p for p in table[key] if self.writes(*p.split())), None) if key else None

    def _glossary(self, word: str) -> str | None:
        """common_acronym for a question word typed in any case but, in lower case, not an English word
        ("bow" is one, "hpo" is not)."""
        if word.islower() and word in self.corrector.common_words:
            return None
        return self.common_acronym(word)

    def _spelled_out_in_notes(self, word: str) -> str | None:
        """For a 3-5 letter word the notes never use, typed in capitals or in lower case but then not an
        English word ("TPR", "efs"; not "gan"), the phrase the notes write with its initials, if just one."""
        if not self.spell_out or not (3 <= len(word) <= 5 and word.isalpha()):
            return None
        low = word.lower()
        if tok.fold(low) in self.vocabulary or low in tok.STOPWORDS:
            return None
        if word.isupper() or (word.islower() and low not in self.corrector.common_words):
            return self.spell_out(word)
        return None


def _entry(word: str, table: Collection[str]) -> str | None:
    """The word's key in an acronym table, as typed or without a plural "s" ("CNNs", "algos"), or None."""
    return word if word in table else word[:-1] if word.endswith("s") and word[:-1] in table else None


def shared_weights(own: Collection[str], expansions: Mapping[str, str], glosses: Mapping[str, str],
                   vocabulary: Collection[str]) -> dict[str, float]:
    """The weight of each term a plan adds to the question's own (`own`, its terms as typed), below 1: an
    acronym and the words it is spelled out in name one thing, so those words weigh one term between them,
    or half of one when the notes write the acronym itself, which counts too; so do the words of the notes'
    term for an everyday phrase (glosses). Counted whole, "tanh for rnn" was a question about RNNs three
    times over and about tanh once, and found the section on RNNs before the one saying tanh is good for
    them. With the shares, over the 2586 questions and 44 read held-back batches: 36 rank higher, 3 lower,
    in-domain MRR (short questions) tune half 0.965 -> 0.966, test half 0.952 -> 0.955, acronym questions of
    the read batches not fitted on 0.960 -> 0.969; on four batches run blind before they were read, 0.932 ->
    0.935."""
    weights: dict[str, float] = {}
    for typed, words in [*expansions.items(), *glosses.items()]:
        added = [t for t in tok.tokenize(words) if t not in own]
        if not added:
            continue
        share = 1 / len(added) / (2 if tok.fold(typed.lower()) in vocabulary else 1)
        for term in added:
            weights[term] = min(weights.get(term, 1.0), share)
    return weights


def joined(question: str, corrections: dict[str, str]) -> str:
    """The question with its words typed apart joined as the notes write them (Planner._joins), case kept
    as the run's first letter: "sage maker studio" -> "sagemaker studio", so a name after it is read as
    one after "SageMaker"."""
    for typed, word in corrections.items():
        if " " in typed:
            word = word.capitalize() if typed[0].isupper() else word
            question = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", word, question)
    return question


def asks_number(question: str) -> bool:
    """Does a question of up to NAMED_MAX_WORDS words ask for a number (NUMBER)? In an exam stem, "at
    least 10 GB" is scenery. A "how many / much / long / big" right after a word that does not open an
    amount asks for none either (opens_amount)."""
    if len(question.split()) > NAMED_MAX_WORDS:
        return False
    return any(m.group(0)[:4].lower() != "how " or opens_amount(question, m.start())
               for m in NUMBER.finditer(question))


def opens_amount(question: str, start: int) -> bool:
    """Does the how-clause at `start` ask for an amount: at the start, after punctuation, or after a word
    that opens one (AMOUNT_OPENERS)? Not "decide how big each step should be", nor "either how many … or
    how many real cases"."""
    before = question[:start].split()[-1:]  # the word before it, punctuation and all; none at the start
    return not (before and before[0].isalpha() and before[0].lower() not in AMOUNT_OPENERS)


def compact(text: str) -> str:
    """Lower case without spaces: how formulas are compared ("TP / (TP + FN)" == "tp/(tp+fn)")."""
    return re.sub(r"\s+", "", text.lower())


def formulas(question: str) -> list[str]:
    """The math expressions in a question, compacted, each side of an "=" on its own too; at least one
    of / + * ^ and two operands ("l1/l2" counts, "TF-IDF" does not)."""
    out: list[str] = []
    for m in FORMULA.finditer(question):
        whole = compact(m.group(0)).strip(".")
        for part in [whole, *whole.split("=")]:
            part = part.strip(".")
            if len(part) >= 3 and OPERATORS.search(part) and part not in out:
                out.append(part)
    return out


def shape(expression: str) -> str:
    """A formula with its operands written as x: numbers and operators stay, brackets and spaces go, and
    each run of words is one operand. "1 – (probability of class A)^2" and "1 - p(a)^2" are both
    "1-x^2", so a formula typed with other names still finds the one the notes write."""
    text = re.sub(r"[–—−]", "-", expression.lower()).replace("×", "*")
    out: list[str] = []
    for token in SHAPE_TOKEN.findall(re.sub(r"[()\[\]{}]", " ", text)):
        if not (token in "-/+*^" or re.fullmatch(r"\d+(?:\.\d+)?", token)):
            token = "x"
        if not (token == "x" and out and out[-1] == "x"):
            out.append(token)
    return "".join(out)


def _shaped(expression: str) -> bool:
    """Math, not hyphenated words: SHAPE_OPERATORS operators or more, one of them other than "-"."""
    return sum(expression.count(op) for op in "-/+*^") >= SHAPE_OPERATORS and bool(OPERATORS.search(expression))


def formula_shapes(question: str) -> list[str]:
    """The shapes of the question's formulas with at least SHAPE_OPERATORS operators, each side of an
    "=" on its own too: "gini = 1 - p1^2 - p2^2" gives "1-x^2-x^2"."""
    out: list[str] = []
    for m in SHAPED.finditer(question):
        for part in [m.group(0), *m.group(0).split("=")]:
            found = shape(part)
            if _shaped(found) and found not in out:
                out.append(found)
    return out


def written_shapes(text: str) -> set[str]:
    """The shapes of what notes text writes, clause by clause (lines split at ". ", ", ", "; ") and each
    side of an "=" on its own: "variance = (each point – mean)^2 / number of samples" gives "x-x^2/x"."""
    out: set[str] = set()
    text = re.sub(r"(?m)^\s*[-*+•]\s+", "", text)  # list bullets are no minus signs
    for clause in re.split(r"[.;,](?:\s|$)|\n", text):
        for part in clause.split("="):
            found = shape(part)
            if _shaped(found):
                out.add(found)
    return out


def _spelled_out(text: str, expansion: str) -> bool:
    return expansion.lower() in text.lower()


def comparison_sides(question: str) -> list[str] | None:
    """["X", "Y"] for "X vs Y", "X versus Y", "difference between X and Y", "X or Y"; else None (also for
    "is X A or B?", which is about X alone)."""
    q = question.strip()
    for pattern in COMPARISONS:
        m = pattern.match(q)
        if not m:
            continue
        a, b = m.group("a").strip(" ,:;"), m.group("b").strip(" ,:;")
        if pattern is COMPARISONS[-1] and (len(a.split()) > OR_SIDE_WORDS or len(b.split()) > OR_SIDE_WORDS
                                           or a.split()[0].lower() in YES_NO_OPENERS):
            return None
        if a and b and tok.tokenize(a) and tok.tokenize(b):
            return [a, b]
    return None
