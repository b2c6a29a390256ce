"""Fund finder and free-text search latency: the real knowledge base, then with 10 000 local funds.

Run: make bench (or .venv/bot/bin/python bench/kb_bench.py). Prints p50/p99 per query kind and the
ratio of the large database against the real one, measured in the same run. Goal: fund finder
p99 ≤ 5 ms at 10 000 funds (SQLite).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import knowledge_dir  # noqa: E402
from bot.kb import KnowledgeBase  # noqa: E402
from bot.kb.load import load  # noqa: E402
from bot.kb.queries import make_engine  # noqa: E402
from bot.kb.validate import read_knowledge  # noqa: E402

LOCAL_FUNDS = 10_000
ROUNDS = 400
FUND_QUERIES = [
    ("fiets", "10", None, None),
    ("fietsen", None, None, None),
    ("laptop", "14", None, None),
    ("zwemles", "6", "ouders", None),
    ("contributie voetbal", "9", None, None),
    ("babyspullen", "baby", None, None),
    ("koelkast", None, None, None),
    ("schoolreisjes", "8", None, "Gemeente 17"),
    ("winterjas", "12", None, "Gemeente 420"),
    ("verjaardag", "7", None, "Gemeente 3"),
]
SEARCH_QUERIES = [
    "hoe begin ik over geldzorgen met een puber",
    "financieel spreekuur gezondheidscentrum",
    "warme overdracht toestemming",
    "wat is VoorZorg",
    "signalen armoede baby",
    "vragenlijst kleuters",
    "hoeveel kinderen groeien op in armoede",
    "sociale steun jonge moeders",
]


def generated_funds(needs: list[str], count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    funds = []
    for i in range(count):
        low = rng.choice([None, 0, 4, 6, 12])
        high = None if low is None else rng.choice([12, 17, 20])
        funds.append(
            {
                "id": f"lokaal-fonds-{i}",
                "naam": f"Lokaal fonds {i}",
                "beschrijving": "Gegenereerd voor de benchmark: lokale regeling voor gezinnen met weinig geld.",
                "behoeften": rng.sample(needs, k=min(3, len(needs))),
                "leeftijd_min": low,
                "leeftijd_max": high,
                "aanvragers": [rng.choice(["ouders", "intermediair", "hulpverlener"])],
                "gemeente": f"Gemeente {i % 500}",
                "bron": {"document": "handreiking", "pad": ["Bijlagen", "Overzicht fondsen"], "pagina": 69},
            }
        )
    return funds


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(fn, queries, rounds: int) -> tuple[float, float]:
    for q in queries:  # warm caches (need matcher, spaCy) before timing
        fn(q)
    samples = []
    for i in range(rounds):
        q = queries[i % len(queries)]
        start = time.perf_counter()
        fn(q)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), percentile(samples, 99)


def run(kb: KnowledgeBase) -> dict[str, tuple[float, float]]:
    return {
        "fondsenzoeker": measure(
            lambda q: kb.find_funds(q[0], age=q[1], applicant=q[2], gemeente=q[3]), FUND_QUERIES, ROUNDS
        ),
        "vrij zoeken": measure(lambda q: kb.search(q, limit=5), SEARCH_QUERIES, ROUNDS // 2),
    }


def main() -> int:
    base = read_knowledge(knowledge_dir())
    needs = [n["id"] for n in base.records["behoefte"]]
    big = read_knowledge(knowledge_dir(), extra={"fonds": generated_funds(needs, LOCAL_FUNDS)})
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, knowledge in (("echte kennisbank", base), (f"+{LOCAL_FUNDS} lokale fondsen", big)):
            url = f"sqlite:///{Path(tmp) / (str(len(results)) + '.sqlite')}"
            start = time.perf_counter()
            load(make_engine(url), knowledge)
            load_s = time.perf_counter() - start
            results[label] = run(KnowledgeBase.from_url(url))
            print(f"{label}: {len(knowledge.records['fonds'])} fondsen, laden {load_s:.1f} s")
    print(f"\n{'meting':16} {'database':28} {'p50 ms':>8} {'p99 ms':>8}")
    for label, figures in results.items():
        for kind, (p50, p99) in figures.items():
            print(f"{kind:16} {label:28} {p50:8.2f} {p99:8.2f}")
    (base_label, base_figs), (big_label, big_figs) = results.items()
    for kind in base_figs:
        print(
            f"verhouding {kind}: p50 x{big_figs[kind][0] / base_figs[kind][0]:.2f}, "
            f"p99 x{big_figs[kind][1] / base_figs[kind][1]:.2f} ({big_label} tegen {base_label})"
        )
    p99 = big_figs["fondsenzoeker"][1]
    verdict = "gehaald" if p99 <= 5 else "NIET gehaald"
    print(f"doel fondsenzoeker p99 <= 5 ms bij {LOCAL_FUNDS} fondsen: {p99:.2f} ms, {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
