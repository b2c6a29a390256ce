"""The aiohttp app: the chat page at `/`, the embeddable `/widget.js` and `/widget.css`."""

from __future__ import annotations

import html
from string import Template
from urllib.parse import urlsplit

from aiohttp import web

from .assets import Asset, page_template, stylesheet, widget_bundle
from .config import WebSettings

SETTINGS = web.AppKey("settings", WebSettings)
ASSETS = web.AppKey("assets", dict)


def page_csp(rasa_url: str) -> str:
    """Only our own script and styles; connections only to ourselves and to Rasa (http and websocket)."""
    parts = urlsplit(rasa_url)
    ws = {"https": "wss"}.get(parts.scheme, "ws")
    rasa = f"{parts.scheme}://{parts.netloc} {ws}://{parts.netloc}"
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa}; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    )


def cors_middleware(allowed: frozenset[str]):
    """CORS headers only for the origins in WEB_ALLOWED_ORIGINS; every other origin gets none."""

    @web.middleware
    async def cors(request: web.Request, handler):
        origin = request.headers.get("Origin")
        permitted = origin is not None and origin.rstrip("/") in allowed
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            if not permitted:
                return web.Response(status=403, headers={"Vary": "Origin"})
            response = web.Response(
                status=204,
                headers={"Access-Control-Allow-Methods": "GET, HEAD, OPTIONS", "Access-Control-Max-Age": "600"},
            )
        else:
            response = await handler(request)
        response.headers["Vary"] = "Origin"
        if permitted:
            response.headers["Access-Control-Allow-Origin"] = origin
        return response

    return cors


@web.middleware
async def common_headers(request: web.Request, handler):
    response = await handler(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


def _serve(asset: Asset, request: web.Request) -> web.Response:
    headers = {"ETag": asset.etag, "Cache-Control": "no-cache"}
    if request.headers.get("If-None-Match") == asset.etag:
        return web.Response(status=304, headers=headers)
    return web.Response(body=asset.body, content_type=asset.content_type, charset="utf-8", headers=headers)


async def page(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    body = request.app[ASSETS]["page"].substitute(rasa_url=html.escape(settings.rasa_url, quote=True))
    return web.Response(
        text=body,
        content_type="text/html",
        charset="utf-8",
        headers={"Content-Security-Policy": page_csp(settings.rasa_url), "Cache-Control": "no-cache"},
    )


async def widget_js(request: web.Request) -> web.Response:
    return _serve(request.app[ASSETS]["widget.js"], request)


async def widget_css(request: web.Request) -> web.Response:
    return _serve(request.app[ASSETS]["widget.css"], request)


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app(settings: WebSettings | None = None) -> web.Application:
    """The app; raises AssetsMissing (with what to run) when socket.io-client is not installed."""
    settings = settings or WebSettings.from_env()
    app = web.Application(middlewares=[cors_middleware(settings.allowed_origins), common_headers])
    app[SETTINGS] = settings
    app[ASSETS] = {"widget.js": widget_bundle(), "widget.css": stylesheet(), "page": Template(page_template())}
    app.router.add_get("/", page)
    app.router.add_get("/widget.js", widget_js)
    app.router.add_get("/widget.css", widget_css)
    app.router.add_get("/health", health)
    return app
