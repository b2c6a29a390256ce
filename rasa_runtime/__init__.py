"""The front door of every Rasa process: `make run`, `make shell`, training, tests and benchmarks.

    .venv/rasa/bin/python -m rasa_runtime run|shell|interactive|train|test|data …

Everything after the command goes to Rasa's own command line, unchanged. Before handing over:

1. Rasa must be exactly 3.6.21 (checks.RASA_VERSION), or nothing starts: rasa_patches/ is
   written against that release.
2. rasa_patches.install(): the measured fixes to Rasa (rasa_patches/__init__.py), from Rasa's own
   plugin hook once its command line has set up logging, before the command runs.
3. Channels: when Rasa creates its input channels (rasa.core.run.create_http_input_channels),
   each must be one of the project's redacting channels (checks.REDACTING_CHANNELS), or Rasa
   does not start; the message names the credentials file and the channel. Rasa's `cmdline`
   channel, which `rasa shell` starts and its console posts to, becomes
   channels.cmdline.RedactingCmdlineInput: what is typed in `make shell` is redacted too.
4. `interactive`: each typed message is normalised and redacted before it reaches Rasa
   (rasa_runtime/interactive.py); interactive learning uses Rasa's HTTP API, not a channel.

Running `.venv/rasa/bin/rasa` itself skips all of this; nothing in scripts/, tests/ or bench/
does (tests/runtime/test_front_door.py checks).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from rasa_runtime.checks import RASA_VERSION, RefusedStart, check_channels, check_rasa_version, class_path

__all__ = ["RASA_VERSION", "RefusedStart", "install", "main"]


def install(command: str | None = None) -> None:
    """Patches, channel guard and (for `interactive`) redacted typing; Rasa must be checked first."""
    import rasa_patches

    rasa_patches.install()
    _guard_channels()
    if command == "interactive":
        from rasa_runtime import interactive

        interactive.install()


def _plugin(command: str | None) -> object:
    """Installs from Rasa's own plugin hook `configure_commandline`: after Rasa's CLI has set up
    logging and warning filters (as when Rasa itself imports these modules), before the command runs."""
    import pluggy

    class FrontDoor:
        @pluggy.HookimplMarker("rasa")
        def configure_commandline(self, cmdline_arguments) -> None:
            install(command)

    return FrontDoor()


def _guard_channels() -> None:
    import rasa.core.run as core_run
    import rasa.shared.utils.io
    from rasa.core import channels as rasa_channels

    original = core_run.create_http_input_channels
    if getattr(original, "front_door", False):
        return

    def create_http_input_channels(channel: str | None, credentials_file: str | None) -> list:
        # Rasa's `cmdline` (rasa shell) is a plain RestInput; ours redacts, under the same URL.
        from channels.cmdline import RedactingCmdlineInput

        rasa_channels.BUILTIN_CHANNELS["cmdline"] = RedactingCmdlineInput
        builtin = {name: class_path(cls) for name, cls in rasa_channels.BUILTIN_CHANNELS.items()}
        configured = rasa.shared.utils.io.read_config_file(credentials_file) if credentials_file else {}
        # As Rasa chooses: the --connector alone, or every channel of the credentials file.
        check_channels([channel] if channel else list(configured), builtin, credentials_file, channel)
        created = original(channel, credentials_file)
        check_channels([class_path(type(c)) for c in created], {}, credentials_file, channel)
        return created

    create_http_input_channels.front_door = True
    core_run.create_http_input_channels = create_http_input_channels


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    # Rasa's telemetry would report usage (and error reports) to Rasa's servers: nothing about the
    # use of this assistant leaves the organisation. The variable wins over ~/.config/rasa/global.yml.
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    try:
        import rasa

        check_rasa_version(rasa.__version__)  # before anything imports Rasa's internals
        from rasa.plugin import plugin_manager

        plugin_manager().register(_plugin(command))
        from rasa.__main__ import main as rasa_main

        sys.argv = ["rasa", *argv]  # Rasa's CLI reads sys.argv itself
        rasa_main()
    except RefusedStart as refusal:
        print(f"!! {refusal}", file=sys.stderr)
        return 2
    return 0
