"""Reads war news and returns typed, explainable events as dicts.

``extract(text, date=None)`` reads one article with the built-in gazetteer;
``Extractor(gazetteer_tsv=None, asserted_only=False)`` adds a user gazetteer, keeps only
asserted events if asked, and reads many articles on several threads with
``extract_many``. Each event is a dict in the JSON of the Rust crate (``SCHEMA.md``).
"""

from ._native import Extractor, __version__, extract

__all__ = ["Extractor", "__version__", "extract"]
