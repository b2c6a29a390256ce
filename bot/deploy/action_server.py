"""The action server, as `python -m rasa_sdk` starts it, but in one process.

rasa-sdk 3.21 serves with Sanic 25's worker manager: a main process that loads the actions, plus a worker
process that loads them all over again and answers the requests (2 × 220 MB instead of 220 MB), plus two
helper processes. rasa-sdk 3.6 (Sanic 21) served in the process that was started. This module keeps
rasa-sdk's own command line, logging and app (`rasa_sdk.__main__`, `create_app_for_serve`) and only
serves that app in the started process, so that the supervisor and systemd watch the process that answers.

Usage: python -m bot.deploy.action_server --actions actions --port 5055 (the options of `python -m rasa_sdk`).
"""

from __future__ import annotations

import os
import warnings
from functools import partial

import rasa_sdk.__main__ as rasa_sdk_main
from rasa_sdk.endpoint import create_app_for_serve, create_ssl_config


def run_in_this_process(
    action_executor,
    port,
    cors_origins,
    ssl_certificate=None,
    ssl_keyfile=None,
    ssl_password=None,
    auto_reload=False,
    endpoints=None,
) -> None:
    """rasa_sdk.endpoint.run with the same app, served by Sanic's single-process mode."""
    if auto_reload:
        raise SystemExit("--auto-reload werkt niet in één proces; start dan `python -m rasa_sdk`.")
    factory = partial(create_app_for_serve, action_executor, cors_origins=cors_origins)
    app = factory(endpoints=endpoints) if endpoints else factory()
    app.run(
        host=os.environ.get("SANIC_HOST", "0.0.0.0"),
        port=port,
        ssl=create_ssl_config(ssl_certificate, ssl_keyfile, ssl_password),
        single_process=True,
    )


def main() -> None:
    # rasa-sdk warns when its major.minor differs from Rasa's; Rasa 3.6 with rasa-sdk 3.21 is what the
    # end-to-end tests run (tests/e2e), so the warning would only mislead whoever reads actions.log.
    warnings.filterwarnings("ignore", message="Your versions of rasa and rasa_sdk might not be compatible")
    rasa_sdk_main.run = run_in_this_process
    rasa_sdk_main.main()


if __name__ == "__main__":
    main()
