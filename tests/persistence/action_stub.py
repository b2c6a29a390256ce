"""A stand-in for the action server on loopback that errors or is slow, in a thread of its own."""

from __future__ import annotations

import asyncio
import threading

from aiohttp import web


class ActionStub:
    """mode "error": every action call gets HTTP 500; mode "slow": no answer for `delay` seconds."""

    def __init__(self, port: int, mode: str, delay: float = 60):
        self.port, self.mode, self.delay = port, mode, delay
        self.calls = 0
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    async def _webhook(self, request: web.Request) -> web.Response:
        self.calls += 1
        if self.mode == "error":
            return web.json_response({"error": "stub"}, status=500)
        await asyncio.sleep(self.delay)
        return web.json_response({"events": [], "responses": [{"text": "te laat"}]})

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/webhook", self._webhook)
        self._runner = web.AppRunner(app, shutdown_timeout=1)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def start(self) -> ActionStub:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _stop(self) -> None:
        await self._runner.cleanup()
        # Slow calls Rasa gave up on are still sleeping here: end them too.
        pending = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def __enter__(self) -> ActionStub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
