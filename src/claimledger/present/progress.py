"""Progress on stderr: a live line on a terminal, periodic lines when forced elsewhere.

Documents are counted as they are stored, and the characters of those still being
extracted as extraction reports them, so one long document shows how far it has got:
``ingest: 0 documents, 0 rejected, 0 words, 0 words/s, 15,210 characters/s; extracting
1 document: 140,000 of 410,000 characters (34%)``.
"""

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
        self.chars = 0  # characters of documents extracted in full
        self.partial: dict[int, tuple[int, int]] = {}  # document -> (done, total) characters
        self.shown = False

    def update(self, docs: int = 0, rejected: int = 0, words: int = 0) -> None:
        self.docs += docs
        self.rejected += rejected
        self.words += words
        self._tick()

    def extracting(self, document: int, done: int, total: int) -> None:
        """``done`` of the ``total`` characters of a document (any number that tells it
        apart) are extracted; once all are, it leaves the line and counts in the rate."""
        if done >= total:
            self.partial.pop(document, None)
            self.chars += total
        else:
            self.partial[document] = (done, total)
        self._tick()

    def _tick(self) -> None:
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
        done = sum(d for d, _ in self.partial.values())
        if self.chars or done:
            line += f", {(self.chars + done) / elapsed:,.0f} characters/s"
        if self.partial and not final:
            total = sum(t for _, t in self.partial.values())
            n = len(self.partial)
            line += (
                f"; extracting {n} document{'' if n == 1 else 's'}: "
                f"{done:,} of {total:,} characters ({100 * done // max(total, 1)}%)"
            )
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K" + ("\n" if final else ""))
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
