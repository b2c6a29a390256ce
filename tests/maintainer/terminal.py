"""A program in a pseudo-terminal, driven like a person at the keyboard (stdlib only: pty, no pexpect).

The program gets the terminal as its controlling terminal and stdin/stdout/stderr, so prompt_toolkit
(Rasa's questionary prompts) switches it to raw mode and reads keys exactly as from a real terminal.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

# Colours, cursor moves and other control sequences: what remains is the text a person reads.
_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78M]|\r")

ENTER = "\r"
DOWN = "\x1b[B"
CTRL_C = "\x03"
CTRL_U = "\x15"  # prompt_toolkit: delete the line before the cursor (here: the proposed default)


class Terminal:
    def __init__(self, argv: list[str], cwd, env: dict[str, str], rows: int = 60, cols: int = 400):
        master, slave = os.openpty()
        # Wide, so that Rasa's long questions are not wrapped with cursor moves in between.
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.master = master
        self.raw = b""
        self.seen = 0  # position in `text` after the last expected match

    @property
    def text(self) -> str:
        return _CONTROL.sub("", self.raw.decode("utf-8", "replace"))

    def _read(self, timeout: float) -> bool:
        """Reads what the program wrote within `timeout` seconds; False once it closed the terminal."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # EIO: every process closed the terminal
            return False
        # Like a real terminal, answer prompt_toolkit's question where the cursor is (else it warns and guesses).
        for _ in range(chunk.count(b"\x1b[6n")):
            os.write(self.master, b"\x1b[1;1R")
        self.raw += chunk
        return bool(chunk)

    def expect(self, pattern: str, timeout: float) -> re.Match:
        """Waits until the text after the previous match matches `pattern`; the match."""
        deadline = time.monotonic() + timeout
        while True:
            match = re.compile(pattern, re.S).search(self.text, self.seen)
            if match:
                self.seen = match.end()
                return match
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(min(left, 0.5)):
                tail = self.text[self.seen :][-3000:]
                raise AssertionError(f"{pattern!r} verscheen niet binnen {timeout:.0f} s; de terminal toonde:\n{tail}")

    def type(self, keys: str) -> None:
        # A person's keystrokes arrive one key at a time; an escape sequence (arrow key) is one key.
        for key in re.findall(r"\x1b\[[A-D]|.", keys, re.S):
            os.write(self.master, key.encode("utf-8"))
            time.sleep(0.02)

    def wait(self, timeout: float) -> int:
        """Waits for the program to end, reading the terminal meanwhile; its exit code."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.5)
        while self._read(0.1) and len(select.select([self.master], [], [], 0)[0]):
            pass
        return self.proc.wait(timeout=max(1.0, deadline - time.monotonic()))

    def close(self) -> None:
        """Stops the program and everything it started (its own process group), then the terminal."""
        if self.proc.poll() is None:
            for sig, grace in ((signal.SIGINT, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.proc.pid, sig)
                    self.proc.wait(timeout=grace)
                    break
                except ProcessLookupError:
                    break
                except subprocess.TimeoutExpired:
                    continue
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)  # the action server, should it outlive the script
        except ProcessLookupError:
            pass
        os.close(self.master)
