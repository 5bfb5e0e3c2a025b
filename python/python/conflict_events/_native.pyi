"""Type stubs of the extension module ``conflict_events._native`` (re-exported by the
package ``conflict_events``)."""

import datetime
import os
from typing import Any, Dict, Iterable, List, Optional, Union, final

__all__ = ["Extractor", "__version__", "extract"]

#: One event: a dict in the JSON of ``SCHEMA.md``, tagged by ``"type"`` (``"strike"``,
#: ``"casualty"``...), with ``"modality"``, ``"evidence"`` and the fields of its type.
#: Spans are byte offsets ``[start, end)`` into the UTF-8 text. (A name of the stubs only.)
_Event = Dict[str, Any]

#: A publication date: a ``datetime.date`` (a ``datetime.datetime`` gives its date), a
#: str ``"YYYY-MM-DD"``, or None; pandas' missing values (NaN, NaT) count as None.
#: (A name of the stubs only.)
_DateLike = Union[datetime.date, str, None]

__version__: str

def extract(text: str, date: _DateLike = None) -> List[_Event]:
    """The events of one article, with the built-in gazetteer, in the order the text
    tells them.

    ``date`` is the publication date; relative dates ("Tuesday", "yesterday") resolve
    against it. Raises ``TypeError`` when ``text`` is not a str, ``ValueError`` when
    ``date`` is a str that is not a date "YYYY-MM-DD".
    """

@final
class Extractor:
    """Reads articles and returns their events. Build one and reuse it: building reads
    the gazetteers. Safe to share between threads.

    ``gazetteer_tsv``: a path to a user gazetteer, a TSV file in the format of the
    built-in one, added to it. A malformed file raises ``ValueError`` naming the file, the
    line and the reason; a file that cannot be read raises ``OSError``.

    ``asserted_only``: keep only the events reported as having happened (modality
    ``"asserted"``); planned, hypothetical and denied ones are dropped.
    """

    def __new__(
        cls,
        gazetteer_tsv: Union[str, "os.PathLike[str]", None] = None,
        asserted_only: bool = False,
    ) -> "Extractor": ...
    def extract(self, text: str, date: _DateLike = None) -> List[_Event]:
        """The events of one article (see ``conflict_events.extract``)."""
    def extract_many(
        self,
        texts: Iterable[str],
        dates: Optional[Iterable[_DateLike]] = None,
        threads: Optional[int] = None,
    ) -> List[List[_Event]]:
        """The events of many articles: one list of events per text, in the order of
        ``texts``. ``dates`` is None or one date (or None) per text. Runs on ``threads``
        threads (None: one per core) with the interpreter released.

        Raises ``TypeError`` naming the first item that is not a str (``texts[3]``),
        ``ValueError`` when ``dates`` and ``texts`` differ in length or ``threads < 1``.
        """
