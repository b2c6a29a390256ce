"""The widget's files: our own JavaScript and CSS, and socket.io-client from node_modules.

`/widget.js` is one self-contained script, so that one script tag embeds the chat on any
site: socket.io-client's browser build (installed by `npm ci` from package-lock.json, never
copied into the repository) runs inside a function scope next to our renderer and widget,
so it neither needs nor overwrites a global `io` on the host page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..config import PROJECT_ROOT

STATIC_DIR = Path(__file__).resolve().parent / "static"
NODE_MODULES = PROJECT_ROOT / "node_modules"
SOCKET_IO_DIST = Path("socket.io-client") / "dist" / "socket.io.min.js"


class AssetsMissing(RuntimeError):
    """socket.io-client is not installed (scripts/setup_web.sh was not run)."""


@dataclass(frozen=True)
class Asset:
    body: bytes
    content_type: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


def _socket_io(node_modules: Path) -> str:
    path = node_modules / SOCKET_IO_DIST
    if not path.is_file():
        raise AssetsMissing(
            f"{path} ontbreekt. Installeer de browserbibliotheek met scripts/setup_web.sh "
            "(npm ci; vraagt Node.js en npm)."
        )
    # The source map is not served; drop its reference so browsers do not ask for it.
    return "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("//# sourceMappingURL=")
    )


def widget_bundle(node_modules: Path = NODE_MODULES) -> Asset:
    """socket.io-client + render.js + widget.js as one script; socket.io's UMD build exports into `module`."""
    parts = [
        "/*! Armoede-assistent: chatwidget. Bevat socket.io-client (MIT-licentie). */",
        "(function () {",
        "var module = { exports: {} }, exports = module.exports, define;",
        _socket_io(node_modules),
        ";var io = module.exports;",
        (STATIC_DIR / "render.js").read_text(encoding="utf-8"),
        (STATIC_DIR / "widget.js").read_text(encoding="utf-8"),
        "})();",
    ]
    return Asset("\n".join(parts).encode("utf-8"), "application/javascript")


def stylesheet() -> Asset:
    return Asset((STATIC_DIR / "widget.css").read_bytes(), "text/css")


def page_template() -> str:
    return (STATIC_DIR / "index.html").read_text(encoding="utf-8")
