"""var/review/voorstel.yml: one entry per group, for the maintainer to edit, keep or delete."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import yaml

KINDS = ("zoekvraag", "training", "vragenbank", "thesaurus", "afwijzen")

HEADER = """\
# Voorstel van make review ({made}). Per groep één voorstel; pas het aan, of verwijder het (dan komt de
# groep bij de volgende review terug). Daarna: make review-toepassen.
#   soort:   zoekvraag  → de vraag wordt een zoekvraag bij 'record' (knowledge/zoekvragen/; de makkelijkste
#                         oplossing: na make kb vindt het zoeken haar, zonder opnieuw te trainen)
#            training   → een trainingszin onder 'intent' in data/nlu/ (daarna traint make run opnieuw)
#            vragenbank → een vraag in tests/vragenbank/afstemmen/ die 'record' als antwoord verwacht
#                         (zonder record: een vraag die niet in de bronnen staat)
#            thesaurus  → 'woord' komt bij de woorden van begrip 'begrip' in knowledge/thesaurus.yml
#            afwijzen   → niets veranderen; de groep komt niet terug
#   vraag:   de tekst die wordt toegevoegd (mag je herschrijven; plaatshouders als [NAAM] gaan eruit)
#   record:  soort:id van het record, zoals in knowledge/zoekvragen/ ('het zoeken zou aanbieden' in de review)
#   intent:  ask_fondsen, ask_werkwijze, … (alleen bij training)
"""


def suggestion(g) -> dict:
    entry = {
        "groep": g.id,
        "vraag": g.question,
        "aantal": len(g.problems),
        "reden": ", ".join(g.reasons),
    }
    if g.offers and "niet gevonden" not in g.reasons:
        entry.update(soort="zoekvraag", record=g.offers[0][0])
        if len(g.offers) > 1:
            entry["andere_records"] = [key for key, _ in g.offers[1:]]
    else:
        # Not in the sources, or nothing close: most likely a question the assistant rightly cannot answer.
        entry.update(soort="afwijzen")
        if g.offers:
            entry["andere_records"] = [key for key, _ in g.offers]
    if g.intent:
        entry["intent"] = g.intent
    return entry


def write_proposal(path: Path, groups: list, made: datetime) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump([suggestion(g) for g in groups], allow_unicode=True, sort_keys=False, width=110)
    path.write_text(
        HEADER.format(made=made.strftime("%d-%m-%Y %H:%M UTC")) + (body if groups else "[]\n"), encoding="utf-8"
    )
