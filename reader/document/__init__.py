"""Sources (files, URLs, stdin) turned into one canonical ``Document``; pure, no UI."""

from reader.document.model import Block, Document, Span

__all__ = ["Block", "Document", "Span"]
