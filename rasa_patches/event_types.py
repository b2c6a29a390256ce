"""Find an event's class by its name in a table, not by walking all event classes each time.

Rasa 3.6's Event.resolve_by_type walks every subclass of Event (recursively, checking each for
being abstract) for every stored event it reads back: with the SQL tracker store that happens
for every event of the conversation on every turn, about 7 ms per turn in a 10-turn
conversation (py-spy on bench/rest_bench.py). The table is built from the same walk, in the
same order, so the first class with a name still wins; a name that is not in it (an event class
defined later) makes it walk again, and falls back to Rasa's own answer.
"""

from __future__ import annotations

from typing import Optional

import rasa.shared.utils.common
from rasa.shared.core.events import Event

_original_resolve_by_type = Event.resolve_by_type
_table: dict[str, type] = {}


def _build_table() -> None:
    table: dict[str, type] = {}
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    _table.clear()
    _table.update(table)


def resolve_by_type(type_name: str, default: Optional[type] = None) -> Optional[type]:
    cls = _table.get(type_name)
    if cls is None:
        _build_table()
        cls = _table.get(type_name)
    if cls is None:
        return _original_resolve_by_type(type_name, default)
    return cls


def install() -> None:
    Event.resolve_by_type = staticmethod(resolve_by_type)
