"""Which part of a message asks: professionals first describe a case, then ask about it.

"Vader betaalt alimentatie voor kinderen uit een eerdere relatie. Hoe ga ik hier nu mee om?" names a
fund word in the description ("betaalt") and asks how to handle it. The kind of record asked for
(questions.asked_kinds) is read from the asking sentences; everything else from the whole message, the
werkwijze section too ("we willen een groep beginnen. hoe houden we die betaalbaar?" asks for the
Voorwaarden: on the afstemdeel reading the section from the asking sentences alone gained nothing).
"""

from __future__ import annotations

import re

from .kb.text import normalize

# A question: it asks for something; else it only describes a situation ("moeder leent elke maand geld").
QUESTION_FORM = re.compile(
    r"^(en )?(wat|welke?|waar|wie|hoe|kan|kun|mag|moet|zijn|is|heeft|hebben|bestaat|"
    r"bestaan|zou|wanneer|waarom)\b|\b(wat|welke?|waar|wie|hoe|waarom|bestaat er|zijn er|is er|"
    r"(kan|kun|mag|moet) ik)\b"
)


def is_question(text: str) -> bool:
    """Whether the message asks something (else it only describes a situation)."""
    return "?" in text or bool(QUESTION_FORM.search(normalize(text)))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A request asks too, though it has no question form: "Ik zoek een fonds voor een fiets. Kun je me helpen?"
_REQUEST = re.compile(
    r"^(zoek|graag)\b|\b(ik|we|wij) (zoek|zoeken)\b|\bop zoek naar\b|\b(wil|willen) (graag )?weten\b|"
    r"\bvraag (ik )?(me|mij) af\b|\bben benieuwd\b"
)


# A clause that sets the scene for what is asked: "hoe leer ik een gezin kennen voordat ik ze een vragenlijst
# laat invullen?" asks how to get to know them, not for a questionnaire.
_SETTING = re.compile(r"\b(voordat|voor dat|nadat|zodat|terwijl|zonder dat)\b[^.?!,;]*", re.IGNORECASE)


def asking_part(text: str) -> str:
    """The sentences of a message that ask, when others only describe: "Vader betaalt alimentatie voor
    kinderen uit een eerdere relatie. Hoe ga ik hier nu mee om?" asks how, though "betaalt" is a fund word.
    Without the clauses that only set the scene ("… voordat ik ze een vragenlijst laat invullen")."""
    sentences = _SENTENCE_END.split(text.strip())
    asking = [s for s in sentences if is_question(s) or _REQUEST.search(normalize(s))]
    part = " ".join(asking) if asking and len(asking) < len(sentences) else text
    return _SETTING.sub(" ", part).strip() or part
