"""asknotes' retrieval core: notes in, best-matching sections out."""

__version__ = "0.1.0"
