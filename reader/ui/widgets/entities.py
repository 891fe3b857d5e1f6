"""The Entities view: every person, organisation, place and other name, most mentioned first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from reader.ui.highlights import ENTITY_CLASS
from reader.ui.widgets.lists import SidebarList

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis, Entity

TYPE_STYLE = {
    "PERSON": "bold",
    "ORG": "bold italic",
    "LOC": "italic",
    "MISC": "",
}  # as in the article


class EntityList(SidebarList):
    """Enter selects an entity: its mentions stand out in the article, `}`/`{` step through them."""

    entities: list[Entity] = []

    def show(self, analysis: Analysis) -> None:
        self.entities = sorted(
            analysis.entities, key=lambda e: (-len(e.mentions), e.name.casefold())
        )
        self.fill([_prompt(e) for e in self.entities], "No entities found")


def _prompt(entity: Entity) -> Content:
    return Content.assemble(
        (entity.name, TYPE_STYLE.get(entity.type, "")),
        (f"  {ENTITY_CLASS.get(entity.type, 'other')} ×{len(entity.mentions)}", "dim"),
    )
