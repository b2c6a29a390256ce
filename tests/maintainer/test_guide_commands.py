"""The step-by-step parts of docs/beheer.md, run exactly as written in a copy of the project.

Each test reads the command (and the example it is about) from the guide itself, so that guide and
test cannot drift apart, makes the change the guide describes in a copy of the project
(tests/maintainer/beheer.py: project_clone) and runs the command there with the real environments.
What changes is only the copy: its knowledge/, data/ and its own var/kennisbank.sqlite.

Nothing here trains: for a change that needs training the test runs the steps up to that point
(`make check`) and checks that the copy's data no longer fits the trained model, so that `make run`
would train again (scripts/train.sh: models/model-<scripts/model_hash.sh>.tar.gz).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil

import pytest

from actions import common
from actions.knowledge_actions import ActionFondsen, ActionWatIs, ActionWerkwijze
from bot.config import PROJECT_ROOT
from bot.kb.thesaurus import thesaurus
from bot.kb.zoekvragen import zoekvragen
from tests.actions.test_actions import Conversation
from tests.bronnen import require_bronnen
from tests.maintainer.beheer import project_clone, run_in
from tests.maintainer.test_new_fund import readme_fund_example

GUIDE = (PROJECT_ROOT / "docs" / "beheer.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text of one section of the guide, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    text = re.split(rf"^{re.escape(heading)}(?=[ \n]).*\n", GUIDE, maxsplit=1, flags=re.M)[
        1
    ]  # also "## Kop (`make x`)"
    return re.split(rf"\n#{{1,{len(level)}}} ", text, maxsplit=1)[0]


def command(text: str, pattern: str) -> list[str]:
    """The one inline command in `text` that matches `pattern`, as argv (it must be written there)."""
    found = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    matching = [c for c in found if re.fullmatch(pattern, c)]
    assert matching, f"docs/beheer.md noemt hier geen commando {pattern!r}: {found}"
    return shlex.split(matching[0])


def yaml_block(text: str) -> str:
    """The first ```yaml block of `text`, without its indentation."""
    block = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    indent = min(len(line) - len(line.lstrip()) for line in block.splitlines() if line.strip())
    return "\n".join(line[indent:] for line in block.splitlines()) + "\n"


def model_hash(root) -> str:
    result = run_in(root, ["scripts/model_hash.sh"])
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def trained_model_fits(root) -> bool:
    """What scripts/train.sh checks before it trains: a model for exactly this data and config."""
    return (PROJECT_ROOT / "models" / f"model-{model_hash(root)}.tar.gz").is_file()


def forget_knowledge() -> None:
    common.forget_knowledge_base()
    thesaurus.cache_clear()
    zoekvragen.cache_clear()


def answer(root, action, text: str, intent: str, entities=()) -> str:
    """What the action server answers, with the copy's knowledge base (the one `make kb` loads there)."""
    os.environ["KB_DATABASE_URL"] = f"sqlite:///{root / 'var' / 'kennisbank.sqlite'}"
    # The action server reads thesaurus and zoekvragen from its knowledge/ (bot/kb/live.py): the copy's.
    os.environ["KB_KNOWLEDGE_DIR"] = str(root / "knowledge")
    forget_knowledge()
    return Conversation().run(action, text, intent, list(entities))


@pytest.fixture
def clone(tmp_path, model):
    # answer() points KB_DATABASE_URL and KB_KNOWLEDGE_DIR at the copy. Put them back as they were: a
    # later test's stack would otherwise load the copy's knowledge, and its scripts/prepare.sh would write
    # the copy's gemeenten ("Zwolle") into this project's data/nlu/lookups/ (and so ask for training).
    saved = {setting: os.environ.pop(setting, None) for setting in ("KB_DATABASE_URL", "KB_KNOWLEDGE_DIR")}
    root = project_clone(tmp_path / "project")
    assert trained_model_fits(root), "de kopie hoort bij het getrainde model"
    yield root
    for setting, value in saved.items():
        if value is None:
            os.environ.pop(setting, None)
        else:
            os.environ[setting] = value
    forget_knowledge()


def test_new_fund_with_make_kb(clone):
    """ "Een lokaal fonds toevoegen", step 2: `make kb` loads it; a mistake changes nothing."""
    steps = section("## Een lokaal fonds toevoegen")
    make_kb = command(steps, r"make kb")
    funds = clone / "knowledge" / "fondsen.yml"
    original = funds.read_text(encoding="utf-8")
    loaded = run_in(clone, make_kb)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    question = "wat is het Meedoenfonds Zwolle?"
    assert "Meedoenfonds Zwolle" not in answer(clone, ActionWatIs(), question, "ask_wat_is")

    funds.write_text(original + "\n" + readme_fund_example().replace("[ouders]", "[oma]"), encoding="utf-8")
    refused = run_in(clone, make_kb)
    assert refused.returncode != 0
    documented = re.search(r"staat er bijvoorbeeld:\s*`([^`]+)`", steps).group(1)
    assert re.search(re.escape(documented).replace("804", r"\d+"), refused.stdout + refused.stderr), (
        f"docs/beheer.md belooft:\n{documented}\nmaar make kb meldt:\n{refused.stdout}{refused.stderr}"
    )
    assert "Meedoenfonds Zwolle" not in answer(clone, ActionWatIs(), question, "ask_wat_is"), "toch geladen"

    funds.write_text(original + "\n" + readme_fund_example(), encoding="utf-8")
    loaded = run_in(clone, make_kb)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    text = answer(clone, ActionWatIs(), question, "ask_wat_is")
    assert "Meedoenfonds Zwolle" in text and "Bron:" in text
    assert trained_model_fits(clone), "een wijziging in knowledge/ vraagt geen nieuwe training"


def test_synonym_with_make_kb(clone):
    """ "Een synoniem toevoegen": the word in behoeften.yml, `make kb`, and the fund question finds it."""
    steps = section("## Een synoniem toevoegen")
    written = re.search(r"`synoniemen: \[(\w+), …, ([^\]]+)\]`", steps)
    known, word = written.group(1), written.group(2)
    needs = clone / "knowledge" / "behoeften.yml"
    text = needs.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.strip().startswith(f"synoniemen: [{known},"))
    question = f"welk fonds betaalt een {word} voor een kind van 10?"

    assert run_in(clone, command(steps, r"make kb")).returncode == 0
    before = answer(clone, ActionFondsen(), question, "ask_fondsen", [("leeftijd", "10")])
    assert "Kinderfietsenplan" not in before

    needs.write_text(text.replace(line, line.replace("]", f", {word}]")), encoding="utf-8")
    loaded = run_in(clone, command(steps, r"make kb"))
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    after = answer(clone, ActionFondsen(), question, "ask_fondsen", [("leeftijd", "10")])
    assert after.startswith("Voor fiets") and "Kinderfietsenplan" in after, after
    assert trained_model_fits(clone)


def test_zoekvraag_with_make_kb(clone):
    """ "Thesaurus en zoekvragen": a question the assistant did not find becomes a zoekvraag of the record
    that answers it; after `make kb` the assistant answers with that record. The question and record
    are the guide's own review example (section "Verbeteren vanuit de review")."""
    steps = section("## Thesaurus en zoekvragen")
    review = section("## Verbeteren vanuit de review")
    record = re.search(r"record: (\S+)", yaml_block(review)).group(1)
    question = re.search(r"de nieuwe zoekvraag \*\"([^\"]+)\"\*", review.replace("\n", " ")).group(1)
    make_kb = command(steps, r"make kb")

    assert run_in(clone, make_kb).returncode == 0
    before = answer(clone, ActionWerkwijze(), question, "ask_werkwijze")
    assert before.startswith("Bedoel je"), before  # as in the guide's review example: the assistant asked back

    path = next(
        p for p in (clone / "knowledge" / "zoekvragen").glob("*.yml") if f"- record: {record}\n" in p.read_text()
    )
    text = path.read_text(encoding="utf-8")
    entry = text.index(f"- record: {record}\n")
    at = text.index("  vragen:\n", entry) + len("  vragen:\n")
    path.write_text(text[:at] + f"  - {question}\n" + text[at:], encoding="utf-8")
    loaded = run_in(clone, make_kb)
    assert loaded.returncode == 0, loaded.stdout + loaded.stderr
    after = answer(clone, ActionWerkwijze(), question, "ask_werkwijze")
    assert after.startswith("**Bespreken › Algemene gespreksvaardigheden**"), after
    assert trained_model_fits(clone)


def test_training_sentence_and_story_pass_make_check_and_need_training(clone):
    """ "Nieuwe formuleringen" and "Een nieuw gesprek (story)": the guide's YAML in data/, then `make check`
    (the check without training of "Van wijziging tot live"); `make run` would then train again."""
    sentence = yaml_block(section("## Nieuwe formuleringen voor een vraag"))
    story = yaml_block(section("## Een nieuw gesprek (story)"))
    check = command(section("## Van wijziging tot live"), r"make check")
    with open(clone / "data" / "nlu" / "fondsen.yml", "a", encoding="utf-8") as nlu:
        nlu.write(sentence)
    (clone / "data" / "stories" / "laptop.yml").write_text('version: "3.1"\nstories:\n' + story, encoding="utf-8")

    checked = run_in(clone, check, timeout=900)
    assert checked.returncode == 0, (checked.stdout + checked.stderr)[-4000:]
    assert "Alles in orde" in checked.stdout
    assert not trained_model_fits(clone), "nieuwe trainingsdata hoort een nieuwe training te vragen"


def test_make_check_names_a_broken_story(clone):
    """The same `make check` refuses a story with an action that does not exist, and says where."""
    story = yaml_block(section("## Een nieuw gesprek (story)")).replace("action_source", "action_bron")
    (clone / "data" / "stories" / "laptop.yml").write_text('version: "3.1"\nstories:\n' + story, encoding="utf-8")
    checked = run_in(clone, command(section("## Van wijziging tot live"), r"make check"), timeout=900)
    assert checked.returncode != 0
    assert "action_bron" in checked.stdout + checked.stderr, (checked.stdout + checked.stderr)[-3000:]


RENAMED = ("1.3 Professionals versterken en faciliteren", "1.3 Professionals toerusten en ondersteunen")


def test_new_edition_of_the_handreiking(tmp_path):
    """ "Een nieuwe editie van de handreiking", steps 1 and 2: the new text next to the old, bronnen.yml
    pointing at it, and the guide's test command run as written; it names the record whose heading
    was renamed. BRONNEN_DIR=../shared/sources: the copy of the project has its own ../shared/sources."""
    steps = section("## Een nieuwe editie van de handreiking")
    written = re.search(r"`(BRONNEN_DIR=\S+ [^`]+)`", steps).group(1)
    relative = shlex.split(written)[0].split("=", 1)[1]
    assert relative == "../shared/sources"
    root = project_clone(tmp_path / "werk" / "project")
    sources = (root / relative).resolve()
    shutil.copytree(require_bronnen().folder, sources)

    bronnen = root / "knowledge" / "bronnen.yml"
    old_file = re.search(r"- id: handreiking\n(?:  .*\n)*?  bestand: (\S+)", bronnen.read_text(encoding="utf-8")).group(
        1
    )
    new_file = "003_handreiking_nieuwe_editie.txt"
    old_text = (sources / old_file).read_text(encoding="utf-8")
    assert old_text.count(RENAMED[0]) == 1
    (sources / new_file).write_text(old_text.replace(*RENAMED), encoding="utf-8")
    bronnen.write_text(bronnen.read_text(encoding="utf-8").replace(old_file, new_file, 1), encoding="utf-8")

    result = run_in(root, ["bash", "-c", written], timeout=900)  # the line as a maintainer types it
    out = result.stdout + result.stderr
    assert result.returncode == 1, out[-4000:]
    failed = sorted(set(re.findall(r"^FAILED (\S+?)(?: - |$)", out, re.M)))
    assert failed == ["tests/kb/test_bronpaden.py::test_every_heading_of_every_citation_stands_in_its_source"], out[
        -4000:
    ]
    assert f"kop '{RENAMED[0]}' staat niet als kop in de bron" in out
    assert "de-vonk" in out and "hogeschool-saxion" in out  # the two records that cite that heading


def reference_commands() -> dict[str, list[str]]:
    """The block under "Commando's voor beheerders": make target → the command as written."""
    block = re.search(r"```sh\n(.*?)```", section("## Commando's voor beheerders"), re.S).group(1)
    commands = [shlex.split(line.split("#", 1)[0]) for line in block.splitlines() if line.strip()]
    return {argv[1]: argv for argv in commands}


def test_make_validate_from_the_list(clone):
    validate = reference_commands()["validate"]
    assert validate == ["make", "validate"]
    valid = run_in(clone, validate)
    assert valid.returncode == 0 and "Kennisbank in orde" in valid.stdout, valid.stdout + valid.stderr
    with open(clone / "knowledge" / "fondsen.yml", "a", encoding="utf-8") as funds:
        funds.write("\n" + readme_fund_example().replace("[ouders]", "[oma]"))
    invalid = run_in(clone, validate)
    assert invalid.returncode != 0 and "meedoen-fonds-zwolle › aanvragers" in invalid.stdout + invalid.stderr
    assert not (clone / "var" / "kennisbank.sqlite").exists(), "make validate laadt niets"


def test_make_lookups_from_the_list_asks_for_training(clone):
    """ "Een lokaal fonds toevoegen", step 3: a new gemeente comes into data/nlu/lookups/, and then the
    trained model no longer fits (the next `make run` trains)."""
    lookups = reference_commands()["lookups"]
    gemeenten = clone / "data" / "nlu" / "lookups" / "gemeente.yml"
    assert "Zwolle" not in gemeenten.read_text(encoding="utf-8")
    unchanged = run_in(clone, lookups)
    assert unchanged.returncode == 0 and trained_model_fits(clone), unchanged.stdout + unchanged.stderr
    with open(clone / "knowledge" / "fondsen.yml", "a", encoding="utf-8") as funds:
        funds.write("\n" + readme_fund_example())
    changed = run_in(clone, lookups)
    assert changed.returncode == 0, changed.stdout + changed.stderr
    assert "Zwolle" in gemeenten.read_text(encoding="utf-8")
    assert not trained_model_fits(clone)


def test_make_clean_from_the_list(clone):
    """`make clean` wipes models/, results/, var/ (also var/gesprekken.sqlite, as the guide warns), nothing else."""
    clean = reference_commands()["clean"]
    for made in ("models/model-x.tar.gz", "results/r.txt", "var/gesprekken.sqlite", ".pytest_cache/c"):
        (clone / made).parent.mkdir(parents=True, exist_ok=True)
        (clone / made).write_text("x")
    result = run_in(clone, clean)
    assert result.returncode == 0, result.stderr
    assert not any((clone / name).exists() for name in ("models", "results", "var", ".pytest_cache"))
    assert (clone / "knowledge" / "fondsen.yml").is_file() and (clone / "data" / "nlu").is_dir()
    assert (clone / ".venv").is_symlink() and (PROJECT_ROOT / ".venv" / "bot" / "bin" / "python").exists()
