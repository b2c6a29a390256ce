"""Settings of the web app, read from the environment (and overridable on the command line)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_PORT = 8000
DEFAULT_RASA_URL = "http://localhost:5005"
DEFAULT_ALLOWED_ORIGINS = "http://localhost:8000"


def parse_origins(value: str) -> frozenset[str]:
    """'https://a.nl, https://b.nl/' → {'https://a.nl', 'https://b.nl'} (an origin has no path or trailing slash)."""
    return frozenset(o.strip().rstrip("/") for o in value.split(",") if o.strip())


@dataclass(frozen=True)
class WebSettings:
    host: str = "0.0.0.0"
    port: int = DEFAULT_PORT
    rasa_url: str = DEFAULT_RASA_URL  # as the browser reaches Rasa
    allowed_origins: frozenset[str] = field(default_factory=lambda: parse_origins(DEFAULT_ALLOWED_ORIGINS))

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> WebSettings:
        env = os.environ if env is None else env
        return cls(
            host=env.get("WEB_HOST", "0.0.0.0"),
            port=int(env.get("WEB_PORT", DEFAULT_PORT)),
            rasa_url=env.get("RASA_URL", DEFAULT_RASA_URL).rstrip("/"),
            allowed_origins=parse_origins(env.get("WEB_ALLOWED_ORIGINS", DEFAULT_ALLOWED_ORIGINS)),
        )
