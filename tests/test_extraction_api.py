"""The extraction API: Extractor and extract(), languages, settings, custom measures."""

from __future__ import annotations

import pytest

from factcheck.errors import UnsupportedLanguageError
from factcheck.extraction import Extractor, Measure, MeasureRegistry, extract, load_measures
from factcheck.models import Article, Role
from factcheck.settings import Settings


@pytest.mark.parametrize(("text", "code"), [
    ("उत्तर कोरिया ने लगभग 12,000 सैनिक भेजे हैं।", "hi"),
    ("North Korea has sent about 12,000 troops to Russia.", "en"),
])
def test_extraction_detects_language_when_missing(text, code):
    claims = Extractor().extract(Article(id="a1", text=text))
    assert [(c.language, c.measure, c.article_id) for c in claims] == [(code, "troops_deployed", "a1")]


@pytest.mark.parametrize("language", ["xx", "fr"])
def test_extraction_unsupported_language_names_article_and_supported(language):
    with pytest.raises(UnsupportedLanguageError) as e:
        Extractor().extract(Article(id="story-7", text="Bonjour", language=language))
    assert "story-7" in str(e.value) and "'en'" in str(e.value) and "'hi'" in str(e.value)


@pytest.mark.parametrize("text", ["North Korea has sent about 12,000 troops to Russia."])
def test_extraction_plain_text_and_language_argument(text):
    claims = extract(text, language="en")
    assert [c.evidence.text for c in claims] == ["about 12,000 troops"]
    assert claims[0].unit == "soldier" and claims[0].role is Role.TOTAL


@pytest.mark.parametrize("text", ["Also read: North Korea sent 5,000 troops to Russia"])
def test_extraction_include_boilerplate_setting(text):
    assert extract(text, language="en") == []
    claims = extract(text, language="en", settings=Settings(include_boilerplate=True))
    assert [(c.measure, c.evidence.zone) for c in claims] == [("troops_deployed", "boilerplate")]


@pytest.mark.parametrize("text", ["North Korea has sent about 12,000 troops to Russia."])
def test_extraction_fills_article_fields(text):
    import datetime as dt

    a = Article(id="a9", text=text, language="en", published=dt.date(2025, 9, 4), publisher="Wire")
    (c,) = Extractor().extract(a)
    assert (c.article_id, c.published, c.publisher, c.subject) == (
        "a9", dt.date(2025, 9, 4), "Wire", "North Korea")
    assert c.time.as_of is not None


@pytest.mark.parametrize("text", ["North Korea has sent about 12,000 troops to Russia."])
def test_extraction_custom_registry_limits_measures(text):
    only_missiles = MeasureRegistry(m for m in load_measures() if m.counts == "missile")
    assert Extractor(measures=only_missiles).extract(Article(id="a", text=text, language="en")) == []


@pytest.mark.parametrize(("text", "measure"), [
    ("North Korea has supplied 40 tanks to Russia.", "tanks_supplied"),
])
def test_extraction_user_measure_with_user_language_data(tmp_path, text, measure, monkeypatch):
    """A user measure works once a language file names its thing (here a copy of en.yaml)."""
    import yaml

    from factcheck import langdata

    raw = yaml.safe_load((langdata.DATA_DIR / "lang" / "en.yaml").read_text(encoding="utf-8"))
    raw["extraction"]["nouns"]["tank"] = ["tanks", "tank"]
    (tmp_path / "en.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_LANG_PATH", str(tmp_path))
    langdata.load_language.cache_clear()
    try:
        reg = MeasureRegistry([*load_measures(),
                               Measure(name=measure, unit="tank", counts="tank", events=("supply",))])
        claims = Extractor(measures=reg).extract(Article(id="a", text=text, language="en"))
        assert [(c.measure, c.unit, c.subject) for c in claims] == [(measure, "tank", "North Korea")]
    finally:
        monkeypatch.delenv("FACTCHECK_LANG_PATH")
        langdata.load_language.cache_clear()


@pytest.mark.parametrize(("text", "language", "want"), [
    # a headline repeating the body's figure (same qualifier): the body's mention only
    ("Seoul says about 600 North Korean troops killed\n\nAbout 600 North Korean troops have been killed in "
     "Russia's war, South Korea's spy agency said on Tuesday, citing battlefield reports and "
     "intercepted messages from the front.", "en",
     [("About 600 North Korean troops have been killed", "body")]),
    # the same figure twice in the body: the first; a different figure stays
    ("North Korea has sent 3,000 soldiers to Russia. Officials said the 3,000 soldiers arrived "
     "by ship, and 200 soldiers have been killed.", "en",
     [("3,000 soldiers", "body"), ("200 soldiers have been killed", "body")]),
    ("रूस में 300 उत्तर कोरियाई सैनिक मारे गए\n\nएक रिपोर्ट के मुताबिक यूक्रेन के साथ युद्ध में रूस की ओर से "
     "लड़ते हुए अब तक लगभग 300 उत्तर कोरियाई सैनिक मारे गए हैं और उनके शव वापस नहीं भेजे गए हैं।", "hi",
     [("300 उत्तर कोरियाई सैनिक मारे गए", "headline"), ("लगभग 300 उत्तर कोरियाई सैनिक मारे गए", "body")]),
])
def test_extraction_counts_a_repeated_figure_once(text, language, want):
    claims = extract(text, language=language)
    assert [(c.evidence.text, c.evidence.zone) for c in claims] == want


@pytest.mark.parametrize(("text", "want"), [
    # the headline's figure, told in the body with another qualifier and a source: its source
    ("रूस में 500 उत्तर कोरियाई सैनिक मारे गए\n\nखुफिया जानकारी के बाद एक सांसद ने बताया कि लगभग 500 "
     "उत्तर कोरियाई सैनिक मारे गए हैं। राष्ट्रीय खुफिया सेवा ने संसद की समिति को यह ब्योरा दिया था।",
     [("500 उत्तर कोरियाई सैनिक मारे गए", "NIS"), ("लगभग 500 उत्तर कोरियाई सैनिक मारे गए", "NIS")]),
    # another number in the body lends the headline nothing
    ("रूस में 500 उत्तर कोरियाई सैनिक मारे गए\n\nखुफिया जानकारी के बाद एक सांसद ने बताया कि लगभग 700 "
     "उत्तर कोरियाई सैनिक मारे गए हैं। राष्ट्रीय खुफिया सेवा ने संसद की समिति को यह ब्योरा दिया था।",
     [("500 उत्तर कोरियाई सैनिक मारे गए", "unattributed"), ("लगभग 700 उत्तर कोरियाई सैनिक मारे गए", "NIS")]),
])
def test_extraction_headline_takes_the_body_credit_for_its_figure(text, want):
    claims = extract(text, language="hi")
    assert [(c.evidence.text, c.source) for c in claims] == want


@pytest.mark.parametrize(("text", "as_of"), [
    # a plan's deadline named without a year, still ahead: the plan holds as of the article date
    ("Some 6,000 more troops are expected to be sent to Russia by December.", "2025-09-04"),
    # the same month for a count already made is last December
    ("By December North Korea had sent 6,000 troops to Russia.", "2024-12"),
])
def test_extraction_plan_deadline_ahead_holds_as_of_article_date(text, as_of):
    import datetime as dt

    claims = Extractor().extract(Article(id="a", text=text, language="en",
                                         published=dt.date(2025, 9, 4)))
    assert [c.time.as_of_text() for c in claims] == [as_of]
