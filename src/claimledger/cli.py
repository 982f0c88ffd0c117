"""``claimledger`` command line: a thin layer over ``claimledger.api``.

Exit status: 0 success; 1 some inputs were rejected (the others were processed);
2 a usage or user error (nothing was done); 130 interrupted.
"""

from __future__ import annotations

import argparse
import codecs
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from claimledger import api
from claimledger.errors import ClaimLedgerError, UsageError
from claimledger.escapes import json_line, visible
from claimledger.extract.events import classify
from claimledger.model import Rejection
from claimledger.present.outputs import AtomicFile
from claimledger.present.progress import Progress
from claimledger.present.records import KIND_OF
from claimledger.present.table import claims_table
from claimledger.present.writers import write_parquet, write_text
from claimledger.settings import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_BYTES,
    DEFAULT_ORGANISATION,
    Settings,
    db_location,
    default_db_path,
    event_model_path,
    ledger_label,
    review_base_url,
    review_organisation,
)
from claimledger.store import LinkResult
from claimledger.version import __version__


def _add_force(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "--force",
        action="store_true",
        help=f"replace {what} that already exist (never the ledger itself)",
    )


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        type=str,
        default=None,
        help="ledger: a file, or a PostgreSQL address postgresql://user@host/db "
        "(default: $CLAIMLEDGER_DB or ./claimledger.db)",
    )


def _add_ingest_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        help="processes for extraction (default: one per core, at most 4)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="reject inputs larger than this many bytes (default: 10 MiB)",
    )
    p.add_argument(
        "--encoding",
        default=None,
        help="text encoding of .txt/.md/stdin input (default: UTF-8, or the BOM's)",
    )
    p.add_argument(
        "--any-language",
        action="store_true",
        help="keep texts that do not look English instead of rejecting them",
    )
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="let folder walks follow symbolic links, also out of the folder given "
        "(default: links inside a folder are skipped, each with a rejection; no folder is "
        "read twice either way)",
    )
    p.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="check-worthiness score from which a sentence is a claim; a slogan or call to "
        "action never is (default: the model's threshold, chosen by cross-validation)",
    )
    p.add_argument(
        "--event-model",
        default=None,
        metavar="FILE",
        help="type events with this model, one `python train/events.py --out FILE` wrote "
        "(for instance from your own labelled snippets), instead of the shipped one "
        "(default: $CLAIMLEDGER_EVENT_MODEL, else the shipped model)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on stderr (default: when stderr is a terminal)",
    )


def _add_no_link(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-link",
        dest="link",
        action="store_false",
        help="store only: do not link the new documents or check their figures "
        "(`claimledger link` does it later)",
    )


def _add_engine(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--engine",
        choices=api.ENGINES,
        default="local",
        help="where extraction runs: local (a process pool on this machine, the default) or "
        "ray (Ray Data: a local Ray runtime with --workers CPUs, default every core, or the "
        "cluster at --address; needs the ray extra)",
    )
    p.add_argument(
        "--address",
        default=None,
        metavar="ADDR",
        help="--engine ray: join the running Ray cluster at ADDR (host:port of its head, or "
        "auto) instead of starting a local runtime",
    )
    p.add_argument(
        "--parts",
        type=Path,
        default=None,
        metavar="DIR",
        help="--engine ray: keep the Parquet parts the results pass through in DIR, a new or "
        "empty folder (default: a temporary folder, each part deleted once stored)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"claimledger: error: {visible(message)}; see `{self.prog} --help`\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimledger",
        description="Turn documents into a ledger of checkable claims tied to their text.",
    )
    parser.add_argument("--version", action="version", version=f"claimledger {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="ingest, rank the claims, write the HTML report")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    _add_db(p)
    _add_ingest_options(p)
    p.add_argument(
        "--report-dir",
        type=Path,
        default=Path("claimledger-report"),
        help="folder for the HTML report (default: ./claimledger-report)",
    )
    p.add_argument("--top", type=int, default=10, help="claims to print (default 10)")
    _add_force(p, "reports in a --report-dir that claimledger did not write")

    _add_no_link(p)

    p = sub.add_parser("ingest", help="read documents, extract and store them in the ledger")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    _add_db(p)
    _add_ingest_options(p)
    _add_no_link(p)
    _add_engine(p)

    p = sub.add_parser(
        "link",
        help="link the documents not linked yet: figures of one measure across documents, "
        "contradictions, repeated passages, reference checks",
    )
    _add_db(p)
    p.add_argument(
        "--rebuild", action="store_true", help="forget every link and link every document again"
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on stderr (default: when stderr is a terminal)",
    )

    p = sub.add_parser("reference", help="reference figures the desk trusts")
    ref = p.add_subparsers(dest="reference_command", required=True, metavar="ACTION")
    p = ref.add_parser(
        "import",
        help="import a CSV or JSONL file of reference figures (all or nothing) and check "
        "every matching stored figure against them",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    _add_db(p)
    p.add_argument("--dataset", default=None, help="name the rows by (default: the file's name)")
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="import the good rows and record each bad one in the rejections table "
        "(default: any bad row imports nothing)",
    )

    p = sub.add_parser("extract", help="print extracted records as JSONL; no ledger")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - (default)")
    p.add_argument("--what", choices=api.WHAT, default="all")
    p.add_argument("--lines", action="store_true", help="every input line is its own document")
    _add_ingest_options(p)

    p = sub.add_parser("claims", help="list stored claims ranked by check-worthiness")
    _add_db(p)
    p.add_argument(
        "--doc",
        action="append",
        default=None,
        metavar="DOC_ID",
        help="only this document (repeatable)",
    )
    p.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="lowest score shown, whatever the label (default: sentences labelled claim; "
        "0 shows every sentence)",
    )
    p.add_argument(
        "--type",
        dest="claim_type",
        default=None,
        help="only claims of this type (statistic, event, quote, ...)",
    )
    p.add_argument(
        "--event-type",
        default=None,
        help="only claims stating an event of this type: a code (AIR_STRIKE) or an ACLED "
        "sub-event type ('Air/drone strike')",
    )
    p.add_argument("--limit", type=int, default=20, help="rows to show (default 20; 0: all)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")

    p = sub.add_parser("export", help="write stored records as JSONL, CSV or Parquet")
    _add_db(p)
    p.add_argument("--what", choices=api.EXPORT_WHAT, required=True)
    p.add_argument("--format", choices=api.FORMATS, default="jsonl")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="output file (default: stdout; required for parquet)",
    )
    _add_force(p, "an existing output file")

    p.add_argument(
        "--org",
        default=None,
        help="claimreview: the reviewing organisation named as author (default: $CLAIMLEDGER_ORG)",
    )
    p.add_argument(
        "--base-url",
        default=None,
        help="claimreview: where the desk's claim pages are published, for each review's url "
        f"(default: $CLAIMLEDGER_BASE_URL or {DEFAULT_BASE_URL})",
    )

    p = sub.add_parser("serve", help="open the ledger in the review desk, a local web app")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: any free one)")
    p.add_argument(
        "--token",
        default=None,
        help="access token every request must carry; required for a non-loopback --host "
        "(default: $CLAIMLEDGER_TOKEN)",
    )
    p.add_argument(
        "--org",
        default=None,
        help="the reviewing organisation, author of exported ClaimReviews "
        "(default: $CLAIMLEDGER_ORG)",
    )
    p.add_argument(
        "--base-url",
        default=None,
        help="public address of the desk, for ClaimReview urls (default: the address served)",
    )
    p.add_argument("--access-log", action="store_true", help="log each request on stderr")

    p = sub.add_parser("report", help="write HTML reports for stored documents")
    _add_db(p)
    p.add_argument("doc_ids", nargs="*", metavar="DOC_ID")
    p.add_argument("--all", action="store_true", help="every document in the ledger")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder for the reports")
    _add_force(p, "reports in a folder that claimledger did not write")

    p = sub.add_parser(
        "upgrade", help="bring a ledger from an older claimledger to this version's schema"
    )
    _add_db(p)

    p = sub.add_parser(
        "migrate",
        help="copy a whole ledger into a new or empty one (e.g. a SQLite file to PostgreSQL), "
        "then compare every table's rows and checksum on both sides",
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="LEDGER",
        help="the ledger to copy: a file or a postgresql:// address",
    )
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="LEDGER",
        help="a new or empty ledger: a file or a postgresql:// address",
    )
    return parser


MAX_WORKERS = 64
MAX_MAX_BYTES = 1 << 30


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The one function from CLI arguments to ``Settings``."""
    if not 0 <= getattr(args, "workers", 0) <= MAX_WORKERS:
        raise UsageError(
            f"--workers must be 0 (automatic) or a number of processes up to {MAX_WORKERS}"
        )
    threshold = getattr(args, "threshold", None)
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise UsageError(f"--threshold must be between 0 and 1 (a score), not {threshold}")
    if not 0 < getattr(args, "max_bytes", 1) <= MAX_MAX_BYTES:
        raise UsageError(
            f"--max-bytes must be a positive number of bytes up to {MAX_MAX_BYTES:,} (1 GiB)"
        )
    encoding = getattr(args, "encoding", None)
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise UsageError(
                f"--encoding {encoding!r} is not a known text encoding; give a Python codec "
                "name such as utf-8, utf-16-le, latin-1 or cp1252"
            ) from None
        if not getattr(codec, "_is_text_encoding", True):
            raise UsageError(
                f"--encoding {encoding!r} is a {codec.name} transform, not a text encoding; "
                "decode the file first, or give a text encoding such as utf-8 or latin-1"
            )
        try:  # a codec that cannot even carry plain letters ("undefined") decodes nothing
            usable = "Text".encode(codec.name).decode(codec.name) == "Text"
        except (UnicodeError, ValueError):
            usable = False
        if not usable:
            raise UsageError(
                f"--encoding {encoding!r} cannot decode text; give a text encoding such as "
                "utf-8, utf-16-le, latin-1 or cp1252"
            )
    event_model = getattr(args, "event_model", None) or event_model_path()
    if event_model is not None:
        # absolute: Ray's workers need not share this process's folder
        event_model = str(Path(event_model).absolute())
        classify.load_model(event_model)  # a ModelError saying what is wrong, before any work
    return Settings(
        max_bytes=getattr(args, "max_bytes", DEFAULT_MAX_BYTES),
        encoding=encoding,
        english_only=not getattr(args, "any_language", False),
        follow_links=getattr(args, "follow_links", False),
        workers=getattr(args, "workers", 0),
        claim_threshold=getattr(args, "threshold", None),
        event_model=event_model,
    )


def _db(args: argparse.Namespace) -> str | Path:
    return db_location(args.db) if args.db is not None else default_db_path()


def _say_rejection(r: Rejection, progress: Progress | None = None) -> None:
    line = f"claimledger: rejected {visible(r.input)}: {visible(r.reason)}"
    if progress is not None:
        progress.message(line)
    else:
        print(line, file=sys.stderr, flush=True)


def _summary(result: api.IngestResult) -> str:
    def n(count: int, noun: str) -> str:
        return f"{count} {noun}" + ("" if count == 1 else "s")

    return (
        f"{n(len(result.stored), 'document')} stored, {len(result.unchanged)} already in the "
        f"ledger, {len(result.rejected)} rejected"
    )


MOST = 1_000_000_000  # a count beyond any ledger; SQLite's LIMIT takes 64-bit integers


def _at_least(value: int, least: int, option: str, meaning: str, most: int = MOST) -> None:
    if not least <= value <= most:
        raise UsageError(
            f"{option} must be {least} or more and at most {most:,} ({meaning}), not {value}"
        )


def cmd_ingest(args: argparse.Namespace, *, check: bool = False) -> int:
    settings = settings_from_args(args)
    if check:
        _at_least(args.top, 1, "--top", "the number of claims to print")
    progress = Progress("ingest", enabled=args.progress)
    db = _db(args)
    try:
        if check:
            res = api.check(
                args.paths,
                db,
                args.report_dir,
                settings,
                top=args.top,
                force=args.force,
                progress=progress,
                on_rejection=lambda r: _say_rejection(r, progress),
                link=args.link,
            )
            result = res.ingest
        else:
            result = api.ingest(
                args.paths,
                db,
                settings,
                progress=progress,
                on_rejection=lambda r: _say_rejection(r, progress),
                link=args.link,
                engine=args.engine,
                address=args.address,
                parts=args.parts,
            )
    finally:
        progress.close()
    if check:
        sys.stdout.write(claims_table(res.top))
        if res.report_files:
            print(f"report: {visible(res.report_files[0])}", file=sys.stderr)
    linked = ""  # one summary line: the progress line stays the one before it
    if result.linked is not None and result.stored:
        linked = f"; {_link_summary(result.linked, result.checks)}"
    print(
        f"claimledger: {_summary(result)} in {visible(ledger_label(db))}{linked}", file=sys.stderr
    )
    return 1 if result.rejected else 0


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _checks_summary(checks: dict[str, int]) -> str:
    return (
        f"{_plural(checks.get('agrees', 0), 'figure')} agree and "
        f"{checks.get('disagrees', 0):,} disagree with reference rows"
    )


def _link_summary(linked: LinkResult, checks: dict[str, int]) -> str:
    r = linked.relations
    return (
        f"linked {_plural(linked.documents, 'document')}: "
        f"{_plural(linked.figures, 'figure')} of a known measure, "
        f"{_plural(r.get('contradiction', 0), 'contradiction')}, "
        f"{_plural(r.get('update', 0), 'update')}, "
        f"{r.get('consistent', 0):,} consistent, "
        f"{_plural(linked.repeats, 'repeated passage pair')}, "
        f"{_plural(linked.events, 'event')} clustered; "
        f"{_checks_summary(checks)}"
    )


class _LinkProgress:
    """``link: 120 of 1,000 documents`` on stderr, live on a terminal, every 2 s elsewhere
    when forced."""

    def __init__(self, enabled: bool | None) -> None:
        self.tty = sys.stderr.isatty()
        self.enabled = self.tty if enabled is None else enabled
        self.every = 0.5 if self.tty else 2.0
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if not self.enabled or (done < total and now - self.last < self.every):
            return
        self.last = now
        line = f"link: {done:,} of {_plural(total, 'document')}"
        if self.tty:
            sys.stderr.write("\r" + line + ("\n" if done >= total else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def cmd_link(args: argparse.Namespace) -> int:
    linked, checks = api.link(
        _db(args), rebuild=args.rebuild, on_progress=_LinkProgress(args.progress)
    )
    print(f"claimledger: {_link_summary(linked, checks)}", file=sys.stderr)
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    result = api.reference_import(
        _db(args), args.file, dataset=args.dataset, skip_bad=args.skip_bad
    )
    name = visible(args.file)
    for r in result.rejections:
        print(
            f"claimledger: rejected {name}:{r.line}: {visible(r.reason)}",
            file=sys.stderr,
        )
    if not result.imported:
        print(
            f"claimledger: error: nothing imported: {_plural(len(result.rejections), 'bad row')} "
            f"in {name}; fix them, or pass --skip-bad to import the {result.rows:,} good ones",
            file=sys.stderr,
        )
        return 2
    print(
        f"claimledger: imported {_plural(result.rows, 'reference row')} from {name} "
        f"({result.new:,} new), {len(result.rejections):,} rejected; "
        f"{_checks_summary(result.checks)}",
        file=sys.stderr,
    )
    return 1 if result.rejections else 0


def cmd_extract(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    rejected: list[Rejection] = []

    def note(r: Rejection) -> None:
        rejected.append(r)
        _say_rejection(r)

    out = sys.stdout
    for rec in api.extract(
        args.paths or ["-"], args.what, lines=args.lines, settings=settings, on_rejection=note
    ):
        out.write(json_line(rec) + "\n")
    out.flush()
    return 1 if rejected else 0


def cmd_claims(args: argparse.Namespace) -> int:
    _at_least(args.limit, 0, "--limit", "0 shows every row")
    rows = api.claims(
        _db(args),
        doc_ids=args.doc,
        min_score=args.min_score or 0.0,
        label="claim" if args.min_score is None else None,
        claim_type=args.claim_type,
        limit=args.limit or None,
        event_type=args.event_type,
    )
    if args.format == "jsonl":
        for r in rows:
            sys.stdout.write(json_line(r.__dict__) + "\n")
    else:
        sys.stdout.write(claims_table(rows))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    db = _db(args)
    if args.what == "claimreview" and args.format != "jsonl":
        raise UsageError("ClaimReview records are nested JSON-LD; export them with --format jsonl")
    if args.what == "claimreview" or args.base_url is not None:
        review_base_url(args.base_url)  # CLAIMLEDGER_BASE_URL too, before any other line
    if args.format == "parquet" and args.output is None:
        raise UsageError("--format parquet writes a binary file; give it a path with -o")
    out = (
        AtomicFile(args.output, force=args.force, ledgers=[db]) if args.output is not None else None
    )
    try:
        if args.what == "claimreview" and review_organisation(args.org) == DEFAULT_ORGANISATION:
            print(
                f"claimledger: warning: no --org given; ClaimReviews name the author "
                f"{DEFAULT_ORGANISATION!r}",
                file=sys.stderr,
            )
        rows = api.export(db, args.what, args.format, organisation=args.org, base_url=args.base_url)
        kind = KIND_OF.get(args.what)
        if out is None:
            n = write_text(rows, args.format, sys.stdout, kind)
        elif args.format == "parquet":
            assert kind is not None
            n = write_parquet(rows, out.tmp, kind)
        else:
            with open(out.tmp, "w", encoding="utf-8", newline="") as fh:
                n = write_text(rows, args.format, fh, kind)
        if out is not None:
            out.commit()
    except BaseException:
        if out is not None:
            out.discard()
        raise
    print(f"claimledger: exported {n} {args.what} records", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    if not args.all and not args.doc_ids:
        raise UsageError("name the documents to report (DOC_ID ...) or pass --all")
    files = api.report(_db(args), None if args.all else args.doc_ids, args.output, force=args.force)
    print(
        f"claimledger: wrote {len(files) - 1} document reports; open {visible(files[0])}",
        file=sys.stderr,
    )
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    db = _db(args)
    before, after = api.upgrade(db)
    said = "already at" if before == after else f"upgraded from schema version {before} to"
    print(
        f"claimledger: {visible(ledger_label(db))} {said} schema version {after}", file=sys.stderr
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from claimledger.store.copy import copy_ledger

    def said(table: str, n: int) -> None:
        print(f"claimledger: copied {n} rows of {table}", file=sys.stderr, flush=True)

    source, target = db_location(args.source), db_location(args.target)
    tables = copy_ledger(source, target, on_table=said)
    print(f"{'table':<24} {'rows from':>10} {'rows to':>10}  checksum (SHA-256 sum of rows)")
    for t in tables:
        mark = "same" if t.same else f"DIFFERS: {t.checksum_from[:16]} != {t.checksum_to[:16]}"
        print(f"{t.table:<24} {t.rows_from:>10} {t.rows_to:>10}  {t.checksum_from[:16]}  {mark}")
    lost = [t.table for t in tables if not t.same]
    rows = sum(t.rows_from for t in tables)
    if lost:
        print(
            f"claimledger: error: {', '.join(lost)} differ between {ledger_label(source)} and "
            f"{ledger_label(target)} after the copy; do not use the copy, and report this",
            file=sys.stderr,
        )
        return 1
    print(
        f"claimledger: copied {rows} rows in {len(tables)} tables from "
        f"{visible(ledger_label(source))} to {visible(ledger_label(target))}; every count and "
        "checksum matches",
        file=sys.stderr,
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from claimledger.web.server import serve

    serve(
        _db(args),
        host=args.host,
        port=args.port,
        token=args.token,
        organisation=args.org,
        base_url=args.base_url,
        access_log=args.access_log,
    )
    return 0


COMMANDS = {
    "check": lambda a: cmd_ingest(a, check=True),
    "ingest": cmd_ingest,
    "extract": cmd_extract,
    "claims": cmd_claims,
    "export": cmd_export,
    "report": cmd_report,
    "serve": cmd_serve,
    "upgrade": cmd_upgrade,
    "migrate": cmd_migrate,
    "link": cmd_link,
    "reference": cmd_reference,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(COMMANDS[args.command](args))
    except ClaimLedgerError as exc:
        print(f"claimledger: error: {visible(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        if args.command in ("ingest", "check"):
            print(
                "claimledger: interrupted; documents already stored are complete, the one in "
                "progress was not written",
                file=sys.stderr,
            )
        else:
            print("claimledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from
        # complaining again when it flushes stdout at exit.
        sys.stdout = io.TextIOWrapper(io.BytesIO())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
