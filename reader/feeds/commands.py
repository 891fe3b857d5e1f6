"""``reader feeds …``: follow, list, refresh and read feeds from the shell.

Output for people is one line per feed or item; ``items --format json`` is JSON Lines for scripts.
Errors are one line on stderr, ``reader: …``, and the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from reader.document.errors import LoadError
from reader.feeds.follow import export_opml, follow, import_opml
from reader.feeds.refresh import Outcome, refresh
from reader.store import Store, open_store
from reader.store import feeds as stored

FEED_HELP = "a feed: its number in `reader feeds`, its URL or its title"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="reader feeds",
        description="Follow news feeds (RSS, Atom) and read each new article in full. "
        "Without a command, list the feeds followed with their unread counts.",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    add = sub.add_parser("add", help="follow a feed, or the feed a web page links to")
    add.add_argument("url", metavar="URL", help="a feed URL or file, or a page naming its feed")
    remove = sub.add_parser("remove", help="stop following a feed")
    remove.add_argument("feed", metavar="FEED", help=FEED_HELP)
    opml_in = sub.add_parser("import", help="follow every feed of an OPML file")
    opml_in.add_argument("file", metavar="FILE.opml")
    sub.add_parser("export", help="print the feeds followed as OPML 2.0")
    again = sub.add_parser("refresh", help="fetch the feeds' new items (all, or one)")
    again.add_argument("feed", nargs="?", metavar="FEED", help=FEED_HELP)
    items = sub.add_parser("items", help="list items, newest first")
    items.add_argument("feed", nargs="?", metavar="FEED", help=FEED_HELP)
    items.add_argument("--unread", action="store_true", help="only items not read yet")
    items.add_argument("--format", choices=("text", "json"), default="text")
    return p


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(argv)
    store = open_store()
    if store.note:
        print(store.note, file=sys.stderr)
    try:
        return COMMANDS[args.command or "list"](store, args)
    except LoadError as error:
        print(f"reader: {error}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _list(store: Store, args: argparse.Namespace) -> int:
    feeds = store.read(stored.feeds)
    if not feeds:
        print("No feeds yet: `reader feeds add URL` follows one.")
    for f in feeds:
        failed = "  (last refresh failed)" if f.error else ""
        print(f"{f.id:>4}  {f.unread:>5} unread of {f.total:<5}  {f.name}  <{f.url}>{failed}")
    return 0


def _feed(store: Store, spec: str) -> stored.Feed:
    feed = store.read(stored.resolve, spec)
    if feed is None:
        raise LoadError(f"no feed {spec!r} is followed (`reader feeds` lists them)")
    return feed


def _add(store: Store, args: argparse.Namespace) -> int:
    feed, new, created = follow(store, args.url)
    verb = "Following" if created else "Already following"
    print(f"{verb} {feed.name} <{feed.url}>: {new} new item{'s' * (new != 1)}")
    return 0


def _remove(store: Store, args: argparse.Namespace) -> int:
    feed = _feed(store, args.feed)
    store.write(stored.remove, feed.id)
    print(f"No longer following {feed.name} <{feed.url}>")
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    added, known = import_opml(store, args.file)
    print(
        f"Following {added} new feed{'s' * (added != 1)} ({known} already followed);"
        " `reader feeds refresh` fetches their items"
    )
    return 0


def _export(store: Store, args: argparse.Namespace) -> int:
    sys.stdout.write(export_opml(store))
    return 0


def _refresh(store: Store, args: argparse.Namespace) -> int:
    feeds = [_feed(store, args.feed)] if args.feed else store.read(stored.feeds)
    if not feeds:
        print("No feeds yet: `reader feeds add URL` follows one.")
        return 0
    outcomes = _with_progress(store, feeds) if sys.stderr.isatty() else refresh(store, feeds)
    failed = [o for o in outcomes if o.error]
    for o in outcomes:
        if o.problem and not o.error:
            print(
                "reader: " + o.say(f"{o.feed.url}: malformed feed, read in part ({o.problem})"),
                file=sys.stderr,
            )
    for o in failed:
        print(f"reader: {o.failure}", file=sys.stderr)
    new = sum(o.new for o in outcomes)
    print(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} feeds refreshed, "
        f"{new} new item{'s' * (new != 1)}" + (f", {len(failed)} failed" if failed else "")
    )
    return 1 if failed else 0


def _with_progress(store: Store, feeds: list[stored.Feed]) -> list[Outcome]:
    """The refresh with a Rich progress bar on stderr (a terminal), gone when it ends."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("Refreshing feeds"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("refresh", total=len(feeds))
        return refresh(store, feeds, lambda done, total, _: bar.update(task, completed=done))


def _items(store: Store, args: argparse.Namespace) -> int:
    feed_id = _feed(store, args.feed).id if args.feed else None
    for item in store.read(stored.items, feed_id, args.unread):
        if args.format == "json":
            print(json.dumps(item_json(item), ensure_ascii=False))
        else:
            mark = " " if item.read else "*"
            when = (item.published or "")[:10].ljust(10)
            source = item.feed_title or item.feed_url
            print(f"{mark} {when}  {source}  {item.title}  <{item.link or ''}>")
    return 0


def item_json(item: stored.Item) -> dict[str, object]:
    return {
        "feed": item.feed_url,
        "feed_title": item.feed_title,
        "title": item.title,
        "link": item.link,
        "published": item.published,
        "author": item.author,
        "read": item.read,
    }


COMMANDS = {
    "list": _list,
    "add": _add,
    "remove": _remove,
    "import": _import,
    "export": _export,
    "refresh": _refresh,
    "items": _items,
}
