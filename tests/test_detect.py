"""Language detection from language data: scripts decide, frequent words break ties."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.detect import SAMPLE_CHARS, detect_language, script_scores
from factcheck.errors import DataError, UnsupportedLanguageError
from factcheck.langdata import load_language, supported_languages

CASES_FILE = Path(__file__).parent / "data" / "detect" / "cases.yaml"
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_detect_corpus(case):
    got = detect_language(case["text"])
    assert got == case["expected"], f"{CASES_FILE.name}: {case['name']!r}: detected {got!r}"


@pytest.mark.parametrize("code", supported_languages())
def test_detect_every_language_detects_its_own_words(code):
    """Data-driven: each language's detection words, written out, are detected as it."""
    data = load_language(code)
    if not data.scripts or not data.detect:
        pytest.fail(f"{code}.yaml: keys scripts and detect must not be empty (detection needs them)")
    assert detect_language(" ".join(data.detect * 3)) == code


@pytest.mark.parametrize(
    "text",
    [
        "قالت الوزارة إن ثلاثمائة جندي وصلوا إلى المنطقة",  # Arabic
        "ሚኒስቴሩ እንዳለው",  # Ethiopic
        "١٢٣ ٤٥٦",  # Arabic-Indic digits only
        "1234, 5678 — 90 %",
        "",
        "\x00\x01\u200b",
    ],
)
def test_detect_unsupported_text_raises_listing_supported(text):
    with pytest.raises(UnsupportedLanguageError) as info:
        detect_language(text, where="story.txt")
    message = str(info.value)
    assert message.startswith("story.txt: ")
    assert str(supported_languages()) in message


@pytest.mark.parametrize(("text", "code"), [("नमस्ते world", "hi"), ("hello world", "en")])
def test_detect_scores_count_letters_of_each_script(text, code):
    scores = script_scores(text)
    assert max(scores, key=scores.get) == code
    assert scores["en"] == sum(c.isascii() and c.isalpha() for c in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le rapport est la et les soldats sont arrivés", "zz"),
        ("the report said that the soldiers were sent", "en"),
        ("soldiers soldiers", "en"),  # no detection word at all: the sorted order decides
    ],
)
def test_detect_same_script_tie_broken_by_words(tmp_path, monkeypatch, text, expected):
    """A second Latin-script language comes from a data file alone; its words tell it apart."""
    (tmp_path / "zz.yaml").write_text(
        "code: zz\nname: Testish\nscripts: [Latin]\ndetect: [le, la, les, et, est, sont]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("FACTCHECK_LANG_PATH", str(tmp_path))
    assert "zz" in supported_languages()
    assert detect_language(text) == expected


@pytest.mark.parametrize("script", ["Klingon", "Latin}|.*"])
def test_detect_bad_script_name_in_data_names_the_key(tmp_path, monkeypatch, script):
    (tmp_path / "zy.yaml").write_text(
        f"code: zy\nname: Broken\nscripts: ['{script}']\ndetect: [x]\n", encoding="utf-8"
    )
    monkeypatch.setenv("FACTCHECK_LANG_PATH", str(tmp_path))
    load_language.cache_clear()
    try:
        with pytest.raises(DataError, match=r"'zy': key scripts:"):
            detect_language("the soldiers")
    finally:
        load_language.cache_clear()


@pytest.mark.parametrize("filler", ["Menu Home World Sports "])
def test_detect_reads_a_bounded_sample(filler):
    """Only the first SAMPLE_CHARS characters count: a huge input costs no more than a normal one."""
    text = filler * (SAMPLE_CHARS // len(filler) + 1) + "सैनिक भेजे गए हैं। " * 50_000
    assert detect_language(text) == "en"


@given(st.text())
def test_detect_any_text_gives_a_supported_code_or_the_documented_error(text):
    """For any string: a supported language code, or UnsupportedLanguageError — never anything else."""
    try:
        code = detect_language(text)
    except UnsupportedLanguageError:
        return
    assert code in supported_languages()
