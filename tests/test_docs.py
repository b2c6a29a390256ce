"""The documentation's commands exist: every command shown in a shell code block of README.md and
docs/*.md (```sh, ```bash or a bare ``` block) can be run as written.

- `make X`: X is a target in the Makefile;
- `python -m MOD …` (also `.venv/…/bin/python -m MOD …`): the module answers `--help`, run with the
  interpreter the command names, or for a bare `python` with the bot's environment (Rasa's when the
  module is only importable there); once per module and interpreter. When the module's help lists
  argparse subcommands, the words written before the first option must be among them, level by
  level (`python -m bot gesprekken opruimen`: `bot --help`, then `bot gesprekken --help`);
- `python path/to/file.py`: the file exists;
- `scripts/*.sh`: the file exists and is executable;
- anything else (curl, git, cd, …) is not checked.

Also: every relative link between README.md and docs/*.md points at a file that exists, and an
anchor into one of those files at a heading that exists.

Run alone with: .venv/bot/bin/python -m pytest tests/test_docs.py
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_FENCES = {"", "sh", "bash", "shell", "console"}
BOT_PYTHON = ROOT / ".venv" / "bot" / "bin" / "python"
RASA_PYTHON = ROOT / ".venv" / "rasa" / "bin" / "python"
HELP_TIMEOUT_S = 60

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*([^`\s]*)")
_PYTHON = re.compile(r"(^|/)python(\d(\.\d+)?)?$")
_SUBCOMMAND = re.compile(r"^[a-z][a-z0-9_-]*$")
_SEPARATORS = {";", "&&", "||", "|", "&", "(", ")"}
_PREFIXES = {"sudo", "env", "time", "exec", "nohup"}
_PYTHON_OPTIONS_WITH_VALUE = {"-W", "-X", "-Q"}
_MAKE_OPTIONS_WITH_VALUE = {"-j", "-l", "-o", "-W", "-I"}


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def code_blocks(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line number of the opening fence, language, lines) of every fenced code block."""
    blocks, current = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if current is None:
            match = _FENCE.match(line)
            if match:
                current = (number, match.group(3).lower(), match.group(2), [])
        elif line.strip().startswith(current[2]) and not line.strip().strip(current[2][0]):
            blocks.append((current[0], current[1], current[3]))
            current = None
        else:
            current[3].append(line)
    return blocks


def shell_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, command line) in the shell blocks of one file; continuation lines joined."""
    found = []
    for start, language, lines in code_blocks(path):
        if language not in SHELL_FENCES:
            continue
        pending, first = "", None
        for offset, line in enumerate(lines, 1):
            text = line.strip()
            if first is None:
                first = start + offset
            if text.endswith("\\"):
                pending += text[:-1] + " "
                continue
            text = (pending + text).strip()
            pending = ""
            if text.startswith("$ "):
                text = text[2:]
            if text and not text.startswith("#"):
                found.append((first, text))
            first = None
    return found


def simple_commands(line: str) -> list[list[str]]:
    """The simple commands of one shell line: split on ; && || | &, without redirections,
    leading VAR=value assignments and prefixes like sudo or env."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    commands, argv, skip_next = [], [], False
    for token in lexer:
        if skip_next:
            skip_next = False
        elif token in _SEPARATORS:
            commands.append(argv)
            argv = []
        elif set(token) <= set("<>&|") and ("<" in token or ">" in token):
            if argv and argv[-1].isdigit():
                argv.pop()  # the file descriptor of 2>&1 / 2>/dev/null
            skip_next = True  # the target of the redirection
        else:
            argv.append(token)
    commands.append(argv)
    cleaned = []
    for argv in commands:
        while argv and (re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", argv[0]) or argv[0] in _PREFIXES):
            argv = argv[1:]
        if argv:
            cleaned.append(argv)
    return cleaned


@cache
def make_targets() -> frozenset[str]:
    targets = set()
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.%/-]+(?:[ \t]+[A-Za-z0-9_.%/-]+)*)[ \t]*::?(?!=)", line)
        if match:
            targets.update(t for t in match.group(1).split() if not t.startswith("."))
    return frozenset(targets)


def _interpreter(written: str) -> Path | None:
    """The interpreter a command names: a path (.venv/rasa/bin/python) as written, else None."""
    return (ROOT / written) if "/" in written else None


@cache
def module_help(python: str | None, module: str, subcommands: tuple[str, ...] = ()) -> tuple[str | None, str]:
    """(None, help text) when `python -m module [subcommands] --help` succeeds, else (what went wrong, "").
    Without a named interpreter: the bot's, or Rasa's when the module is only importable there."""
    candidates = [Path(python)] if python else [BOT_PYTHON, RASA_PYTHON]
    problem = None
    for interpreter in candidates:
        if not interpreter.exists():
            problem = problem or f"{_name(interpreter)} bestaat niet (eerst `make setup`)"
            continue
        argv = [str(interpreter), "-m", module, *subcommands, "--help"]
        shown = " ".join([_name(interpreter), *argv[1:]])
        try:
            result = subprocess.run(
                argv,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=HELP_TIMEOUT_S,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
        except subprocess.TimeoutExpired:
            return f"`{shown}` antwoordt niet binnen {HELP_TIMEOUT_S} s", ""
        if result.returncode == 0:
            return None, result.stdout
        output = (result.stderr or result.stdout).strip()
        problem = f"`{shown}` faalt (exit {result.returncode}): {output[-600:]}"
        if python or not re.search(r"No module named '?" + re.escape(module.split(".")[0]), output):
            break  # importable here, but broken: no reason to try Rasa's
    else:
        if not python and all(p.exists() for p in candidates):
            problem = f"module {module} bestaat niet in .venv/bot en niet in .venv/rasa"
    return problem, ""


def _subcommand_choices(help_text: str) -> set[str] | None:
    """The subcommands argparse lists in a usage line ("usage: … {kb,nlu,gesprekken} ..."), if any."""
    usage = help_text.split("\n\n", 1)[0]
    match = re.search(r"\{([\w-]+(?:,[\w-]+)*)\} \.\.\.", usage)
    return set(match.group(1).split(",")) if match else None


def module_problem(python: str | None, module: str, words: list[str]) -> str | None:
    """`python -m module --help` works (once per module and interpreter); for an argparse command
    with subcommands, each word written before the first option is one of them, level by level."""
    problem, help_text = module_help(python, module)
    path: list[str] = []
    for word in words:
        if problem:
            break
        choices = _subcommand_choices(help_text)
        if choices is None:
            break  # no (more) subcommands: the rest are arguments
        if word not in choices:
            return (
                f"`{' '.join(['python -m', module, *path])}` kent geen subcommando {word!r} "
                f"(wel: {', '.join(sorted(choices))})"
            )
        path.append(word)
        problem, help_text = module_help(python, module, tuple(path))
    return problem


def check(argv: list[str]) -> str | None:
    """What is wrong with one documented command, or None (also for commands that are not checked)."""
    program = argv[0]
    if program == "make":
        if {"-C", "-f", "--directory", "--file"} & set(argv):
            return None  # another Makefile
        targets, skip = [], False
        for arg in argv[1:]:
            if skip:
                skip = False
            elif arg in _MAKE_OPTIONS_WITH_VALUE:
                skip = True
            elif not arg.startswith("-") and "=" not in arg:
                targets.append(arg)
        missing = [t for t in targets if t not in make_targets()]
        return f"make-doel {', '.join(missing)} staat niet in de Makefile" if missing else None
    if _PYTHON.search(program):
        written = _interpreter(program)
        if written is not None and not written.exists():
            pytest.skip(f"{_name(written)} bestaat niet (eerst `make setup`)")
        args, index = argv[1:], 0
        while index < len(args) and args[index].startswith("-") and args[index] != "-m":
            if args[index] == "-c":
                return None
            index += 2 if args[index] in _PYTHON_OPTIONS_WITH_VALUE else 1
        if index >= len(args):
            return None
        if args[index] == "-m":
            if index + 1 >= len(args):
                return "`-m` zonder module"
            module, rest = args[index + 1], args[index + 2 :]
            words = []
            for arg in rest:
                if not _SUBCOMMAND.match(arg):
                    break
                words.append(arg)
            return module_problem(str(written) if written else None, module, words)
        script = args[index]
        if script.endswith(".py") and not (ROOT / script).is_file():
            return f"{script} bestaat niet"
        return None
    if program in ("bash", "sh") and len(argv) > 1 and argv[1].endswith(".sh"):
        return None if (ROOT / argv[1]).is_file() else f"{argv[1]} bestaat niet"
    script = program.removeprefix("./")
    if script.startswith("scripts/") and script.endswith(".sh"):
        path = ROOT / script
        if not path.is_file():
            return f"{script} bestaat niet"
        if not os.access(path, os.X_OK):
            return f"{script} is niet uitvoerbaar (chmod +x)"
    return None


def documented_commands() -> list[tuple[str, int, str, list[str]]]:
    found = []
    for path in DOCS:
        for number, line in shell_lines(path):
            try:
                commands = simple_commands(line)
            except ValueError as exc:  # unbalanced quotes
                found.append((_name(path), number, line, [f"<onleesbaar: {exc}>"]))
                continue
            found.extend((_name(path), number, line, argv) for argv in commands)
    return found


COMMANDS = documented_commands()


def test_the_documentation_shows_commands():
    shown = {(file, " ".join(argv)) for file, _, _, argv in COMMANDS}
    assert ("README.md", "make run") in shown and ("README.md", "make test") in shown, sorted(shown)


@pytest.mark.parametrize(
    "file,line,text,argv", COMMANDS, ids=[f"{file}:{line}:{' '.join(argv)[:60]}" for file, line, _, argv in COMMANDS]
)
def test_documented_command_exists(file, line, text, argv):
    if argv[0].startswith("<onleesbaar"):
        pytest.fail(f"{file}:{line}: `{text}`: {argv[0]}")
    problem = check(argv)
    assert problem is None, f"{file}:{line}: `{text}`: {problem}"


# --- links ---------------------------------------------------------------------------------------

_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _outside_code_blocks(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of the lines outside fenced code blocks (fences included in the blocks)."""
    inside = {start + offset for start, _, lines in code_blocks(path) for offset in range(len(lines) + 2)}
    return [
        (number, line)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if number not in inside
    ]


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    seen: dict[str, int] = {}
    found = set()
    for _, line in _outside_code_blocks(path):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading.group(1))
            slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def documented_links() -> list[tuple[str, int, str]]:
    """(file, line number, target) of every link outside code, except to web addresses."""
    return [
        (_name(path), number, target)
        for path in DOCS
        for number, line in _outside_code_blocks(path)
        for target in _LINK.findall(re.sub(r"`[^`]*`", "", line))
        if not re.match(r"^[a-z][a-z0-9+.-]*:", target)
    ]


LINKS = documented_links()


@pytest.mark.parametrize("file,line,target", LINKS, ids=[f"{f}:{n}:{t}" for f, n, t in LINKS])
def test_relative_link_works(file, line, target):
    source = ROOT / file
    path_part, _, anchor = target.partition("#")
    destination = (source.parent / path_part).resolve() if path_part else source
    assert destination.exists(), f"{file}:{line}: link naar {target}: {path_part} bestaat niet"
    checked = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    if anchor and destination in checked:
        assert anchor in anchors(destination), (
            f"{file}:{line}: link naar {target}: geen kop met anker #{anchor} in {_name(destination)}"
        )
