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
    assert scores[code] == max(scores.values())  # languages of one script (en, de) tie here
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


# --- mixed-language articles and language tags (issue 14, case 8) -------------------------------

from factcheck.detect import MIN_PARAGRAPH_LETTERS, language_parts, language_spans, normalise_language  # noqa: E402

#: One sentence per language, in our own words, each with one claim.
PARAGRAPH = {
    "en": "In a statement, the agency said more than 11,000 North Korean soldiers were deployed to Kursk.",
    "hi": "अधिकारियों ने बताया कि उत्तर कोरिया के लगभग 600 सैनिक मारे गए हैं।",
    "ko": "정보당국에 따르면 북한은 러시아에 약 3,000명의 병력을 추가로 파병했다고 밝혔다.",
    "ru": "По данным разведки, Северная Корея отправила в Россию ещё около 3000 военных.",
}


@pytest.mark.parametrize(("own", "other"), [(a, b) for a in sorted(PARAGRAPH) for b in sorted(PARAGRAPH) if a != b])
def test_detect_mixed_article_reads_each_paragraph_in_its_language(own, other):
    """A quote paragraph in another supported language yields its claim, in that language, with
    offsets into the original text; the article's own paragraph still yields its claim."""
    import factcheck

    text = PARAGRAPH[own] + "\n" + PARAGRAPH[own] + "\n\n" + PARAGRAPH[other] + "\n"
    claims = factcheck.extract(factcheck.Article(id="m", text=text, language=own))
    assert {c.language for c in claims} == {own, other}
    for c in claims:
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    start = text.index(PARAGRAPH[other])
    assert [c.language for c in claims if c.evidence.start >= start] == [other]


@pytest.mark.parametrize(
    "text",
    [
        "अधिकारियों ने बताया कि उत्तर कोरिया के लगभग 600 सैनिक मारे गए। (Yonhap, NIS, Reuters)",  # names
        "अधिकारियों ने बताया कि सैनिक मारे गए।\nAlso read: Kursk news",  # a short widget line
        "अधिकारियों ने बताया कि सैनिक मारे गए।\nالوزارة قالت إن ثلاثمائة جندي وصلوا إلى المنطقة اليوم وغدا وبعده",  # unsupported script
    ],
)
def test_detect_mixed_lookalikes_stay_one_language(text):
    """Names, short lines and unsupported scripts are not paragraphs in another language."""
    assert language_spans(text, "hi") == []
    assert language_parts(text, "hi") == [("hi", text)]


def test_detect_language_parts_keep_offsets():
    text = PARAGRAPH["hi"] + "\r\n" + PARAGRAPH["en"] + "\n" + PARAGRAPH["hi"]
    parts = dict(language_parts(text, "hi"))
    assert set(parts) == {"hi", "en"}
    for t in parts.values():
        assert len(t) == len(text)
        assert [i for i, ch in enumerate(t) if ch in "\r\n"] == [i for i, ch in enumerate(text) if ch in "\r\n"]
    s = text.index(PARAGRAPH["en"])
    assert parts["en"][s:s + len(PARAGRAPH["en"])] == PARAGRAPH["en"]
    assert parts["hi"][s:s + len(PARAGRAPH["en"])].strip() == ""
    assert parts["en"][: len(PARAGRAPH["hi"])].strip() == ""


def test_detect_min_paragraph_letters_is_the_threshold():
    word = "troops "
    short = word * ((MIN_PARAGRAPH_LETTERS - 1) // 6)  # fewer letters than the threshold
    long = word * (MIN_PARAGRAPH_LETTERS // 6 + 1)
    base = PARAGRAPH["hi"] + "\n"
    assert language_spans(base + short, "hi") == []
    assert [c for *_, c in language_spans(base + long, "hi")] == ["en"]


@pytest.mark.parametrize(("tag", "code"), [("en-US", "en"), ("hi-IN", "hi"), ("ko_KR", "ko"), ("RU", "ru"),
                                           ("en-Latn-GB", "en")])
def test_detect_language_tags_everywhere(tag, code):
    import factcheck

    assert normalise_language(tag) == code
    assert load_language(tag).code == code
    text = PARAGRAPH[code]
    (c,) = factcheck.extract(text, language=tag)
    assert c.language == code
    assert factcheck.find_numbers(text, tag)


@pytest.mark.parametrize("tag", ["fr-FR", "xx", "e"])
def test_detect_unknown_tags_still_refused(tag):
    import factcheck

    assert normalise_language(tag) is None
    with pytest.raises(UnsupportedLanguageError):
        factcheck.extract("About 3,000 troops.", language=tag)


def test_detect_rank_breaks_a_tie_of_one_script_languages():
    """No frequent word of English or German: the higher detect_rank (data) wins the tie."""
    from factcheck.langdata import load_language

    assert load_language("de").detect_rank < load_language("en").detect_rank
    assert detect_language("Menu Home World") == "en"
    assert detect_language("Die Bundeswehr schickt Soldaten nach Litauen, und das Ministerium bestätigte den Plan.") == "de"
