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
import sys
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import KNOWLEDGE_DIR
from bot.conversations import ConversationStore, last_turn, slot_value
from bot.kb.text import content_words, keys
from bot.kb.validate import read_knowledge
from tests.stack import Chat, Stack
from tests.vragenbank.bank import HALVES, Case, Turn, matches, read_bank
from tests.vragenbank.records import record_names, record_texts

LEADS = 3  # a reply "leads with" a record when it is among the first three it shows
ANSWER_KINDS = ("fonds", "hoe", "werkwijze")


@dataclass
class TurnResult:
    case: Case
    index: int
    turn: Turn
    records: list[str]
    text: str
    buttons: list[str]
    right: bool = False
    baseline_right: bool | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def clarified(self) -> bool:
        """Asked back: options offered, no sourced answer given."""
        return bool(self.buttons) and "Bron" not in self.text


def judge(result: TurnResult, texts: dict[str, str]) -> None:
    turn, shown = result.turn, result.records
    if turn.kind == "antwoord":
        result.right = any(matches(e, r) for e in turn.expected for r in shown[:LEADS])
    elif turn.kind == "verduidelijken":
        result.right = result.clarified and (
            not turn.expected or any(matches(e, r) for e in turn.expected for r in shown)
        )
    else:
        result.right = not shown or result.clarified
        if not result.clarified and any(r.split(":", 1)[0] in ANSWER_KINDS for r in shown):
            result.problems.append("antwoord met een fonds of werkwijze op een vraag die niet in de bronnen staat")
    # Never answer from a record that shares nothing with the question (first turns: later ones lean on context).
    if result.index == 0 and shown and not result.clarified:
        asked = {k for w in content_words(turn.question) for k in keys(w)}
        body = {k for w in content_words(texts.get(shown[0], "")) for k in keys(w)}
        if asked and not asked & body:
            result.problems.append(f"antwoord uit {shown[0]}, dat geen inhoudswoord met de vraag deelt")


def ask(base_url: str, store: ConversationStore, cases: list[Case], texts: dict[str, str]) -> list[TurnResult]:
    run = uuid.uuid4().hex[:6]
    results = []
    for case in cases:
        chat = Chat(base_url, f"vragenbank-{case.id}-{run}")
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
            judge(result, texts)
            results.append(result)
    return results


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
    scored = [r for r in results if r.baseline_right is not None]
    if scored:
        ours = sum(not r.right for r in scored)
        theirs = sum(not r.baseline_right for r in scored)
        print(
            f"\nEnkele kennisvragen ({len(scored)}): assistent {_pct(len(scored) - ours, len(scored))}, "
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
        results = ask(url, store, cases, texts)
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
