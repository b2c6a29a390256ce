"""Running a small aiohttp app on 127.0.0.1 in a background thread, for the fakes of Microsoft and Slack."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

from aiohttp import web


class LoopbackServer:
    """An aiohttp app in its own thread and event loop; stop() shuts it down."""

    def __init__(self, app: web.Application, port: int):
        self.app, self.port = app, port
        self.url = f"http://127.0.0.1:{port}"
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"fake-{port}")

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._runner = web.AppRunner(self.app, access_log=None)
            self._loop.run_until_complete(self._runner.setup())
            self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        except BaseException as exc:  # reported by start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop.run_forever()

    def start(self) -> LoopbackServer:
        self._thread.start()
        self._ready.wait(10)
        if self._error:
            raise RuntimeError(f"nepserver op poort {self.port} startte niet: {self._error}")
        return self

    def run(self, coroutine, seconds: float = 10):
        """Runs a coroutine on the server's loop (from a test's thread) and returns its result."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(seconds)

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


def wait_until(condition: Callable[[], object], seconds: float = 30, interval: float = 0.2):
    """The condition's first truthy value, or its last value after `seconds`."""
    deadline = time.time() + seconds
    while True:
        value = condition()
        if value or time.time() > deadline:
            return value
        time.sleep(interval)
