"""Errors the core raises; the CLI and the bot translate them for people."""


class AsknotesError(Exception):
    """Base class: every message says what went wrong and what to do next."""


class CorpusNotFound(AsknotesError):
    """The corpus path does not exist."""


class CorpusEmpty(AsknotesError):
    """The corpus holds no readable .md/.txt notes."""


class IndexCorrupt(AsknotesError):
    """An index file is missing, truncated or unreadable."""


class IndexIncompatible(AsknotesError):
    """The index was built with another format version or model."""


class IndexDirNotWritable(AsknotesError):
    """The index directory cannot be created or written."""


class ModelError(AsknotesError):
    """The embedding model cannot be loaded, or its weights do not match."""


class EmptyQuery(AsknotesError):
    """The question is empty or only whitespace."""


class AliasesError(AsknotesError):
    """The user's aliases file is not a YAML mapping of acronym -> expansion."""
