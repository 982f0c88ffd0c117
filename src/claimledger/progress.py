"""Progress on stderr: a live line on a terminal, periodic lines when forced elsewhere."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self,
        label: str,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        every: float = 0.5,
    ) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.enabled = self.tty if enabled is None else enabled
        self.label = label
        self.every = every if self.tty else max(every, 2.0)
        self.started = time.monotonic()
        self.last = 0.0
        self.docs = self.rejected = self.words = 0
        self.shown = False

    def update(self, docs: int = 0, rejected: int = 0, words: int = 0) -> None:
        self.docs += docs
        self.rejected += rejected
        self.words += words
        now = time.monotonic()
        if self.enabled and now - self.last >= self.every:
            self.last = now
            self._show(final=False)

    def _show(self, final: bool) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        line = (
            f"{self.label}: {self.docs} documents, {self.rejected} rejected, "
            f"{self.words:,} words, {self.words / elapsed:,.0f} words/s"
        )
        if self.tty:
            self.stream.write("\r" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.enabled and (self.shown or self.docs + self.rejected > 0):
            self._show(final=True)

    def message(self, text: str) -> None:
        """A line that must be seen (a rejection), kept apart from the live line."""
        if self.tty and self.shown:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()
