"""Command line: python -m bot kb load | kb validate | kb stats | nlu lookups | web | gesprekken opruimen |
review [toepassen] | dekking."""

from __future__ import annotations

import argparse
import sys

from .config import KB_URL_SETTING, database_url, knowledge_dir


def _kb_validate(args) -> int:
    from .kb.validate import ValidationError, read_knowledge

    try:
        knowledge = read_knowledge(knowledge_dir())
    except ValidationError as exc:
        print(f"De kennisbank heeft {len(exc.problems)} probleem/problemen:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    total = sum(len(v) for v in knowledge.records.values())
    print(f"Kennisbank in orde: {total} records in {knowledge_dir()}")
    return 0


def _kb_load(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from .kb.load import load, loaded_hash
    from .kb.queries import make_engine
    from .kb.validate import ValidationError, read_knowledge

    try:
        knowledge = read_knowledge(knowledge_dir())
    except ValidationError as exc:
        print(
            f"Niet geladen: de kennisbank heeft {len(exc.problems)} probleem/problemen "
            "(de database is niet veranderd):",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    url = database_url()
    try:
        engine = make_engine(url)
        if args.if_changed and loaded_hash(engine) == knowledge.content_hash:
            print("Kennisbank is al actueel; niets geladen.")
            return 0
        counts = load(engine, knowledge)
    except SQLAlchemyError as exc:
        print(
            f"Niet geladen: de database ({KB_URL_SETTING}={engine.url.render_as_string(hide_password=True)}) "
            f"gaf een fout; er is niets veranderd.\n  {str(exc).splitlines()[0]}",
            file=sys.stderr,
        )
        return 2
    print(
        f"Kennisbank geladen in {engine.url.render_as_string(hide_password=True)}: "
        f"{counts['funds']} fondsen, {counts['werkwijzen']} werkwijzen, {counts['hoe_blocks']} hoe-blokken, "
        f"{counts['signals']} signalen, {counts['instruments']} instrumenten, {counts['entries']} overige records."
    )
    return 0


def _kb_stats(args) -> int:
    from .kb import KnowledgeBase, KnowledgeBaseMissing

    kb = KnowledgeBase.from_url(database_url())
    try:
        kb.check()
    except KnowledgeBaseMissing as exc:
        print(
            f"Geen kennisbank gevonden ({exc}). Laad eerst: python -m bot kb load (database via {KB_URL_SETTING}).",
            file=sys.stderr,
        )
        return 1
    for label, count in kb.stats().items():
        print(f"{label:14} {count}")
    return 0


def _nlu_lookups(args) -> int:
    from .config import PROJECT_ROOT
    from .kb.validate import ValidationError, read_knowledge
    from .nlu_lookups import write_lookups

    try:
        knowledge = read_knowledge(knowledge_dir())
    except ValidationError as exc:
        print(f"Kan de lookup-tabellen niet maken; de kennisbank heeft problemen:\n{exc}", file=sys.stderr)
        return 1
    stale = write_lookups(knowledge, PROJECT_ROOT / "data" / "nlu" / "lookups", check=args.check)
    if args.check and stale:
        print(
            "Lookup-tabellen lopen achter op knowledge/: " + ", ".join(stale) + ". Draai: python -m bot nlu lookups",
            file=sys.stderr,
        )
        return 1
    if stale:
        print("Lookup-tabellen bijgewerkt: " + ", ".join(stale))
    return 0


def _gesprekken_opruimen(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from .deploy.retention import RetentionSettingError, delete_old_conversations, retention_days
    from .deploy.tracker_store import SETTING, TrackerStoreSettingError, tracker_store_from_env

    try:
        days = retention_days(args.dagen)
        store = tracker_store_from_env()
    except (RetentionSettingError, TrackerStoreSettingError) as exc:
        print(f"Niet opgeruimd: {exc}", file=sys.stderr)
        return 1
    if store.kind == "none":
        print(f"{SETTING}=geen: er worden geen gesprekken opgeslagen, dus niets op te ruimen.")
        return 0
    if store.kind == "sqlite" and not store.path.exists():
        print(f"Nog geen gesprekken opgeslagen ({store.path} bestaat niet); niets verwijderd.")
        return 0
    try:
        outcome = delete_old_conversations(store.sqlalchemy_url(), days)
    except SQLAlchemyError as exc:
        print(
            f"Niet opgeruimd: de database met gesprekken ({store.describe()}, instelling {SETTING}) gaf een "
            f"fout; er is niets verwijderd.\n  {str(exc).splitlines()[0]}",
            file=sys.stderr,
        )
        return 2
    print(
        f"{outcome.deleted} gesprek(ken) verwijderd waarvan het laatste bericht ouder is dan {days} dagen; "
        f"{outcome.kept} bewaard ({store.describe()})."
    )
    return 0


def _web(args) -> int:
    from .web.cli import run

    return run(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Armoede-assistent: beheer van de kennisbank")
    sub = parser.add_subparsers(dest="group", required=True)
    kb = sub.add_parser("kb", help="kennisbank").add_subparsers(dest="command", required=True)
    kb.add_parser("validate", help="controleer knowledge/*.yml").set_defaults(func=_kb_validate)
    load = kb.add_parser("load", help="controleer en laad in de database (in één transactie)")
    load.add_argument("--if-changed", action="store_true", help="alleen laden als de inhoud veranderd is")
    load.set_defaults(func=_kb_load)
    kb.add_parser("stats", help="aantallen per soort").set_defaults(func=_kb_stats)
    nlu = sub.add_parser("nlu", help="trainingsdata").add_subparsers(dest="command", required=True)
    lookups = nlu.add_parser("lookups", help="maak data/nlu/lookups/ uit knowledge/")
    lookups.add_argument("--check", action="store_true", help="alleen controleren of ze actueel zijn")
    lookups.set_defaults(func=_nlu_lookups)
    talks = sub.add_parser("gesprekken", help="opgeslagen gesprekken (TRACKER_STORE_URL)")
    talks = talks.add_subparsers(dest="command", required=True)
    clean = talks.add_parser("opruimen", help="verwijder gesprekken ouder dan de bewaartermijn")
    clean.add_argument("--dagen", help="bewaartermijn in dagen (standaard BEWAARTERMIJN_DAGEN, anders 30)")
    clean.set_defaults(func=_gesprekken_opruimen)
    from .beheer.cli import add_commands

    add_commands(sub)
    web = sub.add_parser("web", help="chatpagina en widget (aiohttp, poort WEB_PORT)")
    from .web.cli import add_arguments

    add_arguments(web)
    web.set_defaults(func=_web)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
