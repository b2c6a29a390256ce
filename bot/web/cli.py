"""`python -m bot web` / `python -m bot.web`: serve the chat page."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from .config import WebSettings, parse_origins


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="adres om op te luisteren (WEB_HOST, standaard 0.0.0.0)")
    parser.add_argument("--port", type=int, help="poort (WEB_PORT, standaard 8000)")
    parser.add_argument(
        "--rasa-url", help="Rasa zoals de browser het bereikt (RASA_URL, standaard http://localhost:5005)"
    )
    parser.add_argument(
        "--allowed-origins",
        help="sites die de widget mogen insluiten, met komma's (WEB_ALLOWED_ORIGINS, standaard http://localhost:8000)",
    )


def settings_from(args: argparse.Namespace) -> WebSettings:
    settings = WebSettings.from_env()
    overrides = {
        "host": args.host,
        "port": args.port,
        "rasa_url": args.rasa_url.rstrip("/") if args.rasa_url else None,
        "allowed_origins": parse_origins(args.allowed_origins) if args.allowed_origins else None,
    }
    return replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def run(args: argparse.Namespace) -> int:
    from aiohttp import web

    from .app import create_app
    from .assets import AssetsMissing

    settings = settings_from(args)
    try:
        app = create_app(settings)
    except AssetsMissing as exc:
        print(f"De chatpagina kan niet starten: {exc}", file=sys.stderr)
        return 1
    shown_host = "localhost" if settings.host in ("0.0.0.0", "::", "") else settings.host
    print(f"Chatpagina: http://{shown_host}:{settings.port}  (Rasa: {settings.rasa_url})", flush=True)
    web.run_app(app, host=settings.host, port=settings.port, print=None, access_log=None)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.web", description="Chatpagina van de armoede-assistent")
    add_arguments(parser)
    return run(parser.parse_args(argv))
