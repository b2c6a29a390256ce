"""The maintainer subcommands of `python -m bot`: review, review toepassen, dekking, zoekvragen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .paths import Paths


def add_commands(sub) -> None:
    rev = sub.add_parser("review", help="vragen die misgingen in de bewaarde gesprekken (TRACKER_STORE_URL)")
    rev.add_argument("--sinds", type=int, help="alleen gesprekken van de laatste zoveel dagen")
    _add_map(rev)
    rev.set_defaults(func=_review)
    apply_cmd = rev.add_subparsers(dest="command").add_parser(
        "toepassen", help="voer de bewaarde voorstellen uit var/review/voorstel.yml door"
    )
    _add_map(apply_cmd)
    apply_cmd.set_defaults(func=_apply)
    cov = sub.add_parser("dekking", help="wat de assistent afdekt, per record (var/rapport/dekking.html)")
    _add_map(cov)
    cov.set_defaults(func=_coverage)
    zv = sub.add_parser(
        "zoekvragen", help="maak knowledge/zoekvragen/vragenbank_afstemdeel.yml uit het afstemdeel van de vragenbank"
    )
    zv.add_argument("--check", action="store_true", help="alleen controleren of het bestand actueel is")
    _add_map(zv)
    zv.set_defaults(func=_zoekvragen)


def _add_map(parser) -> None:
    parser.add_argument(
        "--map",
        type=Path,
        help="de map met data/, knowledge/, tests/vragenbank/ en var/ (standaard het project zelf)",
    )


def _zoekvragen(args) -> int:
    from bot.kb.validate import ValidationError

    from . import bank_zoekvragen
    from .vragenbank import BankError

    paths = _paths(args)
    target = bank_zoekvragen.path_of(paths).relative_to(paths.root)
    try:
        if args.check:
            if bank_zoekvragen.up_to_date(paths):
                print(f"{target} is actueel.")
                return 0
            print(f"{target} hoort niet bij het afstemdeel van de vragenbank: draai make zoekvragen.", file=sys.stderr)
            return 1
        _, count = bank_zoekvragen.write(paths)
    except BankError as exc:
        print(f"Geen zoekvragen: de vragenbank klopt niet: {exc}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print("Geen zoekvragen: knowledge/ klopt niet:", *map(str, exc.problems), sep="\n  ", file=sys.stderr)
        return 1
    print(f"{target}: {count} vragen uit het afstemdeel van de vragenbank (make kb laadt ze).")
    return 0


def _paths(args) -> Paths:
    if not args.map:
        return Paths()
    root = args.map.resolve()
    # The knowledge of that folder, in a knowledge base of its own, for retrieval too.
    os.environ["KB_KNOWLEDGE_DIR"] = str(root / "knowledge")
    os.environ["KB_DATABASE_URL"] = f"sqlite:///{root / 'var' / 'kennisbank.sqlite'}"
    (root / "var").mkdir(parents=True, exist_ok=True)
    return Paths(root)


def _review(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.deploy.tracker_store import SETTING, TrackerStoreSettingError, tracker_store_from_env

    from .review import Refused, review, terminal, write

    if args.sinds is not None and args.sinds < 1:
        print(f"--sinds moet een aantal dagen van 1 of meer zijn, niet {args.sinds}.", file=sys.stderr)
        return 1
    paths = _paths(args)
    try:
        store = tracker_store_from_env()
        url = store.sqlalchemy_url()
    except TrackerStoreSettingError as exc:
        print(f"Geen review: {exc}", file=sys.stderr)
        return 1
    if store.kind == "sqlite" and not store.path.exists():
        print(f"Nog geen gesprekken opgeslagen ({store.path} bestaat niet; instelling {SETTING}).", file=sys.stderr)
        return 1
    try:
        result = review(url, store.describe(), paths, args.sinds)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except SQLAlchemyError as exc:
        print(
            f"Geen review: de database met gesprekken ({store.describe()}, instelling {SETTING}) gaf een fout.\n"
            f"  {str(exc).splitlines()[0]}",
            file=sys.stderr,
        )
        return 2
    print(terminal(result))
    report, proposal = write(result, paths)
    print(f"\nPagina: {report}\nVoorstel: {proposal} (bewerk het, daarna: make review-toepassen)")
    return 0


def _apply(args) -> int:
    from .apply import ProposalError, apply

    paths = _paths(args)
    try:
        done = apply(paths)
    except ProposalError as exc:
        print(f"Niets toegepast; {len(exc.problems)} probleem/problemen in het voorstel:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if not done:
        print(f"Het voorstel ({paths.proposal}) is leeg: niets toegepast.")
        return 0
    print(f"{len(done)} voorstel(len) toegepast en als afgehandeld gemarkeerd ({paths.handled}):")
    for line in done:
        print(f"  {line}")
    print(
        "Daarna: make kb (zoekvragen en thesaurus) of make run (traint opnieuw na nieuwe trainingszinnen), "
        "en make test."
    )
    return 0


def _coverage(args) -> int:
    from bot.kb.validate import ValidationError

    from .coverage import measure, terminal, write
    from .offers import knowledge_base

    paths = _paths(args)
    try:
        kb = knowledge_base()
    except ValidationError as exc:
        print(f"Geen dekking: de kennisbank heeft {len(exc.problems)} probleem/problemen:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    result = measure(paths, kb)
    print(terminal(result))
    print(f"\nPagina: {write(result, paths)}")
    return 0
