"""The records that queries return: plain, immutable, each with its citation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    document: str
    path: tuple[str, ...]
    page: int | None = None
    url: str | None = None

    def render(self) -> str:
        """'Handreiking … › Bijlagen › Overzicht fondsen (p. 69)'."""
        text = " › ".join((self.document, *self.path))
        return f"{text} (p. {self.page})" if self.page else text


@dataclass(frozen=True)
class Fund:
    id: str
    name: str
    description: str
    min_age: float | None
    max_age: float | None
    age_text: str | None
    applicants: tuple[str, ...]
    how_to_apply: str | None
    local_conditions: str | None
    gemeente: str | None
    url: str | None
    citation: Citation


@dataclass(frozen=True)
class FundSearch:
    """The fund finder's answer: what it understood and the funds, most relevant first."""

    needs: tuple[str, ...]  # need names understood from the question
    unknown_need: str | None  # the need text when nothing in behoeften.yml matched it
    age_label: str | None
    applicant: str | None
    gemeente: str | None
    funds: tuple[Fund, ...]
    age_matters: bool = False  # the stated age ranges of the candidates differ
    # None of the need's funds names the asked applicant: these are the need's funds, for others to apply for.
    other_applicants: bool = False


@dataclass(frozen=True)
class HoeBlock:
    id: str
    werkwijze_id: str
    werkwijze_name: str
    title: str
    intro: str | None
    points: tuple[str, ...]
    age_groups: tuple[str, ...]
    mentions: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True)
class Werkwijze:
    id: str
    name: str
    category: str
    position: int
    wat: str
    waarom: str
    samenwerken: str | None
    voorwaarden: str | None
    quotes: tuple[dict, ...]
    citation: Citation
    blocks: tuple[HoeBlock, ...] = field(default=())


@dataclass(frozen=True)
class Signal:
    id: str
    target: str
    category: str
    text: str
    age_groups: tuple[str, ...]
    citation: Citation


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    age_groups: tuple[str, ...]
    min_age: float | None
    max_age: float | None
    target_text: str | None
    what: str
    who: str | None
    url: str | None
    citation: Citation


@dataclass(frozen=True)
class Entry:
    """An interventie, organisatie, voorbeeld, aanpak, feit or achtergrond record."""

    kind: str
    id: str
    name: str
    summary: str
    text: str | None
    points: tuple[str, ...]
    age_groups: tuple[str, ...]
    gemeente: str | None
    url: str | None
    citation: Citation


Record = Fund | Werkwijze | HoeBlock | Signal | Instrument | Entry


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: str
    title: str
    score: float
    record: Record
