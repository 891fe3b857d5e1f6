"""Loaders: every kind of source becomes one Document whose blocks are spans of its text."""

from __future__ import annotations

import os

import pytest
from conftest import ARTICLES, SEED

from reader.document.decode import normalise
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES
from reader.document.load import from_bytes, load


def block_texts(doc, kind):
    return [doc.text[b.span.start : b.span.end] for b in doc.blocks if b.kind == kind]


def test_seed_text_is_the_file_and_structure_is_detected(seed_text):
    doc = load(str(SEED))
    assert doc.text == seed_text
    assert block_texts(doc, "title") == ["NATO pledges to support Kyiv as long as necessary"]
    assert block_texts(doc, "heading") == ["Kuleba is invited to the summit", "Help from allies"]
    assert len(block_texts(doc, "paragraph")) == 7
    assert doc.title == "NATO pledges to support Kyiv as long as necessary"


def test_hard_wrapped_text_groups_lines_into_paragraphs():
    doc = load(str(ARTICLES / "glacier-study.txt"))
    paragraphs = block_texts(doc, "paragraph")
    assert paragraphs[0].startswith("Switzerland's glaciers") and paragraphs[0].endswith(
        "on Wednesday."
    )
    assert block_texts(doc, "heading") == ["What the measurements show"]


def test_markdown_front_matter_is_metadata_and_markup_is_removed():
    doc = load(str(ARTICLES / "river-port-reopens.md"))
    assert (doc.title, doc.date, doc.author) == (
        "River port reopens after three-week strike",
        "2024-03-14",
        "Maria Lindqvist",
    )
    assert "**" not in doc.text and "---" not in doc.text and "#" not in doc.text
    assert "said Pieter de Vries, the union’s" in doc.text
    assert block_texts(doc, "title") == [
        "River port reopens after three-week strike"
    ]  # not repeated
    assert block_texts(doc, "heading") == ["What was agreed", "What comes next"]


def test_html_main_content_and_metadata_are_extracted():
    doc = load(str(ARTICLES / "museum-night.html"))
    assert doc.title == "Lisbon museum opens its doors at night"
    assert (doc.author, doc.date) == ("João Pereira", "2023-10-06")
    assert (
        "Helena Costa" in doc.text
        and "All rights reserved" not in doc.text
        and "Sport" not in doc.text
    )
    assert block_texts(doc, "heading") == ["A pilot for other museums"]


BLOCKQUOTE_HTML = b"""<html><head><title>Port strike ends</title></head><body><article>
<h1>Port strike ends</h1>
<p>The union leader spoke to reporters on Thursday after the vote at the harbour offices,
where hundreds had
gathered since the early morning. She was
in a confident mood as she set out what the deal means.</p>
<p>In a statement, the chief negotiator, Anna Berg, said:</p>
<blockquote><p>We did not get everything we asked for, but we got enough to go back
to work.</p></blockquote>
<p>The port authority said the backlog would be cleared within ten days,
and that ships would dock again.</p>
</article></body></html>"""


def test_blockquotes_are_blocks_of_their_own():
    md = from_bytes(
        b"She said:\n\n> We will not stop.\n> Never.\n\nAfter that, silence.\n", "x.md", "markdown"
    )
    assert block_texts(md, "blockquote") == ["We will not stop. Never."]
    html = from_bytes(BLOCKQUOTE_HTML, "x.html", "html")
    assert block_texts(html, "blockquote") == [
        "We did not get everything we asked for, but we got enough to go back to work."
    ]
    assert len(block_texts(html, "paragraph")) == 3


def test_bom_and_crlf_are_normalised():
    doc = from_bytes(
        "\ufeffTitle here\r\n\r\nA paragraph.\rAnother one.\r\n".encode(), "x.txt", None
    )
    assert doc.text == "Title here\n\nA paragraph.\nAnother one.\n"


def test_other_encodings_are_detected_with_a_warning():
    doc = from_bytes(
        ("Новости дня: правительство объявило о новых мерах поддержки.\n" * 5).encode("cp1251"),
        "x.txt",
        None,
    )
    assert doc.text.startswith("Новости дня") and doc.warnings


def test_control_characters_and_ansi_escapes_become_visible_and_keep_offsets():
    raw = "Title\n\nRed \x1b[31malert\x1b[0m and a bell\x07 and [bold]markup[/bold].\n"
    doc = from_bytes(raw.encode(), "x.txt", None)
    assert len(doc.text) == len(raw)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in doc.text)
    assert "␛[31malert" in doc.text and "[bold]markup[/bold]" in doc.text
    assert normalise("\x9b") == "\ufffd"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: (p / "empty.txt").write_text("  \n") and p / "empty.txt", "empty"),
        (
            lambda p: (p / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100)) and p / "x.png",
            "PNG image",
        ),
        (lambda p: (p / "r.bin").write_bytes(bytes(range(256)) * 40) and p / "r.bin", "binary"),
        (
            lambda p: (
                (p / "e.html").write_text(
                    "<html><head><title>t</title></head><body><div></div></body></html>"
                )
                and p / "e.html"
            ),
            "no article text",
        ),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, make, message):
    with pytest.raises(LoadError) as err:
        load(str(make(tmp_path)))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_huge_file_is_refused_with_the_limit_in_the_message(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: nothing is written, only the size is checked
    with pytest.raises(LoadError, match="20 MiB"):
        load(str(big))
    assert MAX_BYTES == 20 * 1024 * 1024


def test_deeply_nested_markdown_keeps_its_text():
    quoted = from_bytes((">" * 5000 + " Deep words here.\n").encode(), "q.md", "markdown")
    assert quoted.text == "Deep words here." and block_texts(quoted, "blockquote") == [quoted.text]
    items = "".join("  " * i + f"- item {i} here\n" for i in range(3000))
    listed = from_bytes(items.encode(), "l.md", "markdown")
    assert [b.split()[-2] for b in block_texts(listed, "paragraph")] == [
        str(i) for i in range(3000)
    ]


def test_a_fifo_and_a_device_give_one_line_errors(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # no writer: opening it for reading would block
    (tmp_path / "zero").symlink_to("/dev/zero")
    for path, message in [(fifo, "is a named pipe"), (tmp_path / "zero", "is a device")]:
        with pytest.raises(LoadError) as err:
            load(str(path))
        assert message in str(err.value) and "\n" not in str(err.value)


def test_the_cap_counts_bytes_read_not_the_size_stat_reported(tmp_path, monkeypatch):
    import reader.document.load as loader

    grown = tmp_path / "grows.txt"
    grown.write_bytes(b"a" * 2048)  # stat says 2 KiB; by the time it is read it is larger
    monkeypatch.setattr(loader, "MAX_BYTES", 1024 * 1024)
    real_fstat = os.fstat

    def stale_fstat(fd):
        result = real_fstat(fd)
        grown.write_bytes(b"a" * (2 * 1024 * 1024))
        return result

    monkeypatch.setattr(loader.os, "fstat", stale_fstat)
    with pytest.raises(LoadError, match="grew past the 1 MiB limit while being read"):
        load(str(grown))
