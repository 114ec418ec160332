"""The BM25 tokenizer keeps technical terms whole and drops noise."""

import pytest

from indexer.tokenize import fold, tokenize


@pytest.mark.parametrize("text, kept", [
    ("when to use L1", ["l1"]),
    ("F1 score", ["f1", "score"]),
    ("TF-IDF", ["tf-idf", "tfidf", "tf", "idf"]),
    ("k-means clustering", ["k-means", "kmean"]),
    ("data in S3", ["s3"]),
    ("ml.p2.xlarge", ["ml.p2.xlarge", "p2"]),
    ("Kinesis Firehose!", ["kinesis", "firehose"]),
])
def test_keeps_technical_terms(text, kept):
    terms = tokenize(text)
    assert all(term in terms for term in kept), terms


def test_drops_stopwords_and_punctuation():
    assert tokenize("What is the, uh... ?!") == ["uh"]
    assert tokenize("what is it?") == []


@pytest.mark.parametrize("word, folded", [
    ("svms", "svm"), ("categories", "category"), ("classes", "class"), ("streams", "stream"),
    ("bias", "bias"), ("focus", "focus"), ("s3", "s3"), ("gas", "gas"),
])
def test_plural_folding(word, folded):
    assert fold(word) == folded


def test_query_and_notes_forms_meet():
    assert set(tokenize("tfidf")) & set(tokenize("TF-IDF"))
    assert set(tokenize("kmeans")) & set(tokenize("K-Means"))  # the joined form is folded as a typed word is
    assert set(tokenize("SVM")) & set(tokenize("SVMs"))


@pytest.mark.parametrize("plural, singular", [("AMIs", "AMI"), ("GPUs", "GPU"), ("CPUs", "CPU"), ("IDs", "ID")])
def test_an_acronyms_plural_meets_its_singular(plural, singular):
    assert tokenize(f"preloaded {plural}") == tokenize(f"preloaded {singular}")


def test_upper_case_words_ending_in_s_are_not_plurals():
    assert tokenize("AWS EMR and SQS") == ["aws", "emr", "sqs"]
    assert tokenize("the bus and gpus") == ["bus", "gpus"]  # lower case: no way to tell "gpus" from "bus"


def test_the_notes_have_the_same_terms_whether_or_not_nfkc_normalised_as_questions_are():
    import unicodedata

    from indexer.locate import bundled_corpus

    for path in bundled_corpus().glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert tokenize(unicodedata.normalize("NFKC", text)) == tokenize(text)
