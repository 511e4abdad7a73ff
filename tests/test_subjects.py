"""The subjects gazetteer (factcheck/data/subjects.yaml) and the subject corpus tables
(tests/corpus/subjects/<lang>.yaml).

Each table has ``examples`` (a text and the subject of each claim it yields, in text order)
and ``look_alikes`` (a text whose claims must not take ``not_subject``: a place, recipient or
speaker named near the figure, never its owner).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.errors import DataError
from factcheck.extraction import extract
from factcheck.extraction.gazetteer import Gazetteer, load_gazetteer, merge_subjects
from factcheck.langdata import load_language, supported_languages

CORPUS = Path(__file__).parent / "corpus" / "subjects"
LANGS = tuple(sorted(p.stem for p in CORPUS.glob("*.yaml")))


def _items(key: str) -> list[tuple[str, str, dict]]:
    out = []
    for code in LANGS:
        table = yaml.safe_load((CORPUS / f"{code}.yaml").read_text(encoding="utf-8"))
        out += [(code, f"{code}.yaml:{key}#{i}", ex) for i, ex in enumerate(table.get(key) or [])]
    return out


EXAMPLES = _items("examples")
LOOK_ALIKES = _items("look_alikes")


@pytest.mark.parametrize(("code", "where", "ex"), EXAMPLES, ids=[w for _, w, _ in EXAMPLES])
def test_subject_examples(code, where, ex):
    got = [(c.subject, c.evidence.text) for c in extract(ex["text"], language=code)]
    assert [s for s, _ in got] == ex["subjects"], f"{where}: {ex['text']!r} yielded {got}"


@pytest.mark.parametrize(("code", "where", "ex"), LOOK_ALIKES, ids=[w for _, w, _ in LOOK_ALIKES])
def test_subject_look_alikes(code, where, ex):
    got = [(c.subject, c.evidence.text) for c in extract(ex["text"], language=code)]
    assert got, f"{where}: {ex['text']!r} yielded no claim; the look-alike tests nothing"
    assert all(s != ex["not_subject"] for s, _ in got), (
        f"{where} ({ex['why']}): {ex['text']!r} yielded {got}"
    )


def test_every_language_has_a_subject_table():
    assert set(LANGS) == set(supported_languages())


def test_gazetteer_aliases_reach_every_language_that_lists_them():
    g = load_gazetteer()
    for code in supported_languages():
        subjects = load_language(code).extraction.subjects
        for name, forms in g.aliases_for(code).items():
            assert set(forms) <= set(subjects[name]), (code, name)


def test_gazetteer_kinds_are_typed():
    g = load_gazetteer()
    assert g.subjects["Hezbollah"].kind == "armed_group"
    assert g.subjects["Israel"].kind == "country"
    with pytest.raises(ValueError):
        Gazetteer.model_validate({"subjects": {"X": {"kind": "city", "aliases": {}}}})


def test_an_alias_naming_two_subjects_is_refused_with_both_names():
    with pytest.raises(DataError) as e:
        merge_subjects({"Russia": ("Moskau",)}, {"Moscow": ("moskau",)}, "de.yaml + subjects.yaml")
    msg = str(e.value)
    assert "de.yaml" in msg and "Russia" in msg and "Moscow" in msg and "moskau" in msg


def test_a_bad_gazetteer_file_names_the_file_and_key(tmp_path):
    p = tmp_path / "subjects.yaml"
    p.write_text("subjects:\n  X:\n    kind: country\n    aliases: {en: 5}\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"subjects\.yaml: key subjects\.X\.aliases\.en"):
        load_gazetteer(p)
