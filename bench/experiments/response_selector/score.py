"""Top-1 and top-3 per method on the bank's `antwoord` turns: those with a Hoe-block among the
expected records, and all of them.

    .venv/bot/bin/python bench/experiments/response_selector/score.py [HALF] [--w 0.5] [--drempel 0.5]

Methods (whatever outputs of lexical.py and parse.py exist in /tmp/rs):
  lexicaal            bot.retrieval.search with the section hint (as the handler, without the intent's kind);
  lexicaal+kind       the same with the kind of the project model's intent as boost;
  diet / rs           the classifier's ranking (DIET over unit intents; ResponseSelector);
  (the combinations start from lexicaal+kind when measured, else from lexicaal)
  herschikt(<clf>)    the lexical top 10 and the classifier's top 10, scored score/best + w·confidence;
  zwak→<clf>          the lexical ranking when the handler would answer, else the classifier's;
  zeker→<clf>         the classifier's top 1 when its confidence ≥ drempel, then the lexical ranking.
On the held-out half only these aggregate figures are printed, nothing per question.
"""

from __future__ import annotations

import argparse

from common import OUT, key_of, read_json, turns_path

CLASSIFIERS = ("diet", "rs", "rs_text")


def record(key: str) -> str:
    return key.split("/", 1)[0]


def dedupe(keys: list[str]) -> list[str]:
    seen, out = set(), []
    for key in keys:
        if record(key) not in seen:
            seen.add(record(key))
            out.append(key)
    return out


def right(expected: list[str], shown: list[str], top: int) -> bool:
    from bot.beheer.vragenbank import matches

    return any(matches(e, s) for e in expected for s in shown[:top])


def classifier_ranking(row: dict) -> list[tuple[str, float]]:
    best: dict[str, tuple[str, float]] = {}
    for label, conf in row["ranking"]:
        key = key_of(label)
        if record(key) not in best or conf > best[record(key)][1]:
            best[record(key)] = (key, conf)
    return sorted(best.values(), key=lambda kc: -kc[1])


def reranked(lex: list, clf: list[tuple[str, float]], w: float) -> list[str]:
    top = lex[0][1] if lex else 1.0
    score: dict[str, float] = {}
    key_for: dict[str, str] = {}
    for key, s, _ in lex:
        score[record(key)] = s / top
        key_for[record(key)] = key
    for key, conf in clf:
        score[record(key)] = score.get(record(key), 0.0) + w * conf
        key_for.setdefault(record(key), key)
    return [key_for[r] for r in sorted(score, key=lambda r: -score[r])]


def methods(half: str, w: float, threshold: float) -> dict[str, dict[str, list[str]]]:
    lexical = {row["id"]: row for row in read_json(OUT / f"lexical_{half}.json")}
    out: dict[str, dict[str, list[str]]] = {
        "lexicaal": {i: [k for k, *_ in r["plain"]["ranking"]] for i, r in lexical.items()}
    }
    if all("kind" in r for r in lexical.values()):
        out["lexicaal+kind"] = {i: [k for k, *_ in r["kind"]["ranking"]] for i, r in lexical.items()}
    # The combinations start from what the handler does: with the kind hint when it was measured.
    base = "kind" if "lexicaal+kind" in out else "plain"
    lex_name = "lexicaal+kind" if base == "kind" else "lexicaal"
    for name in CLASSIFIERS:
        path = OUT / f"{name}_{half}.json"
        if not path.exists():
            continue
        clf = {row["id"]: classifier_ranking(row) for row in read_json(path)}
        out[name] = {i: [k for k, _ in c] for i, c in clf.items()}
        out[f"herschikt({name})"] = {i: reranked(lexical[i][base]["ranking"], clf[i], w) for i in clf}
        out[f"zwak→{name}"] = {
            i: (out[lex_name][i] if lexical[i][base]["choice"] == "answer" else dedupe(out[name][i] + out[lex_name][i]))
            for i in clf
        }
        out[f"zeker→{name}"] = {
            i: (dedupe([clf[i][0][0]] + out[lex_name][i]) if clf[i] and clf[i][0][1] >= threshold else out[lex_name][i])
            for i in clf
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("half", nargs="?", default="afstemmen")
    parser.add_argument("--w", type=float, default=0.5, help="gewicht van de zekerheid bij herschikken")
    parser.add_argument("--drempel", type=float, default=0.5, help="zekerheid vanaf waar de classificatie voorgaat")
    args = parser.parse_args()
    turns = read_json(turns_path(args.half))
    hoe = [t for t in turns if t["hoe"]]
    print(f"{args.half}: {len(hoe)} Hoe-beurten, {len(turns)} antwoord-beurten (w={args.w}, drempel={args.drempel})")
    print(f"{'methode':<22}{'hoe top-1':>14}{'hoe top-3':>14}{'alle top-1':>14}{'alle top-3':>14}")
    for name, shown in methods(args.half, args.w, args.drempel).items():
        cells = []
        for group in (hoe, turns):
            for top in (1, 3):
                n = sum(right(t["expected"], shown[t["id"]], top) for t in group)
                cells.append(f"{n}/{len(group)} {100 * n / len(group):.0f}%")
        print(f"{name:<22}" + "".join(f"{c:>14}" for c in cells))


if __name__ == "__main__":
    main()
