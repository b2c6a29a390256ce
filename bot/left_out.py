"""Records a question names in order to leave them out: "wij hebben geen Leergeld in onze gemeente, wat
zijn dan alternatieven?", "bestaat er naast Girls Talk ook zoiets voor jongens?". The name is no subject
of the question; the answer is about the rest of it, without that record.
"""

from __future__ import annotations

import re

from .kb import KnowledgeBase
from .kb.text import words

# What puts a name aside; a name counts when it follows within a few words ("geen Leergeld", "naast de
# Girls Talk", "zoiets als Girls Talk maar dan voor jongens"). Not "zonder": "Stevig Ouderschap zonder
# indicatie" is about Stevig Ouderschap; nor "zoiets als" without a "maar": then it may be that one.
_ASIDE = re.compile(
    r"\b(geen|niet via|niet bij|niet naar|naast|behalve|anders dan|in plaats van|ipv"
    r"|(?:zo)?iets\s+(?:vergelijkbaars\s+)?als(?=[^.?!]*\bmaar\b))\s+((?:de|het|een)\s+)?",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 5
# "niet bij X terecht kunt", "niet bij X aan kan kloppen": whether X takes someone, a question about X.
# Only in a clause "dat …"/"of …": "wij kunnen niet bij Leergeld terecht, wat dan?" does leave Leergeld out.
_THAT_CLAUSE = re.compile(r"\b(dat|of)\b[^.?!,;]*$", re.IGNORECASE)
_CAN_GO_THERE = re.compile(
    r"\s+(\w+\s+)?(terecht|aankloppen|aan\s+kloppen|aanmelden|kunnen|kan|kunt|mag|mogen)\b", re.IGNORECASE
)
# "als hun gemeente geen witgoedregeling heeft", "geen kledingbank in onze wijk": a name in lower case after
# "geen" counts where the question says a place lacks it; "die geen extra kraamuren kunnen betalen" is a
# lack, not a name.
_PLACE_WORDS = r"(gemeente|regio|buurt|wijk|stad|dorp|omgeving)"
_PLACE_LACKS = re.compile(rf"\b{_PLACE_WORDS}\s+(\w+\s+)?geen\s+$", re.IGNORECASE)  # "hun gemeente (heeft) geen"
_IN_PLACE = re.compile(rf"^[\w\s'’-]*?\b(in|bij) (de|onze|hun|mijn|jullie|die|deze) {_PLACE_WORDS}\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w&'’-]*")
# What puts a name aside after it: "Leergeld kan niet meer vanwege zijn leeftijd", "Jarige Job doet dat
# niet", "Leergeld heeft hem afgewezen"; the name is the few capitalised words right before.
_REFUSED = re.compile(
    r"\s+(?:(?:kan|kon|kunnen|mag|doet|deed|helpt|werkt|vergoedt|betaalt|geeft)\s+(?:(?:hier|dat|het|hem|haar|"
    r"hen|ze|ons|dit|dus|ook|nu)\s+)?(?:niet|geen|niks)\b|(?:valt|viel)\s+af\b|(?:heeft|had)\s+(?:\w+\s+){0,5}afgewezen\b|"
    r"(?:is|was)\s+(?:al\s+)?(?:afgewezen|vol|gestopt)\b|"
    # "Leergeld hebben we al geprobeerd": tried already, so something else is wanted
    r"(?:(?:hebben|heb|heeft|had|hadden)\s+(?:we|wij|ik|ze|zij|hij|jullie)\s+|is\s+|zijn\s+)?al\s+geprobeerd\b)",
    re.IGNORECASE,
)


def left_out(kb: KnowledgeBase, text: str) -> tuple[str, list[str]]:
    """The text without the names it leaves out, and those records ("kind:id")."""
    keys: list[str] = []
    cuts: list[tuple[int, int]] = []
    for m in _ASIDE.finditer(text):
        following = list(_WORD.finditer(text, m.end()))[:_MAX_NAME_WORDS]
        # The shortest run of words that names a record, then on over the words of its name.
        named, n = [], 0
        while n < len(following) and not named:
            n += 1
            named = kb.find_named(text[m.end() : following[n - 1].end()])
        # "geen Leergeld in onze gemeente" leaves a fund out; "geen extra kraamuren" is a lack, not a name.
        lower = not following[0].group()[:1].isupper()
        lacking_place = _PLACE_LACKS.search(text[: m.end()]) or _IN_PLACE.match(text[m.end() :])
        if not named or (m.group(1).lower() == "geen" and lower and not lacking_place):
            continue
        name_words = {w for kind, rid in named for w in words(getattr(kb.record(kind, rid), "name", "") or "")}
        while n < len(following) and (set(words(following[n].group())) <= name_words | {"&"}):
            n += 1
        if (
            m.group(1).lower().startswith("niet")
            and _CAN_GO_THERE.match(text[following[n - 1].end() :])
            and _THAT_CLAUSE.search(text[: m.start()])
        ):
            continue  # "klopt het dat je niet bij Dress for Success terecht kunt?" asks about it
        keys += [f"{kind}:{rid}" for kind, rid in named if f"{kind}:{rid}" not in keys]
        cuts.append((m.start(), following[n - 1].end()))
    for m in _REFUSED.finditer(text):
        before = list(_WORD.finditer(text[: m.start()]))[-_MAX_NAME_WORDS:]
        # The shortest run of words right before that names a record, then back over the words of its name.
        for k in range(len(before) - 1, -1, -1):
            named = kb.find_named(text[before[k].start() : m.start()])
            if not named:
                continue
            name_words = {w for kind, rid in named for w in words(getattr(kb.record(kind, rid), "name", "") or "")}
            while k > 0 and set(words(before[k - 1].group())) <= name_words:
                k -= 1
            if before[k].group()[:1].isupper():
                keys += [f"{kind}:{rid}" for kind, rid in named if f"{kind}:{rid}" not in keys]
                cuts.append((before[k].start(), m.start()))
            break
    cuts.sort()
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return (re.sub(r"\s{2,}", " ", text).strip(), keys) if keys else (text, [])


# "Geen fonds deze keer, echt iets om andere ouders te leren kennen", "geen fonds voor spullen, maar iets
# om …": the question turns funds down as a kind and asks what else the handreiking offers. Only where
# "geen fonds" opens a clause or is followed by "maar": "is er geen fonds voor een fiets?" asks for one.
_FUNDS_TURNED_DOWN = re.compile(
    r"(?:^|[.,;:!?]\s*)(?:geen|niet)\s+(?:een\s+|via\s+een\s+)?fonds(?:en)?\b"
    r"|\b(?:geen|niet\s+(?:via\s+)?een)\s+fonds(?:en)?\b(?=[^.?!]{0,30}?\bmaar\b)",
    re.IGNORECASE,
)


def funds_turned_down(text: str) -> str | None:
    """The question without the words that turn funds down; None when it does not turn them down."""
    if not _FUNDS_TURNED_DOWN.search(text):
        return None
    return re.sub(
        r"\s{2,}", " ", _FUNDS_TURNED_DOWN.sub(lambda m: m.group()[:1] if m.group()[:1] in ".,;:!?" else " ", text)
    ).strip()
