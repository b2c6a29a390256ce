"""`make review`: the questions that went wrong, grouped, in the terminal, as a page and as a proposal.

Reads the conversation store (TRACKER_STORE_URL), refuses a store that holds unredacted texts
(redaction_check.py), finds the turns that went wrong (problems.py), groups them (groups.py), adds
the records retrieval would offer (offers.py) and writes var/rapport/review.html and
var/review/voorstel.yml. Only stored texts are shown, and those are redacted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape

from .groups import Group, group, not_handled, read_handled, write_groups
from .page import page
from .paths import Paths
from .problems import REASONS, problems
from .proposal import write_proposal
from .redaction_check import refusal, unredacted
from .turns import read_turns


class Refused(Exception):
    """The store holds unredacted texts; the message says so without showing them."""


@dataclass
class Review:
    groups: list[Group]
    turns: int  # user turns read
    days: int | None
    store: str
    made: datetime


def review(store_url, store_name: str, paths: Paths, days: int | None, kb=None) -> Review:
    since = time.time() - days * 86400 if days else 0.0
    turns = read_turns(store_url, since)
    found = unredacted(turns)
    if found:
        raise Refused(refusal(found, store_name))
    groups = not_handled(group(problems(turns)), read_handled(paths.handled))
    if groups:
        from .offers import knowledge_base, offers

        kb = kb or knowledge_base()
        for g in groups:
            g.offers = offers(kb, g.question, g.intent)
    return Review(groups, len(turns), days, store_name, datetime.now(timezone.utc))


def _date(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def _period(result: Review) -> str:
    return f"de laatste {result.days} dagen" if result.days else "alle bewaarde gesprekken"


def terminal(result: Review) -> str:
    lines = [
        f"Review van {result.store}, {_period(result)}: {result.turns} bericht(en) gelezen, "
        f"{len(result.groups)} groep(en) vragen die misgingen (nieuwste eerst)."
    ]
    for n, g in enumerate(result.groups, 1):
        lines.append("")
        lines.append(f"{n}. [{g.id}] {g.question}")
        for other in g.texts[1:]:
            lines.append(f"     ook: {other}")
        period = _date(g.last) if g.first == g.last else f"{_date(g.first)} – {_date(g.last)}"
        lines.append(f"   {len(g.problems)}× · {period} · " + "; ".join(REASONS[r] for r in g.reasons))
        if g.handled_before:
            lines.append(f"   eerder afgehandeld op {g.handled_before}, maar daarna weer misgegaan")
        lines.append("   antwoord: " + g.answer.replace("\n", "\n             "))
        offered = ", ".join(f"{title} ({key})" for key, title in g.offers) or "niets"
        lines.append(f"   het zoeken zou aanbieden: {offered}")
    return "\n".join(lines)


def html(result: Review) -> str:
    intro = (
        f'<p class="note">{escape(result.store)}, {escape(_period(result))}: {result.turns} bericht(en) gelezen, '
        f"{len(result.groups)} groep(en) vragen die misgingen, nieuwste eerst. Gemaakt op {_date(result.made)}. "
        "De teksten zijn zoals ze bewaard zijn: geredigeerd. Het voorstel staat in var/review/voorstel.yml.</p>"
    )
    if not result.groups:
        return page("Review: wat ging er mis", intro + "<p>Niets gevonden dat misging.</p>")
    rows = []
    for g in result.groups:
        questions = "<br>".join(escape(t) for t in g.texts)
        when = escape(_date(g.last) if g.first == g.last else f"{_date(g.first)} – {_date(g.last)}")
        reasons = "".join(f'<span class="reason">{escape(REASONS[r])}</span>' for r in g.reasons)
        if g.handled_before:
            reasons += f'<br><span class="bad">eerder afgehandeld op {escape(g.handled_before)}</span>'
        offered = "<br>".join(f"{escape(title)} <code>{escape(key)}</code>" for key, title in g.offers) or "niets"
        rows.append(
            f"<tr><td><code>{g.id}</code></td><td>{questions}</td><td>{len(g.problems)}</td><td>{when}</td>"
            f'<td>{reasons}</td><td class="answer">{escape(g.answer)}</td><td>{offered}</td></tr>'
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "groep",
            "vraag",
            "aantal",
            "wanneer",
            "wat ging mis",
            "antwoord van de assistent",
            "het zoeken zou aanbieden",
        )
    )
    return page("Review: wat ging er mis", intro + f"<table>\n<tr>{head}</tr>\n" + "\n".join(rows) + "\n</table>")


def write(result: Review, paths: Paths) -> list:
    paths.reports.mkdir(parents=True, exist_ok=True)
    report = paths.reports / "review.html"
    report.write_text(html(result), encoding="utf-8")
    write_groups(paths.groups, result.groups)
    write_proposal(paths.proposal, result.groups, result.made)
    return [report, paths.proposal]
