"""``reader analyse``: the schema-1 JSON contract the scorers and the UI share."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ARTICLES, ROOT, SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        input=stdin,
        cwd=ROOT,
        timeout=120,
    )


def test_seed_json_matches_the_contract(seed_text):
    out = run("analyse", str(SEED), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == 1 and data["text"] == seed_text
    kinds = [b["kind"] for b in data["blocks"]]
    assert (
        kinds.count("title") == 1 and kinds.count("heading") == 2 and kinds.count("paragraph") == 7
    )
    starts = [seed_text[s["start"] : s["end"]] for s in data["sentences"]]
    assert any(s.startswith("Invited to Bucharest") for s in starts)
    assert any(s.startswith("He replied") for s in starts)
    for key in ("entities", "quotes", "times", "timeline"):
        assert isinstance(data[key], list)
    assert set(data["timings_ms"]) >= {"load", "sentences", "entities", "quotes", "times"}
    for item in data["entities"]:
        assert all(0 <= m["start"] < m["end"] <= len(seed_text) for m in item["mentions"])


def test_several_inputs_give_json_lines_in_order():
    sources = [str(ARTICLES / "glacier-study.txt"), str(SEED)]
    out = run("analyse", *sources)
    lines = out.stdout.decode().splitlines()
    assert [json.loads(line)["source"] for line in lines] == sources


def test_stdin_and_date_option():
    out = run("analyse", "-", "--date", "2024-05-01", stdin=b"Headline\n\nA short story.\n")
    data = json.loads(out.stdout)
    assert (data["source"], data["date"], data["date_source"]) == ("-", "2024-05-01", "option")


def test_text_format_is_a_readable_summary():
    out = run("analyse", str(ARTICLES / "river-port-reopens.md"), "--format", "text")
    text = out.stdout.decode()
    assert text.startswith("River port reopens after three-week strike\n")
    assert "date: 2024-03-14" in text and "Maria Lindqvist" in text
    one = run(
        "analyse", "-", "--format", "text", stdin="“It is over,” said Ann Lee.".encode()
    ).stdout.decode()
    assert "1 block, 1 sentence" in one  # counts in the right number


def test_a_blockquote_is_a_flagged_paragraph_in_schema_1(tmp_path):
    (tmp_path / "a.md").write_text("Ana Ruiz said:\n\n> We will not stop.\n", encoding="utf-8")
    blocks = json.loads(run("analyse", str(tmp_path / "a.md")).stdout)["blocks"]
    assert {b["kind"] for b in blocks} <= {"title", "heading", "paragraph"}
    assert [b.get("blockquote", False) for b in blocks] == [False, True]


def test_exit_codes_and_one_line_errors(tmp_path):
    missing = run("analyse", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1
    assert (
        missing.stderr.decode().strip().count("\n") == 0
        and "no such file" in missing.stderr.decode()
    )
    assert run("analyse").returncode == 2
    assert run("analyse", str(SEED), "--date", "yesterday").returncode == 2
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    partial = run("analyse", str(tmp_path / "a.png"), str(SEED))
    assert partial.returncode == 1 and len(partial.stdout.splitlines()) == 1
    assert b"Traceback" not in partial.stderr


def test_a_failing_analyser_costs_only_its_own_findings(monkeypatch, seed_text):
    import reader.analysis.pipeline as pipeline
    from reader.document.load import load

    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr(pipeline, "find_quotes", broken)
    result = pipeline.analyse(load(str(SEED)))
    assert result.errors == ("quotes: ValueError: boom",) and result.quotes == ()
    assert result.entities and result.document.text == seed_text
    assert result.to_json()["errors"] == ["quotes: ValueError: boom"]


def test_stdin_from_a_terminal_prints_usage_and_exits_2():
    import os
    import pty

    primary, secondary = pty.openpty()
    try:
        for args in (["-"], ["analyse", "-"]):
            out = subprocess.run(
                [sys.executable, "-m", "reader", *args],
                stdin=secondary,
                capture_output=True,
                cwd=ROOT,
                timeout=60,
            )
            assert out.returncode == 2
            assert out.stderr.decode().startswith("usage: reader")
            assert "none is piped in" in out.stderr.decode()
    finally:
        os.close(primary)
        os.close(secondary)


def test_a_bad_url_is_one_plain_line():
    out = run("analyse", "http://example.invalid/news", "http://[::1")
    assert out.returncode == 1 and out.stdout == b""
    assert out.stderr.decode().splitlines() == [
        "reader: could not reach example.invalid (name not found)",
        "reader: http://[::1: not a valid URL",
    ]


def test_a_server_cannot_write_escape_sequences_to_the_terminal():
    from test_fetch import answer, serve

    for url in serve(answer(b"HTTP/1.1 500 \x1b]0;owned\x07\x1b[2JBroken\r\nContent-Length: 0")):
        out = run("analyse", f"{url}/x")
    err = out.stderr.decode()
    assert out.returncode == 1 and "\x1b" not in err and "\x07" not in err
    assert "the server answered 500 ␛]0;owned␇␛[2JBroken" in err
