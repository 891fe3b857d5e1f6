"""Command line: ``reader [SOURCE]`` opens the app; ``reader analyse SOURCE...`` prints the
analysis."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date as Date

from reader import __version__
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES, human_size

EPILOG = (
    "SOURCE is a file (text, Markdown, HTML), an http(s) URL, or - for stdin "
    f"(at most {human_size(MAX_BYTES)})."
)


def _iso_date(value: str) -> str:
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _analyse_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader analyse",
        epilog=EPILOG,
        description=(
            "Print the entities, quotes and timeline of each SOURCE "
            "(JSON Lines: one object per source)."
        ),
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE")
    parser.add_argument(
        "--date", type=_iso_date, help="the article's date (YYYY-MM-DD), for relative dates"
    )
    parser.add_argument("--format", choices=("json", "text"), default="json")
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        epilog=EPILOG
        + " Run `reader analyse --help` for the JSON output; `reader library` lists what you"
        " have read and `reader export --help` prints your highlights and notes;"
        " `reader feeds --help` follows news feeds (RSS, Atom).",
        description="A terminal news reader that highlights people, places, quotes and dates.",
    )
    parser.add_argument(
        "source", nargs="?", metavar="SOURCE", help="article to open (default: the library)"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _refuse_terminal_stdin(parser: argparse.ArgumentParser, sources: list[str | None]) -> None:
    """``-`` with nothing piped in would wait for the keyboard (or show a blank screen)."""
    if "-" in sources and sys.stdin is not None and sys.stdin.isatty():
        parser.print_usage(sys.stderr)
        parser.exit(
            2, f"{parser.prog}: error: - reads an article from a pipe, and none is piped in\n"
        )


def analyse_command(argv: list[str]) -> int:
    parser = _analyse_parser()
    args = parser.parse_args(argv)
    _refuse_terminal_stdin(parser, args.sources)
    from reader.analysis import analyse
    from reader.document.load import load
    from reader.report import summary

    status = 0
    for source in args.sources:
        t0 = time.perf_counter()
        try:
            document = load(source)
        except LoadError as err:
            print(f"reader: {err}", file=sys.stderr)
            status = 1
            continue
        load_ms = (time.perf_counter() - t0) * 1000
        result = analyse(document, date=args.date)
        for error in result.errors:
            print(f"reader: {source}: analysis incomplete, {error}", file=sys.stderr)
        if args.format == "json":
            data = result.to_json()
            data["timings_ms"] = {"load": round(load_ms, 2), **data["timings_ms"]}
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(summary(result))
        sys.stdout.flush()
    return status


def app_command(argv: list[str]) -> int:
    parser = _app_parser()
    args = parser.parse_args(argv)
    _refuse_terminal_stdin(parser, [args.source])
    from reader.ui.app import run

    return run(args.source)


# -- reader feeds … (the logic is in reader/feeds/commands.py) ----------------------------------


def feeds_command(argv: list[str]) -> int:
    from reader.feeds.commands import main as feeds_main

    return feeds_main(argv)


# ------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["analyse"] or argv[:1] == ["analyze"]:
            return analyse_command(argv[1:])
        if argv[:1] == ["feeds"]:
            return feeds_command(argv[1:])
        if argv[:1] in (["library"], ["export"]):
            from reader import library_cli

            command = (
                library_cli.library_command if argv[0] == "library" else library_cli.export_command
            )
            return command(argv[1:])
        return app_command(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
