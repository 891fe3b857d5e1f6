"""Stage 5: the Speaker record of a chosen candidate, named as the reader should see it.

The name is always the linked entity's name (the fullest form the text uses), never a fragment
of the mention; a mention no entity backs keeps a name only when it is one ("TV host Tom Ode"
is Tom Ode), and a pronoun or role noun that ``coref`` could not link keeps no name.
"""

from __future__ import annotations

from reader.analysis.coref import display_name
from reader.analysis.model import Entity, Speaker
from reader.document.model import Span


def speaker(text: str, mention: Span | None, entity: Entity | None, sure: bool = True) -> Speaker:
    """The Speaker record: the entity's name, else the mention itself when it is a name; an
    unsure choice keeps its mention but no name."""
    if mention is not None and not sure:
        return Speaker(None, None, mention)
    if entity is not None:
        return Speaker(entity.id, entity.name, mention)
    if mention is None:
        return Speaker()
    return Speaker(None, display_name(text, mention), mention)
