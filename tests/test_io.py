"""Input loading: every format, every bad input reported with its file and line, nothing lost."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.errors import InputError, UnsupportedLanguageError
from factcheck.io import iter_articles, iter_inputs, iter_located, load_articles, normalise_language
from factcheck.models import Article, SkippedInput

DATA = Path(__file__).parent / "data" / "io"
GOOD_EN = "Officials said that about 3,000 more soldiers were deployed, the ministry said."
GOOD_HI = "अधिकारियों ने कहा कि लगभग 3,000 सैनिक तैनात किए गए हैं।"


def _write(folder: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            p.write_text(content, encoding="utf-8")
        else:
            p.write_bytes(content)


def _skips(items: list) -> list[SkippedInput]:
    return [i for i in items if isinstance(i, SkippedInput)]


def _articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


# --- every bad input: one SkippedInput naming the file (and line), the rest still read ---

BAD_INPUTS = [
    # (case, files, where (relative), reason fragment)
    ("empty file", {"bad.txt": b""}, "bad.txt", "empty file"),
    ("whitespace file", {"bad.txt": "  \n\t\n"}, "bad.txt", "only whitespace"),
    ("binary file", {"bad.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, "bad.png", "binary file"),
    ("latin-1 file", {"bad.txt": "Café owners said 300 people came.".encode("latin-1")}, "bad.txt",
     "not UTF-8 (invalid byte 0xe9 on line 1)"),
    ("utf-16 file", {"bad.txt": "300 people came".encode("utf-16")}, "bad.txt", "UTF-16"),
    ("malformed jsonl line", {"bad.jsonl": '{"text": "' + GOOD_EN + '"}\n{"text": oops}\n'},
     "bad.jsonl:2", "malformed JSON"),
    ("non-utf8 jsonl line", {"bad.jsonl": b'{"text": "ok 1"}\n{"text": "caf\xe9 300"}\n'},
     "bad.jsonl:2", "not UTF-8"),
    ("jsonl line not an object", {"bad.jsonl": "[1, 2]\n"}, "bad.jsonl:1", "got a list"),
    ("jsonl row without text", {"bad.jsonl": '{"id": "x"}\n'}, "bad.jsonl:1", "no text"),
    ("empty jsonl", {"bad.jsonl": "\n\n"}, "bad.jsonl", "empty file"),
    ("csv row without text", {"bad.csv": f"id,text\na,{GOOD_EN.replace(',', '')}\nb,\n"}, "bad.csv:3", "no text"),
    ("csv without text column", {"bad.csv": "id,body\na,hello\n"}, "bad.csv", "no 'text' column"),
    ("csv with header only", {"bad.csv": "id,text\n"}, "bad.csv", "no rows"),
    ("invalid date", {"bad.jsonl": json.dumps({"text": GOOD_EN, "published": "yesterday"}) + "\n"},
     "bad.jsonl:1", "invalid field 'published'"),
    ("text not a string", {"bad.jsonl": json.dumps({"text": 42}) + "\n"}, "bad.jsonl:1", "invalid field 'text'"),
    ("malformed json", {"bad.json": "[{"}, "bad.json:1", "malformed JSON"),
    ("json scalar", {"bad.json": "42"}, "bad.json", "got a number"),
    ("json empty list", {"bad.json": "[]"}, "bad.json", "empty list"),
    ("json item not an object", {"bad.json": '[{"text": "ok 1"}, "x"]'}, "bad.json[1]", "got a string"),
    ("unknown language given", {"bad.jsonl": json.dumps({"text": GOOD_EN, "language": "xx"}) + "\n"},
     "bad.jsonl:1", "language 'xx' is not supported; only ["),
    ("unsupported script", {"bad.txt": "قالت الوزارة إن ثلاثمائة جندي وصلوا"}, "bad.txt",
     "is not supported; only ["),
    ("no letters at all", {"bad.txt": "1234 5678 — 90"}, "bad.txt", "no letters"),
    ("lone surrogate escape", {"bad.jsonl": '{"text": "300 soldiers \\ud800 were sent"}\n'}, "bad.jsonl:1",
     "lone surrogate (U+D800"),
    ("duplicate id", {"bad.jsonl": json.dumps({"id": "a", "text": GOOD_EN}) + "\n"
                      + json.dumps({"id": "a", "text": GOOD_EN}) + "\n"}, "bad.jsonl:2", "duplicate id 'a'"),
]


@pytest.mark.parametrize(("case", "files", "where", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_io_bad_input_is_skipped_naming_file_and_line(tmp_path, case, files, where, reason):
    _write(tmp_path, {"good.txt": GOOD_EN, **files})
    items = list(iter_inputs([tmp_path]))
    skips = _skips(items)
    assert [s.where for s in skips] == [str(tmp_path / where)], f"{case}: {skips}"
    assert reason in skips[0].reason, f"{case}: {skips[0].reason}"
    assert "\n" not in skips[0].reason, f"{case}: the message must be one line"
    assert "good.txt" in [a.id for a in _articles(items)], f"{case}: the good file was not read"


@pytest.mark.parametrize("path", ["/nonexistent/factcheck/x.txt"])
def test_io_missing_path_is_skipped(path):
    (item,) = iter_inputs([path])
    assert item == SkippedInput(where=path, reason="no such file or directory")


@pytest.mark.parametrize("mode", [0o000])
def test_io_unreadable_file_is_skipped(tmp_path, mode):
    p = tmp_path / "locked.txt"
    p.write_text(GOOD_EN, encoding="utf-8")
    p.chmod(mode)
    if os.access(p, os.R_OK):
        pytest.skip("running with privileges that read any file (root)")
    (item,) = iter_inputs([p])
    assert isinstance(item, SkippedInput) and item.where == str(p)
    assert "cannot read" in item.reason


@pytest.mark.parametrize("name", ["pipe"])
def test_io_special_file_is_skipped(tmp_path, name):
    p = tmp_path / name
    os.mkfifo(p)
    (item,) = iter_inputs([p])
    assert isinstance(item, SkippedInput) and "not a regular file" in item.reason


@pytest.mark.parametrize("files", [{}, {".hidden.txt": GOOD_EN}])
def test_io_folder_without_articles_is_reported(tmp_path, files):
    _write(tmp_path, files)
    (item,) = iter_inputs([tmp_path])
    assert isinstance(item, SkippedInput) and item.where == str(tmp_path)
    assert "no article files" in item.reason


# --- formats ---


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("articles.jsonl", ["en-1", "hi-1", "articles.jsonl:3"]),
        ("articles.csv", ["csv-1", "csv-2"]),
        ("articles.json", ["json-1", "json-2"]),
        ("hindi.txt", ["hindi.txt"]),
    ],
)
def test_io_reads_every_format(name, ids):
    articles = load_articles([DATA / "formats" / name])
    assert [a.id for a in articles] == ids
    assert all(a.text.strip() and a.language for a in articles)


@pytest.mark.parametrize(
    ("name", "article_id", "field", "expected"),
    [
        ("articles.jsonl", "en-1", "published", dt.date(2025, 8, 13)),
        ("articles.jsonl", "en-1", "publisher", "Example Wire"),
        ("articles.jsonl", "hi-1", "language", "hi"),
        ("articles.csv", "csv-1", "url", "https://example.org/a"),
        ("articles.csv", "csv-2", "publisher", None),
        ("articles.csv", "csv-2", "language", "hi"),
        ("articles.json", "json-1", "language", "en"),
    ],
)
def test_io_reads_fields(name, article_id, field, expected):
    (article,) = [a for a in load_articles([DATA / "formats" / name]) if a.id == article_id]
    assert getattr(article, field) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [('{"text": "the first"}\n\n{"text": "the second"}\n', ["<stdin>:1", "<stdin>:3"])],
)
def test_io_reads_jsonl_from_stdin(content, expected):
    items = list(iter_inputs(["-"], stdin=io.BytesIO(content.encode())))
    assert [a.id for a in _articles(items)] == expected


@pytest.mark.parametrize(
    "files",
    [{"b.txt": GOOD_EN, "a.txt": GOOD_EN, "sub/c.txt": GOOD_EN, "sub/deeper/a.txt": GOOD_EN,
      ".git/config": "x", "sub/.DS_Store": b"\x00\x01"}],
)
def test_io_folder_is_recursive_sorted_and_skips_hidden(tmp_path, files):
    _write(tmp_path, files)
    items = list(iter_inputs([tmp_path]))
    assert [i.id for i in items] == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/a.txt"]


@pytest.mark.parametrize("text", [GOOD_EN])
def test_io_txt_id_is_the_file_name(tmp_path, text):
    p = tmp_path / "deep" / "story.txt"
    p.parent.mkdir()
    p.write_text(text, encoding="utf-8")
    (article,) = load_articles([p])
    assert article.id == "story.txt" and article.text == text


@pytest.mark.parametrize("text", ["Line one said 300.\r\nLine two said 400.\r\n"])
def test_io_text_is_kept_exactly(tmp_path, text):
    """Offsets point into the text: the loader must not translate newlines or strip anything."""
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (article,) = load_articles([tmp_path / "a.txt"])
    assert article.text == text


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"id": 17, "text": GOOD_EN}, "17"),
        ({"text": GOOD_EN}, "a.jsonl:1"),
        ({"id": "", "text": GOOD_EN}, "a.jsonl:1"),
        ({"id": None, "text": GOOD_EN}, "a.jsonl:1"),
    ],
)
def test_io_missing_or_numeric_id(tmp_path, row, expected):
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    (article,) = load_articles([tmp_path / "a.jsonl"])
    assert article.id == expected


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2025-08-13", dt.date(2025, 8, 13)), ("2025-08-13T23:10:00Z", dt.date(2025, 8, 13)),
     ("2025-08-13T10:00:00+05:30", dt.date(2025, 8, 13))],
)
def test_io_published_accepts_dates_and_datetimes(tmp_path, published, expected):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": GOOD_EN, "published": published}) + "\n")
    (article,) = load_articles([tmp_path / "a.jsonl"])
    assert article.published == expected


@pytest.mark.parametrize(("size", "limit"), [(130_000, None), (600_000, None)])
def test_io_csv_reads_long_texts(tmp_path, size, limit):
    """csv's default field limit is 128 KiB; real articles can be longer."""
    text = ("the soldiers were sent " * (size // 23 + 1))[:size]
    (tmp_path / "a.csv").write_text(f"id,text\nlong,{text}\n", encoding="utf-8")
    (article,) = load_articles([tmp_path / "a.csv"])
    assert len(article.text) == size


@pytest.mark.parametrize("columns", ["ID,Text,Published", " id , text , published "])
def test_io_csv_header_is_case_and_space_insensitive(tmp_path, columns):
    (tmp_path / "a.csv").write_text(f"{columns}\nx,{GOOD_EN.replace(',', '')},2025-01-02\n")
    (article,) = load_articles([tmp_path / "a.csv"])
    assert (article.id, article.published) == ("x", dt.date(2025, 1, 2))


@pytest.mark.parametrize("row", [{"text": GOOD_EN, "author": "someone", "tags": ["a"]}])
def test_io_unknown_keys_are_ignored(tmp_path, row):
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n")
    assert len(load_articles([tmp_path / "a.jsonl"])) == 1


# --- language ---


@pytest.mark.parametrize(
    ("row_language", "default", "text", "expected"),
    [
        (None, None, GOOD_EN, "en"),
        (None, None, GOOD_HI, "hi"),
        ("hi", "en", GOOD_EN, "hi"),  # the article's own language wins
        (None, "hi", GOOD_EN, "hi"),  # --language applies to articles without one
        ("EN-us", None, GOOD_HI, "en"),  # codes are normalised
    ],
)
def test_io_language_given_wins_else_detected(tmp_path, row_language, default, text, expected):
    row = {"text": text} if row_language is None else {"text": text, "language": row_language}
    (tmp_path / "a.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,) = load_articles([tmp_path / "a.jsonl"], language=default)
    assert article.language == expected


@pytest.mark.parametrize("language", ["xx", "klingon"])
def test_io_unsupported_default_language_raises_listing_supported(tmp_path, language):
    with pytest.raises(UnsupportedLanguageError, match=r"only \[.*'en'.*'hi'.*\]"):
        list(iter_inputs([tmp_path], language=language))


@pytest.mark.parametrize(("code", "expected"), [("hi", "hi"), ("HI", "hi"), ("en_GB", "en"), ("xx", None)])
def test_io_normalise_language(code, expected):
    assert normalise_language(code, ["en", "hi"]) == expected


# --- strict loading: iter_articles / load_articles raise, naming file and line ---


@pytest.mark.parametrize(
    ("files", "error", "message"),
    [
        ({"a.jsonl": '{"text": "ok 1"}\n{oops\n'}, InputError, r"a\.jsonl:2: malformed JSON"),
        ({"a.txt": b""}, InputError, r"a\.txt: empty file"),
        ({"a.jsonl": json.dumps({"text": GOOD_EN, "language": "xx"}) + "\n"}, UnsupportedLanguageError,
         r"a\.jsonl:1: language 'xx' is not supported"),
    ],
)
def test_io_iter_articles_raises_naming_file_and_line(tmp_path, files, error, message):
    _write(tmp_path, files)
    with pytest.raises(error, match=message):
        list(iter_articles([tmp_path]))


@pytest.mark.parametrize("strict", [True])
def test_io_strict_stops_at_first_bad_input(tmp_path, strict):
    _write(tmp_path, {"a.txt": GOOD_EN, "b.txt": b"", "c.txt": GOOD_EN})
    got = []
    with pytest.raises(InputError, match="b.txt"):
        for item in iter_inputs([tmp_path], strict=strict):
            got.append(item.id)
    assert got == ["a.txt"]


# --- size bound ---


@pytest.mark.parametrize(("chars", "limit", "skipped"), [(5_001, 5_000, True), (5_000, 5_000, False),
                                                         (50_000, None, False), (50_000, 0, False)])
def test_io_articles_over_the_limit_are_skipped(tmp_path, chars, limit, skipped):
    text = ("the troops " * chars)[:chars]
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "row", "text": text}) + "\n")
    items = list(iter_inputs([tmp_path], max_chars=limit))
    assert len(items) == 2
    for item in items:
        assert isinstance(item, SkippedInput) is skipped
        if skipped:
            assert "too large" in item.reason and "--max-chars" in item.reason


@pytest.mark.parametrize("megabytes", [20])
def test_io_huge_text_file_is_skipped_without_reading_it(tmp_path, megabytes):
    """A 20 MB file is refused from its size: bounded memory whatever the input."""
    p = tmp_path / "dump.txt"
    with open(p, "wb") as f:
        f.truncate(megabytes * 1024 * 1024)  # sparse: all NUL, but never read
    (item,) = iter_inputs([p])
    assert isinstance(item, SkippedInput) and "too large" in item.reason


# --- nothing lost ---


@given(st.lists(st.sampled_from(["good", "empty", "binary", "latin1", "jsonl2", "badjsonl"]), max_size=8))
def test_io_every_input_is_accounted_for(kinds):
    """Every input yields exactly one article or one skipped record: the counts add up."""
    import tempfile

    contents = {
        "good": (".txt", GOOD_EN.encode(), 1),
        "empty": (".txt", b"", 1),
        "binary": (".bin", b"\x00\x01\x02", 1),
        "latin1": (".txt", "Café 300".encode("latin-1"), 1),
        "jsonl2": (".jsonl", b'{"text": "the one"}\n{"text": "the two"}\n', 2),
        "badjsonl": (".jsonl", b'{"text": "the one"}\n{bad\n', 2),
    }
    with tempfile.TemporaryDirectory() as d:
        expected = 0
        for i, kind in enumerate(kinds):
            suffix, data, n = contents[kind]
            Path(d, f"{i:02d}{suffix}").write_bytes(data)
            expected += n
        items = list(iter_inputs([d]))
    assert len(items) == max(expected, 1)  # an empty folder is one skipped input


@pytest.mark.parametrize("paths", [["a.txt", "b.jsonl"]])
def test_io_iter_located_names_each_article(tmp_path, paths):
    _write(tmp_path, {"a.txt": GOOD_EN, "b.jsonl": '{"id": "x", "text": "the one"}\n'})
    located = list(iter_located([tmp_path / p for p in paths]))
    assert [w for w, _ in located] == [str(tmp_path / "a.txt"), f"{tmp_path / 'b.jsonl'}:1"]


# --- model validation names the field ---


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"id": "", "text": "x"}, "id"),
        ({"id": "a", "text": None}, "text"),
        ({"id": "a"}, "text"),
        ({"id": "a", "text": "x", "published": "not a date"}, "published"),
        ({"id": "a", "text": "x", "colour": "red"}, "colour"),
    ],
)
def test_io_invalid_article_raises_validation_error_naming_field(fields, field):
    with pytest.raises(ValidationError) as info:
        Article(**fields)
    assert field in {str(e["loc"][0]) for e in info.value.errors()}
    assert field in str(info.value)
