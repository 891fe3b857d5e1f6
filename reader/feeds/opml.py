"""OPML 2.0, the file feed readers exchange subscriptions in: read (folders flattened) and write."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import formatdate

from reader.document.errors import LoadError
from reader.feeds.parse import one_line


@dataclass(frozen=True, slots=True)
class Outline:
    url: str
    title: str | None = None
    site: str | None = None


def read(data: bytes, source: str) -> list[Outline]:
    """Every outline with an http(s) ``xmlUrl``, in file order, each URL once; names on one line
    without control characters (they are printed to the terminal)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise LoadError(f"{source}: not an OPML file ({err})") from None
    if root.tag != "opml":
        raise LoadError(f"{source}: not an OPML file (the root is <{root.tag[:40]}>)")
    found: dict[str, Outline] = {}
    for node in root.iter("outline"):
        url = one_line(node.get("xmlUrl")) or ""
        if url.lower().startswith(("http://", "https://")) and url not in found:
            title = one_line(node.get("title") or node.get("text"))
            found[url] = Outline(url, title, one_line(node.get("htmlUrl")))
    return list(found.values())


def write(outlines: Iterable[Outline], title: str = "reader feeds") -> str:
    """An OPML 2.0 document listing ``outlines`` as RSS subscriptions."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = ET.SubElement(root, "body")
    for o in outlines:
        attrs = {"type": "rss", "text": o.title or o.url, "xmlUrl": o.url}
        if o.title:
            attrs["title"] = o.title
        if o.site:
            attrs["htmlUrl"] = o.site
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
