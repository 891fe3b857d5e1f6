"""The header line: title, date (marked when inferred), source and author."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from reader.document.model import Document

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis


class ArticleHeader(Static):
    """Metadata only; no clock, so screenshots stay the same from run to run."""

    def show(self, document: Document, analysis: Analysis | None = None) -> None:
        date = analysis.date if analysis else document.date
        inferred = analysis is not None and analysis.date_source == "inferred"
        parts: list[str | tuple[str, str]] = [(document.title or "Untitled", "bold")]
        details = [
            d
            for d in (
                f"{date} (inferred)" if date and inferred else date,
                document.author,
                document.source,
            )
            if d
        ]
        for detail in details:
            parts += [("  ·  ", "dim"), detail]
        self.update(Content.assemble(*parts))
