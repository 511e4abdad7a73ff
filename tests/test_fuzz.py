"""Fuzzing the library (issue 7): any text in, no crash out; spans slice back; order never matters.

Runs 500 examples per property under CI (the ``ci`` profile in conftest.py), 10,000 with
``HYPOTHESIS_PROFILE=nightly``. While extraction is still a placeholder these tests skip,
saying so, and start running as soon as it lands.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.errors import FactcheckError, UnsupportedLanguageError
from factcheck.langdata import supported_languages
from factcheck.models import Article, Claim
from tests.strategies import messy_texts

LANGUAGES = supported_languages()


def _require_extraction() -> None:
    """Skip (naming why) while extraction raises NotImplementedError."""
    try:
        factcheck.extract("About 3,000 more troops were sent, officials said.", language="en")
    except NotImplementedError as e:
        pytest.skip(f"extraction has not landed yet: {e}")


class _MemoExtractor:
    """The real extractor, remembering each article's claims for the second reconcile."""

    def __init__(self) -> None:
        self.inner = factcheck.Extractor()
        self.memo: dict[Article, list[Claim]] = {}

    def extract(self, article: Article) -> list[Claim]:
        if article not in self.memo:
            self.memo[article] = self.inner.extract(article)
        return self.memo[article]


def _check_claims(text: str, claims: list[Claim]) -> None:
    assert isinstance(claims, list)
    for c in claims:
        ev = c.evidence
        assert 0 <= ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end <= len(text)
        assert text[ev.start:ev.end] == ev.text, f"span {ev.start}:{ev.end} does not slice back"
        iv = c.value.interval()
        assert iv.low <= iv.high, f"interval {iv} of {c.value!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_fuzz_extract_never_raises_and_spans_slice_back(language):
    """For any text: extract returns claims whose text[start:end] is their phrase and whose intervals have low <= high."""
    _require_extraction()

    @given(messy_texts())
    def check(text: str) -> None:
        _check_claims(text, factcheck.extract(text, language=language))

    check()


@pytest.mark.parametrize("language", LANGUAGES)
def test_fuzz_extract_any_unicode(language):
    """For any string (control characters, every plane, lone surrogates): extract does not raise."""
    _require_extraction()

    # exclude_categories=(): lone surrogates too, which Python strings can hold.
    @given(st.text(st.characters(exclude_categories=()), max_size=300))
    def check(text: str) -> None:
        _check_claims(text, factcheck.extract(text, language=language))

    check()


def test_fuzz_extract_without_language():
    """Without a language: claims, or the documented UnsupportedLanguageError — nothing else."""
    _require_extraction()

    @given(messy_texts())
    def check(text: str) -> None:
        try:
            claims = factcheck.extract(text)
        except UnsupportedLanguageError:
            return
        _check_claims(text, claims)

    check()


@pytest.mark.parametrize("language", ["xx"])
def test_fuzz_extract_invalid_language_is_a_documented_error(language):
    _require_extraction()
    with pytest.raises(FactcheckError):
        factcheck.extract("About 3,000 troops were sent.", language=language)


def test_fuzz_reconcile_is_independent_of_article_order():
    """Reconciling fuzzed articles gives the same report in any order."""
    _require_extraction()

    extractor = _MemoExtractor()  # each article is extracted once; the orders are what differ
    reconciler = factcheck.Reconciler(extractor=extractor)

    @given(st.lists(st.tuples(messy_texts(max_parts=15), st.sampled_from(LANGUAGES)), min_size=1, max_size=4),
           st.randoms(use_true_random=False))
    def check(rows: list[tuple[str, str]], rnd) -> None:
        articles = [Article(id=f"a{i}", text=t, language=lang) for i, (t, lang) in enumerate(rows)]
        shuffled = list(articles)
        rnd.shuffle(shuffled)
        assert reconciler.run(shuffled).to_json() == reconciler.run(articles).to_json()
        extractor.memo.clear()

    check()


def test_fuzz_reconcile_accepts_any_article_text():
    """reconcile never raises on article text, and lists every article with a status."""
    _require_extraction()

    reconciler = factcheck.Reconciler()  # one pipeline for all examples

    @given(st.lists(messy_texts(max_parts=15), min_size=1, max_size=3))
    def check(texts: list[str]) -> None:
        # Articles, not bare strings: a bare string naming an existing path is read as one.
        articles = [Article(id=f"a{i}", text=t, language="en") for i, t in enumerate(texts)]
        report = reconciler.run(articles)
        assert sorted(s.id for s in report.articles) == sorted(a.id for a in articles)

    check()


#: Extraction reads about 0.1 MB/s, so the 20 MB case of issue 7 runs in the nightly
#: profile (or with FACTCHECK_BIG_MB=20); the default run uses 2 MB, past spaCy's
#: 1,000,000-character max_length, which is what breaks a naive pipeline.
BIG_MB = int(os.environ.get("FACTCHECK_BIG_MB", "20" if os.environ.get("HYPOTHESIS_PROFILE") == "nightly" else "2"))


@pytest.mark.parametrize("megabytes", [BIG_MB])
def test_fuzz_huge_article(megabytes):
    """The library takes a huge article (20 MB nightly) without raising; every span still slices back.

    (The command line skips articles over 5,000,000 characters with a reason; see docs/cli.md.)
    """
    _require_extraction()
    filler = "The weather in the capital was mild and markets were calm on Monday. "
    claim = "About 3,000 more troops were sent, officials said. "
    block = filler * 1400 + claim  # one figure per ~100 KB
    text = block * (megabytes * 1024 * 1024 // len(block))
    _check_claims(text, factcheck.extract(text, language="en"))
