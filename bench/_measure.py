"""Run a command and measure its wall time and peak memory (the whole process tree); run
one system of a side-by-side bench in its own process, JSON in and out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# The peers' own environment (bench/setup_peers.sh), apart from claimledger's.
PEER_PYTHON = Path(__file__).resolve().parent / ".peers" / "venv" / "bin" / "python"


def run_json(python: str, args: list[str], payload: Any) -> dict[str, Any]:
    """Run ``python args`` with ``payload`` as JSON on stdin; its JSON stdout, its stderr
    passed on. Exits the bench with the system's stderr when it fails."""
    proc = subprocess.run(
        [python, *args], input=json.dumps(payload), text=True, capture_output=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench: {args[-1][:40]} failed:\n{proc.stderr[-3000:]}")
    sys.stderr.write(proc.stderr)
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


@dataclass
class Measured:
    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def _tree_rss_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(pid)
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[pid] = int(line.split()[1])
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    peak = 0
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.monotonic() - started
    done.set()
    sampler.join()
    return Measured(seconds, peak / 1024, proc.returncode, out, err)
