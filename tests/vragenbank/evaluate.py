"""`make eval`: every question of the bank, end to end over REST, against the running assistant.

Each case is one conversation (its own sender id). After each turn the records the reply led
with are read back from the conversation store (slot getoonde_records, set by every answer), so
what is scored is what the trained model, the rules, the actions and the knowledge base did
together — not intent F1. The same single-turn questions go to a BM25 search over the source
texts, measured in the same run, as the peer baseline.

    python -m tests.vragenbank.evaluate                 # starts the stack like `make run`
    python -m tests.vragenbank.evaluate --url http://127.0.0.1:5005 --store sqlite:///var/gesprekken.sqlite
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bot.beheer.vragenbank import HALVES, Case, Turn, matches, read_bank
from bot.config import KNOWLEDGE_DIR
from bot.conversations import ConversationStore, last_turn, slot_value
from bot.kb.ages import parse_fase
from bot.kb.text import content_words, keys
from bot.kb.thesaurus import thesaurus
from bot.kb.validate import read_knowledge
from tests.stack import Chat, Stack
from tests.vragenbank.records import record_age_groups, record_names, record_texts

LEADS = 3  # a reply "leads with" a record when it is among the first three it shows
ANSWER_KINDS = ("fonds", "hoe", "werkwijze")
# Conversations asked side by side. Each conversation stays one turn after the other and answers do not
# depend on other conversations: the afstemdeel (2069 turns) gave the same list of wrong answers as one at
# a time, in 53 s on two cores (06-12-2026). A turn stays far below the 10 s reply timeout.
AT_ONCE = 6


@dataclass
class TurnResult:
    case: Case
    index: int
    turn: Turn
    records: list[str]
    text: str
    buttons: list[str]
    right: bool = False
    right_by_either: bool = False  # right by the writer's `verwacht` or by the second reader's list
    baseline_right: bool | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def clarified(self) -> bool:
        """Asked back: options offered, no sourced answer given."""
        return bool(self.buttons) and "Bron" not in self.text


def judge(result: TurnResult, texts: dict[str, str], ages: dict[str, set[str]] | None = None) -> None:
    turn, shown = result.turn, result.records
    if turn.kind == "antwoord":
        result.right = any(matches(e, r) for e in turn.expected for r in shown[:LEADS])
        result.right_by_either = result.right or any(matches(e, r) for e in turn.also_right for r in shown[:LEADS])
    elif turn.kind == "verduidelijken":
        result.right = result.clarified and (
            not turn.expected or any(matches(e, r) for e in turn.expected for r in shown)
        )
    else:
        result.right = not shown or result.clarified
    if turn.kind != "antwoord":
        result.right_by_either = result.right
    if turn.kind == "niet_in_bronnen":
        if not result.clarified and any(r.split(":", 1)[0] in ANSWER_KINDS for r in shown):
            result.problems.append("antwoord met een fonds of werkwijze op een vraag die niet in de bronnen staat")
    # Never answer from a record that shares nothing with the question (first turns: later ones lean on context).
    if (
        result.index == 0
        and shown
        and not result.clarified
        and not shares_content(turn.question, texts.get(shown[0], ""), _vocabulary(texts))
        and parse_fase(turn.question) not in (ages or {}).get(shown[0], set())
    ):
        result.problems.append(f"antwoord uit {shown[0]}, dat geen inhoudswoord of begrip met de vraag deelt")


_VOCABULARIES: dict[int, frozenset[str]] = {}


def _vocabulary(texts: dict[str, str]) -> frozenset[str]:
    """Every word key of the knowledge base's records."""
    if id(texts) not in _VOCABULARIES:
        _VOCABULARIES[id(texts)] = frozenset(k for t in texts.values() for w in content_words(t) for k in keys(w))
    return _VOCABULARIES[id(texts)]


def shares_content(question: str, record_text: str, vocabulary: frozenset[str] = frozenset()) -> bool:
    """Whether the record's own text has a content word of the question — as a word, or for a
    compound the knowledge base does not have, as its head or modifier ("energierekening" →
    rekening), as retrieval reads it — or a thesaurus concept the question names (its words in the
    sources). Zoekvragen do not count: they link a question to a record, they are not its content."""
    body = {k for w in content_words(record_text) for k in keys(w)}
    numbers = set(_number_words(record_text)) | {n for n, word in _NUMBERS.items() if word in body}
    if numbers & set(_number_words(question)):
        return True  # "na hun 4e" and "vanaf vier jaar" or "vanaf het 4e levensjaar"
    asked = [w for w in content_words(question) if len(w) >= 3]
    if not asked:
        return True
    if any(keys(w) & body for w in asked):
        return True
    unknown = [w for w in asked if not keys(w) & vocabulary]
    if any(part in body for w in unknown for part in compound_parts(w)):
        return True
    return any(
        keys(word) & body
        for concept in thesaurus().find(question)
        for phrase in concept.source_words
        for word in content_words(phrase)
    )


_NUMBERS = dict(
    zip(
        [str(n) for n in range(1, 21)],
        "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
        "zeventien achttien negentien twintig".split(),
        strict=True,
    )
)


def _number_words(text: str) -> list[str]:
    """The numbers in a text, ordinals as their number ("4e" → "4")."""
    return re.findall(r"\b(\d{1,2})(?:e|de|ste)?\b", text)


def compound_parts(word: str) -> list[str]:
    """The head and modifier of a compound, each of four letters or more ("energierekening")."""
    return [p for i in range(4, len(word) - 3) for p in (word[i:], word[:i]) if len(p) >= 4]


def ask(
    base_url: str,
    store: ConversationStore,
    cases: list[Case],
    texts: dict[str, str],
    ages: dict[str, set[str]] | None = None,
) -> list[TurnResult]:
    """Every case in its own conversation, AT_ONCE conversations at a time; results in the bank's order."""
    run = uuid.uuid4().hex[:6]

    def conversation(case: Case) -> list[TurnResult]:
        chat = Chat(base_url, f"vragenbank-{case.id}-{run}")
        results = []
        for index, turn in enumerate(case.turns):
            messages = chat.say(turn.question)
            turn_events = last_turn(store.events(chat.sender))
            result = TurnResult(
                case,
                index,
                turn,
                list(slot_value(turn_events, "getoonde_records") or []),
                "\n".join(m.get("text", "") for m in messages),
                [b.get("title", "") for m in messages for b in m.get("buttons") or []],
            )
            judge(result, texts, ages)
            results.append(result)
        return results

    with ThreadPoolExecutor(AT_ONCE) as pool:
        return [result for results in pool.map(conversation, cases) for result in results]


def score_baseline(results: list[TurnResult], baseline) -> None:
    for result in results:
        if result.index == 0 and len(result.case.turns) == 1 and result.turn.kind == "antwoord":
            result.baseline_right = baseline.right(result.turn.question, result.turn.expected)


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} goed ({100 * right / total:.0f} %)" if total else "0/0"


def summary_line(results: list[TurnResult]) -> str:
    held = [r for r in results if r.case.half == "vastgehouden"]
    return (
        f"vragenbank: {_pct(sum(r.right for r in results), len(results))} · "
        f"vastgehouden deel: {_pct(sum(r.right for r in held), len(held))}"
    )


def report(results: list[TurnResult], out=sys.stdout, show_held_out: bool = False) -> None:
    def table(title: str, key) -> None:
        groups: dict[str, list[TurnResult]] = defaultdict(list)
        for r in results:
            groups[key(r)].append(r)
        print(f"\n{title}", file=out)
        for name in sorted(groups):
            group = groups[name]
            print(f"  {name:<28} {_pct(sum(r.right for r in group), len(group))}", file=out)

    wrong = [r for r in results if not r.right or r.problems]
    held = [r for r in wrong if r.case.half == "vastgehouden"]
    print(
        f"\nFout of twijfelachtig ({len(wrong)}; de {len(held)} uit het vastgehouden deel worden geteld, "
        "niet getoond: wat getoond wordt, wordt op afgestemd):",
        file=out,
    )
    for r in wrong:
        if r.case.half == "vastgehouden" and not show_held_out:
            continue
        shown = ", ".join(r.records[:LEADS]) or ("(verduidelijking)" if r.clarified else "(geen record)")
        print(
            f"  [{r.case.half[:5]}] {r.case.id}/{r.index + 1} {r.turn.kind}: {r.turn.question!r}\n"
            f"      verwacht {', '.join(r.turn.expected) or '-'}; kreeg {shown}"
            + "".join(f"\n      ! {p}" for p in r.problems),
            file=out,
        )
    table("Per soort:", lambda r: r.case.topic)
    table("Per rol:", lambda r: r.case.role)
    table("Per deel:", lambda r: HALVES[r.case.half])
    # What a right score costs: how often the assistant asked back, and how often it answered wrongly
    # without asking (the answers that cost trust).
    print("\nHoe het antwoordde, per deel:", file=out)
    for half, name in HALVES.items():
        turns = [r for r in results if r.case.half == half]
        asked = sum(r.clarified for r in turns)
        confident_wrong = sum(not r.right and not r.clarified and bool(r.records) for r in turns)
        if turns:
            print(
                f"  {name:<28} teruggevraagd {asked}/{len(turns)} ({100 * asked / len(turns):.0f} %) · "
                f"zeker maar fout {confident_wrong}/{len(turns)} ({100 * confident_wrong / len(turns):.0f} %)",
                file=out,
            )
    # One writer names one or a few right records; a blind second reader (tweede_lezer/) often names
    # more. Right by either reader, next to the writers' own figure: how much of the gap is the bank's.
    print("\nMet de tweede lezer (goed als een van beide lezers het record noemt), per deel:", file=out)
    for half, name in HALVES.items():
        turns = [r for r in results if r.case.half == half]
        read = [r for r in turns if r.turn.also_right]  # questions added later have no second judgement yet
        agree = sum(
            any(matches(e, x) or matches(x, e) for e in r.turn.expected for x in r.turn.also_right) for r in read
        )
        wrong = sum(not r.right_by_either and not r.clarified and bool(r.records) for r in turns)
        if turns:
            print(
                f"  {name:<28} {_pct(sum(r.right_by_either for r in turns), len(turns))} · "
                f"zeker maar fout volgens beide {wrong}/{len(turns)} ({100 * wrong / len(turns):.0f} %) · "
                f"de tweede lezer noemt een record van de schrijver bij {agree}/{len(read)} beurten",
                file=out,
            )
    # Per half too: the aim is about the held-out half (at most a fifth of BM25's wrong answers).
    for label, half in (("", None), *((f", {HALVES[h]}", h) for h in HALVES)):
        scored = [r for r in results if r.baseline_right is not None and half in (None, r.case.half)]
        if not scored:
            continue
        ours = sum(not r.right for r in scored)
        theirs = sum(not r.baseline_right for r in scored)
        print(
            ("\n" if half is None else "")
            + f"Enkele kennisvragen{label} ({len(scored)}): assistent {_pct(len(scored) - ours, len(scored))}, "
            f"BM25 over de bronnen (top {LEADS} passages) {_pct(len(scored) - theirs, len(scored))}; "
            f"fouten assistent/BM25 = {ours}/{theirs}" + (f" = {ours / theirs:.2f}" if theirs else ""),
            file=out,
        )
    print(summary_line(results), file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="De vragenbank end-to-end over REST (make eval).")
    parser.add_argument("--url", help="Rasa's adres; zonder: start de assistent zoals make run")
    parser.add_argument("--store", help="TRACKER_STORE_URL van die assistent (nodig met --url)")
    parser.add_argument("--deel", choices=list(HALVES), action="append", help="alleen dit deel (herhaalbaar)")
    parser.add_argument("--zonder-bm25", action="store_true", help="sla de vergelijking met BM25 over")
    parser.add_argument(
        "--toon-vastgehouden",
        action="store_true",
        help="toon ook de fouten uit het vastgehouden deel (alleen om te controleren, niet om op af te stemmen)",
    )
    args = parser.parse_args(argv)
    knowledge = read_knowledge(KNOWLEDGE_DIR)
    texts = record_texts(knowledge)
    cases = read_bank(halves=tuple(args.deel or HALVES))
    stack = None
    if args.url:
        if not args.store:
            parser.error("--store hoort bij --url: waar die assistent de gesprekken bewaart")
        url, store_url = args.url, args.store
    else:
        state = Path(tempfile.mkdtemp(prefix="vragenbank-"))
        stack = Stack(state, 5806)
        print(">> Assistent starten zoals make run (traint zo nodig)…", flush=True)
        stack.start()
        url, store_url = stack.url, f"sqlite:///{state / 'gesprekken.sqlite'}"
    store = ConversationStore(store_url)
    try:
        results = ask(url, store, cases, texts, record_age_groups(knowledge))
    finally:
        store.close()
        if stack:
            stack.stop()
    if not args.zonder_bm25:
        from tests.vragenbank.baseline import Bm25Baseline, sources_dir

        try:
            score_baseline(results, Bm25Baseline(sources_dir(), texts, record_names(knowledge)))
        except FileNotFoundError as exc:
            print(f"(geen BM25-vergelijking: {exc})")
    report(results, show_held_out=args.toon_vastgehouden)
    return 0


if __name__ == "__main__":
    sys.exit(main())
