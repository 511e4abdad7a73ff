"""Corpus tests (Duckling style): every wording in tests/corpus/numbers/<lang>.yaml yields
exactly one mention with the expected span, Value, kind and unit; every text in
negatives.yaml and in a language file's ``negatives:`` list yields no count."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from factcheck.numbers import find_numbers
from factcheck.values import value_adapter

CORPUS = Path(__file__).parent / "corpus" / "numbers"


def _examples() -> list:
    cases = []
    for path in sorted(CORPUS.glob("*.yaml")):
        if path.stem == "negatives":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for group in data["groups"]:
            for text, span in group["examples"]:
                cases.append(
                    pytest.param(
                        data["language"], group, text, span, id=f"{path.name}:{text}"
                    )
                )
    return cases


def _negatives() -> list:
    """negatives.yaml ({language: [text]}) plus the ``negatives:`` list of every language file."""
    shared = yaml.safe_load((CORPUS / "negatives.yaml").read_text(encoding="utf-8"))
    cases = [
        pytest.param(lang, text, "negatives.yaml", id=f"negatives.yaml:{lang}:{text}")
        for lang, texts in shared.items()
        for text in texts
    ]
    for path in sorted(CORPUS.glob("*.yaml")):
        if path.stem == "negatives":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases += [
            pytest.param(data["language"], text, path.name, id=f"{path.name}:negatives:{text}")
            for text in data.get("negatives") or []
        ]
    return cases


def test_numbers_corpus_reads_every_language_files_negatives() -> None:
    """Each language file's own ``negatives:`` list is part of the negative corpus."""
    listed = {(p.values[0], p.values[1]) for p in _negatives() if p.values[2] != "negatives.yaml"}
    for path in sorted(CORPUS.glob("*.yaml")):
        if path.stem == "negatives":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        missing = [t for t in data.get("negatives") or [] if (data["language"], t) not in listed]
        assert missing == [], f"{path.name}: negatives not run: {missing}"


@pytest.mark.parametrize(("language", "group", "text", "span"), _examples())
def test_numbers_corpus_example(language: str, group: dict, text: str, span: str) -> None:
    where = f"{CORPUS.name}/{language}.yaml example {text!r}"
    found = find_numbers(text, language)
    got = [(text[m.start : m.end], m.kind, m.value) for m in found]
    assert len(found) == 1, f"{where}: expected one mention {span!r}, got {got}"
    m = found[0]
    assert text[m.start : m.end] == span, f"{where}: span {text[m.start:m.end]!r} != {span!r}"
    assert m.value == value_adapter.validate_python(group["value"]), f"{where}: value {m.value!r}"
    assert m.kind == group.get("kind", "count"), f"{where}: kind {m.kind!r}"
    assert m.unit == group.get("unit"), f"{where}: unit {m.unit!r}"
    if "normalized" in group:
        assert m.normalized == group["normalized"], f"{where}: normalized {m.normalized!r}"


@pytest.mark.parametrize(("language", "text", "source"), _negatives())
def test_numbers_negative_corpus_yields_no_count(language: str, text: str, source: str) -> None:
    counts = [(text[m.start : m.end], m.value) for m in find_numbers(text, language) if m.kind == "count"]
    assert counts == [], f"{CORPUS.name}/{source} {language} {text!r}: counts {counts}"


@pytest.mark.parametrize("language", ["hi", "en"])
def test_numbers_corpus_has_80_examples(language: str) -> None:
    data = yaml.safe_load((CORPUS / f"{language}.yaml").read_text(encoding="utf-8"))
    assert sum(len(g["examples"]) for g in data["groups"]) >= 80


def _precomposed(s: str) -> str:
    """Compose nukta letters into their (composition-excluded) single code points: ज़ -> U+095B."""
    for cp in range(0x958, 0x960):
        c = chr(cp)
        s = s.replace(unicodedata.normalize("NFD", c), c)
    return s


@pytest.mark.parametrize(("language", "group", "text", "span"), _examples())
@pytest.mark.parametrize("encode", ["NFC", "NFD", "precomposed"])
def test_numbers_corpus_any_unicode_encoding(language: str, group: dict, text: str, span: str, encode: str) -> None:
    """The same wording in another Unicode encoding (nukta composed or not) gives the same value."""
    def enc(s: str) -> str:
        return _precomposed(s) if encode == "precomposed" else unicodedata.normalize(encode, s)

    t = enc(text)
    found = find_numbers(t, language)
    assert len(found) == 1, f"{CORPUS.name}/{language}.yaml example {text!r} ({encode}): {found}"
    assert t[found[0].start : found[0].end] == enc(span)
    expected = value_adapter.validate_python(group["value"]).model_dump(exclude={"word"})
    assert found[0].value.model_dump(exclude={"word"}) == expected  # a Vague keeps its word as written
