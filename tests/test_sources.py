"""The source registry: lookups in every script, collisions refused, data validated."""

from __future__ import annotations

import pytest

from factcheck.attribution import Source, SourceRegistry, analyse_article, default_registry
from factcheck.attribution._sentences import split_sentences
from factcheck.attribution.cues import source_matcher
from factcheck.attribution.sources import SOURCES_FILE
from factcheck.errors import DataError, RegistryError
from factcheck.langdata import load_language
from factcheck.models import Article

REQUIRED = ["NIS", "JCS", "KCNA", "TASS", "Yonhap", "AP", "IANS", "Reuters", "AFP", "Bloomberg", "Kyodo",
            "Pentagon", "Kremlin", "HUR", "SBU", "SVR", "Zelensky", "MSMT", "UK MoD",
            "South Korea", "North Korea", "Ukraine", "Russia", "US"]


@pytest.mark.parametrize("sid", REQUIRED)
def test_sources_registry_has_canonical_id(sid):
    assert default_registry().get(sid).id == sid


@pytest.mark.parametrize(("alias", "sid"), [
    ("एनआईएस", "NIS"), ("राष्ट्रीय खुफिया सेवा", "NIS"), ("राष्ट्रीय ख़ुफ़िया सेवा", "NIS"),
    ("National Intelligence Service", "NIS"), ("national intelligence service", "NIS"),
    ("국가정보원", "NIS"), ("국정원", "NIS"), ("केसीएनए", "KCNA"), ("कोरियन सेंट्रल न्यूज एजेंसी", "KCNA"),
    ("कोरियन सेंट्रल न्यूज़ एजेंसी", "KCNA"), ("조선중앙통신", "KCNA"), ("तास", "TASS"), ("ТАСС", "TASS"),
    ("योनहाप", "Yonhap"), ("연합뉴스", "Yonhap"), ("एपी", "AP"), ("एसोसिएटेड प्रेस", "AP"),
    ("आईएएनएस", "IANS"), ("ब्लूमबर्ग", "Bloomberg"), ("क्रेमलिन", "Kremlin"), ("Кремль", "Kremlin"),
    ("합참", "JCS"), ("Минобороны", "Russian MoD"), ("दक्षिण कोरियाई", "South Korea"),
    ("Ukrainian officials", "Ukraine"), ("США", "US"),
    # declined Russian names and names added with the Korean and Russian data
    ("южнокорейской разведки", "NIS"), ("Национальной разведывательной службы", "NIS"), ("НРС", "NIS"),
    ("разведки Южной Кореи", "NIS"), ("한국 국가정보원", "NIS"), ("СВР России", "SVR"),
    ("Foreign Intelligence Service", "SVR"), ("एसवीआर", "SVR"), ("ОКНШ", "JCS"),
    ("Объединенного комитета начальников штабов", "JCS"), ("한국 합참", "JCS"), ("Пентагона", "Pentagon"),
    ("Минобороны США", "Pentagon"), ("미국 국방부", "Pentagon"), ("МО РФ", "Russian MoD"),
    ("러 국방부", "Russian MoD"), ("우크라이나 정보총국", "HUR"), ("ГУР МО Украины", "HUR"),
    ("Ренхап", "Yonhap"), ("Йонхап", "Yonhap"), ("타스 통신", "TASS"),
    ("Центрального телеграфного агентства Кореи", "KCNA"), ("Зеленскому", "Zelensky"),
    ("Республики Корея", "South Korea"), ("Сеула", "South Korea"), ("NATO chief", "NATO"),
    ("South Korean military", "JCS"), ("Ukraine's military intelligence", "HUR"),
    ("Ukraine's General Staff", "Ukraine General Staff"), ("White House", "US"), ("State Department", "US"),
])
def test_sources_lookup_in_every_script(alias, sid):
    assert default_registry().get(alias).id == sid


@pytest.mark.parametrize("source", list(default_registry()), ids=lambda s: s.id)
def test_sources_every_alias_is_found_in_text(source):
    """Every alias in sources.yaml is found, as itself, by the mention matcher (none is shadowed)."""
    matcher = source_matcher()
    for code, alias in source.all_aliases():
        found = matcher.mentions(f"« {alias} »")
        assert [(m.source, m.end - m.start) for m in found] == [(source.id, len(alias))], (
            f"{SOURCES_FILE}: source {source.id!r}, alias {alias!r} ({code}) is matched as {found}"
        )


@pytest.mark.parametrize("alias", ["एनआईएस", "ख़ुफ़िया सेवा X", "NATIONAL INTELLIGENCE SERVICE"])
def test_sources_alias_collision_raises(alias):
    reg = SourceRegistry()
    reg.define(Source(id="NIS", name="n", kind="intelligence_agency",
                      aliases={"hi": ("एनआईएस", "खुफिया सेवा X"), "en": ("National Intelligence Service",)}))
    with pytest.raises(RegistryError, match="NIS"):
        reg.define(Source(id="Other", name="o", kind="report", aliases={"hi": (alias,)}))


@pytest.mark.parametrize("sid", ["NIS"])
def test_sources_duplicate_id_raises(sid):
    reg = SourceRegistry()
    reg.load(SOURCES_FILE)
    with pytest.raises(RegistryError, match=sid):
        reg.define(Source(id=sid, name="again", kind="person"))


@pytest.mark.parametrize(("body", "key"), [
    ("sources:\n  - id: X\n    name: X\n    kind: planet\n", "sources.0.kind"),
    ("sources:\n  - id: X\n    kind: person\n", "sources.0.name"),
])
def test_sources_invalid_file_names_file_and_key(tmp_path, body, key):
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        SourceRegistry().load(path)
    assert str(path) in str(err.value) and key in str(err.value)


@pytest.mark.parametrize("code", ["hi"])
def test_sources_user_defined_source_is_credited(code, reference_date):
    reg = SourceRegistry()
    reg.load(SOURCES_FILE)
    reg.define(Source(id="Lee Ministry", name="Ministry of Unification", kind="government",
                      country="South Korea", aliases={"hi": ("एकीकरण मंत्रालय",)}))
    text = "एकीकरण मंत्रालय के अनुसार 300 लोग लौटे।"
    ctx = analyse_article(Article(id="x", text=text, published=reference_date), load_language(code),
                          split_sentences(text), [], registry=reg)
    fig = text.find("300")
    assert ctx.attribute(fig, fig + 3).source == "Lee Ministry"


@pytest.mark.parametrize(("text", "sid"), [("US officials said", "US"), ("tell us more", None)])
def test_sources_acronyms_match_only_as_written(text, sid):
    got = [m.source for m in source_matcher().mentions(text)]
    assert got == ([sid] if sid else [])
