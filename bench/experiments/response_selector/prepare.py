"""Training data and configs for the classifiers of this experiment, from knowledge/zoekvragen only
(never from the question bank), plus the bank turns they are scored on.

    .venv/bot/bin/python bench/experiments/response_selector/prepare.py [--epochs 60] [--text-epochs 20]

Writes in /tmp/rs (RS_OUT):
  diet/    intents = unit keys ("hoe__bespreken-jongeren"), a DIETClassifier as in config.yml;
  rs/      one retrieval intent situatie/<unit key> per unit, a ResponseSelector (label: the key);
  rs_text/ the same, the label being the response: the unit's own text (title and fields), so it
           learns question ↔ answer text;
  turns_afstemmen.json, turns_vastgehouden.json  the `antwoord` turns of each half.
"""

from __future__ import annotations

import argparse
import re
import tempfile

import yaml
from common import OUT, bank_turns, intent_name, turns_path, write_json

FEATURIZERS = [
    {"name": "WhitespaceTokenizer"},
    {"name": "LexicalSyntacticFeaturizer"},
    {"name": "CountVectorsFeaturizer"},
    {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 5},
]
# Words of a unit's text given to the ResponseSelector as its response: enough to say what it is about.
# Short: with the text as label every training step encodes all 419 responses (about 1.5 min an epoch at 80).
RESPONSE_WORDS = 30


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--text-epochs", type=int, default=20)
    args = parser.parse_args()

    from bot.config import KNOWLEDGE_DIR
    from bot.kb import KnowledgeBase
    from bot.kb.load import load
    from bot.kb.queries import make_engine
    from bot.kb.retrieval import documents
    from bot.kb.validate import read_knowledge
    from bot.kb.zoekvragen import read_zoekvragen

    zoekvragen = read_zoekvragen(KNOWLEDGE_DIR)
    url = f"sqlite:///{tempfile.mkdtemp()}/kb.sqlite"
    load(make_engine(url), read_knowledge(KNOWLEDGE_DIR))
    texts = {
        unit.key: re.sub(r"[\[\]',]", " ", " ".join([unit.title] + [t for t, _ in fields])).split()[:RESPONSE_WORDS]
        for unit, fields in documents(KnowledgeBase.from_url(url))
    }
    missing = sorted(set(zoekvragen) - set(texts))
    if missing:
        raise SystemExit(f"knowledge/zoekvragen: record(s) zonder eenheid in de kennisbank: {', '.join(missing)}")

    def examples(qs) -> str:
        return "".join(f"- {' '.join(q.split())}\n" for q in qs)

    diet_nlu = {
        "version": "3.1",
        "nlu": [{"intent": intent_name(k), "examples": examples(qs)} for k, qs in zoekvragen.items()],
    }
    pipeline = FEATURIZERS + [
        {"name": "DIETClassifier", "epochs": args.epochs, "constrain_similarities": True, "random_seed": 42}
    ]
    _write_model_dir("diet", diet_nlu, pipeline, {"version": "3.1", "intents": [intent_name(k) for k in zoekvragen]})

    rs_nlu = {
        "version": "3.1",
        "nlu": [{"intent": f"situatie/{intent_name(k)}", "examples": examples(qs)} for k, qs in zoekvragen.items()],
    }
    responses = {f"utter_situatie/{intent_name(k)}": [{"text": " ".join(texts[k])}] for k in zoekvragen}
    pipeline = FEATURIZERS + [
        {"name": "ResponseSelector", "epochs": args.epochs, "constrain_similarities": True, "random_seed": 42}
    ]
    _write_model_dir("rs", rs_nlu, pipeline, {"version": "3.1", "intents": ["situatie"], "responses": responses})
    # The same, with the unit's text as the label: question and answer text meet in one embedding space.
    pipeline = FEATURIZERS + [
        {
            "name": "ResponseSelector",
            # Fewer epochs: on two shared cores a full run does not fit the experiment's time.
            "epochs": args.text_epochs,
            "constrain_similarities": True,
            "random_seed": 42,
            "use_text_as_label": True,
            # Without a transformer this setting fails in training (RasaHQ/rasa#8705): one small layer.
            "number_of_transformer_layers": 1,
            "transformer_size": 128,
        }
    ]
    _write_model_dir("rs_text", rs_nlu, pipeline, {"version": "3.1", "intents": ["situatie"], "responses": responses})

    for half in ("afstemmen", "vastgehouden"):
        write_json(turns_path(half), bank_turns(half))
    print(f"{len(zoekvragen)} klassen, {sum(map(len, zoekvragen.values()))} zoekvragen; geschreven in {OUT}")


def _write_model_dir(name: str, nlu: dict, pipeline: list, domain: dict) -> None:
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    config = {
        "recipe": "default.v1",
        "language": "nl",
        "assistant_id": f"rs-{name}",
        "pipeline": pipeline,
        "policies": [],
    }
    for file, data in (("nlu.yml", nlu), ("config.yml", config), ("domain.yml", domain)):
        (folder / file).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
