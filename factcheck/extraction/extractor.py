"""Extract typed claims from articles: the configurable :class:`Extractor` and :func:`extract`.

``Extractor.extract`` runs the steps as plain functions over the text (``analysis.py``:
zones, sentences, the claim gate, numbers, drafts) and builds no spaCy ``Doc``; the spaCy
pipeline (``Extractor.pipeline``) runs the same functions as components.

>>> claims = extract("North Korea has sent about 15,000 troops to Russia.", language="en")
>>> [(c.measure, c.subject, c.value.bound, c.evidence.text) for c in claims]
[('troops_deployed', 'North Korea', 'approx', 'about 15,000 troops')]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from factcheck.attribution import analyse_article
from factcheck.errors import UnsupportedLanguageError
from factcheck.extraction.claims import ClaimDraft
from factcheck.extraction.measures import Measure, MeasureRegistry, default_registry
from factcheck.extraction.analysis import analyse_text
from factcheck.langdata import load_language, supported_languages
from factcheck.extraction.zones import HEADLINE
from factcheck.models import UNATTRIBUTED, Article, Claim, Evidence, Modality, TimeScope
from factcheck.settings import Settings

if TYPE_CHECKING:  # spaCy is imported only when a pipeline is built (Extractor.pipeline)
    from spacy.language import Language


class Extractor:
    """Finds claims in articles (and builds spaCy pipelines on request, one per language).

    Args:
        settings: run-time settings (``include_boilerplate``, ``approx_tolerance`` …).
        measures: the measures to look for: a :class:`MeasureRegistry` or an iterable of
            :class:`Measure`; default: the shared registry (bundled + registered measures).
        gate: read numbers and draft claims only in the sentences that can hold a claim
            (``gate.py``); ``False`` reads every sentence — the same claims, slower.

    ``extract`` runs the extraction steps as plain functions over the text
    (``analysis.py``) and builds no spaCy ``Doc``: every step reads characters, and
    tokenising would cost as much as the spaCy floor itself. :meth:`pipeline` gives the
    same steps as a spaCy pipeline, for ``Doc._.fc_*`` and ``doc.spans["fc_claims"]``.

    >>> Extractor().extract(Article(id="a", text="No figures here.", language="en"))
    []
    """

    def __init__(self, settings: Settings | None = None,
                 measures: MeasureRegistry | Iterable[Measure] | None = None, *,
                 gate: bool = True) -> None:
        self.settings = settings or Settings()
        self.gate = gate
        if measures is None:
            self.registry = default_registry()
        elif isinstance(measures, MeasureRegistry):
            self.registry = measures
        else:
            self.registry = MeasureRegistry(measures)
        self._pipelines: dict[str, Language] = {}
        self._supported: set[str] = set()  # codes found supported (listing the folders is slow)

    def pipeline(self, code: str) -> Language:
        """The (cached) spaCy pipeline for language ``code``."""
        nlp = self._pipelines.get(code)
        if nlp is None:
            from factcheck.extraction.pipeline import build_pipeline  # imports spaCy

            nlp = build_pipeline(code, self.settings, self.registry)
            self._pipelines[code] = nlp
        return nlp

    def language_of(self, article: Article) -> str:
        """The article's language: the given one, else detected; must be supported.

        Raises:
            UnsupportedLanguageError: naming the article and listing the supported languages.
        """
        from factcheck.detect import detect_language, normalise_language

        code = article.language or detect_language(article.text)
        if code in self._supported:
            return code  # language folders are only ever added: a supported code stays so
        code = normalise_language(code, supported_languages()) or code  # a tag: "en-US" is "en"
        if code in self._supported:
            return code
        if code not in supported_languages():
            raise UnsupportedLanguageError(code, supported_languages(), where=f"article {article.id}")
        self._supported.add(code)
        return code

    def extract(self, article: Article | str) -> list[Claim]:
        """The claims of one article (a plain string is an article with id ``text``).

        Raises:
            UnsupportedLanguageError: the article's language has no data file.
        """
        if isinstance(article, str):
            article = Article(id="text", text=article)
        code = self.language_of(article)
        if article.language != code:
            article = article.model_copy(update={"language": code})
        from factcheck.detect import language_parts

        parts = language_parts(article.text, code)  # paragraphs in other languages (detect.py)
        if len(parts) > 1:
            return self._extract_parts(article, parts)
        lang = load_language(code)
        found = analyse_text(article.text, lang, self.settings, self.registry, gate=self.gate)
        if not found.drafts:
            return []
        ctx = analyse_article(article, lang, found.sentences, found.zones)
        return once_per_article([self._claim(article, code, d, ctx) for d in found.drafts],
                                tuple(lang.extraction.sentence_ends))

    def _extract_parts(self, article: Article, parts: list[tuple[str, str]]) -> list[Claim]:
        """A mixed-language article: each language reads the text with the others' paragraphs
        blanked (same length, so offsets and evidence point into the original text); the
        article's date found by its own language serves the others."""
        out: list[Claim] = []
        published = article.published
        for code, text in parts:
            lang = load_language(code)
            found = analyse_text(text, lang, self.settings, self.registry, gate=self.gate)
            part = article.model_copy(update={"text": text, "language": code, "published": published})
            ctx = analyse_article(part, lang, found.sentences, found.zones)
            published = published or ctx.published
            out += [self._claim(article, code, d, ctx) for d in found.drafts]
        return sorted(out, key=lambda c: (c.evidence.start, c.evidence.end))

    def _claim(self, article: Article, code: str, d: ClaimDraft, ctx) -> Claim:
        # Built from the extractor's own parts, each already of its type: not validated
        # again (``_trusted``: the same models, at a fifth of the cost), the evidence's
        # invariants checked here as its validator checks them
        text = article.text
        if not 0 <= d.sentence_start <= d.start <= d.end <= d.sentence_end <= len(text):
            raise ValueError(f"article {article.id}: evidence span {d.start}:{d.end} must lie "
                             f"inside its sentence {d.sentence_start}:{d.sentence_end}")
        evidence = Evidence._trusted(
            article_id=article.id,
            start=d.start,
            end=d.end,
            text=text[d.start:d.end],
            sentence_start=d.sentence_start,
            sentence_end=d.sentence_end,
            sentence=text[d.sentence_start:d.sentence_end],
            zone=d.zone,
        )
        attribution = ctx.attribute(d.start, d.end)
        subject = d.subject
        if d.subject_from_context and d.measure.outcome:
            subject = _authority_country(attribution.source) or subject
        return Claim._trusted(
            article_id=article.id,
            measure=d.measure.name,
            subject=subject,
            value=d.value,
            unit=d.measure.unit,
            modality=d.modality,
            role=d.role,
            subset=d.subset,
            attribution=attribution,
            time=_plan_time(ctx.time_scope(d.start, d.end), d.modality, ctx.published),
            evidence=evidence,
            language=code,
            published=ctx.published,
            publisher=article.publisher,
        )


@functools.cache
def _authority_country(source: str) -> str | None:
    """The country a civil authority speaks for (a ``government`` source: a health ministry,
    a foreign ministry), when the gazetteer knows it as a subject: a toll such an authority
    gives for people its sentence does not name is its own country's ("the Lebanese Health
    Ministry said 36 people were killed" -> Lebanon). Militaries are left out: they count the
    enemy's dead as often as their own."""
    from factcheck.attribution.sources import default_registry as sources
    from factcheck.extraction.gazetteer import load_gazetteer

    src = sources().find(source)
    if src is None or src.kind != "government" or not src.country:
        return None
    return src.country if src.country in load_gazetteer().subjects else None


_YEAR = re.compile(r"\d{4}")


def _plan_time(time: TimeScope, modality: Modality, published: dt.date | None) -> TimeScope:
    """A plan's deadline named without a year ("expected to be deployed by December", said in
    October) is still ahead: the time words read it as last December; the plan holds as of the
    article's date, when it was made."""
    if (modality not in (Modality.PLANNED, Modality.POSSIBLE) or published is None
            or time.as_of is None or not time.phrase or _YEAR.search(time.phrase)
            or time.as_of.year != published.year - 1):
        return time
    ahead = (time.as_of.month, time.as_of.day if time.precision == "day" else 1)
    if ahead <= (published.month, published.day):
        return time
    return TimeScope(as_of=published, precision="day", phrase=time.phrase,
                     reason=f"{time.phrase!r}: a plan's deadline still ahead; as of the article date")


def _figure_key(claim: Claim) -> tuple:
    """What makes two mentions one figure: what is counted, whose, the value as written
    (with its qualifier), its role, and whether it is a plan or a count — not the date: a
    repeat in one article is one figure whatever date it reads; the first body mention keeps
    its date."""
    planned = claim.modality in (Modality.PLANNED, Modality.POSSIBLE)
    return (claim.measure, claim.subject, claim.value, claim.role, planned)


def _title_like(claim: Claim, sentence_ends: tuple[str, ...]) -> bool:
    """A headline, or a title line inside the body (a live blog's entry title): no end mark."""
    if claim.evidence.zone == HEADLINE:
        return True
    return bool(sentence_ends) and not claim.evidence.sentence.rstrip().endswith(sentence_ends)


def once_per_article(claims: list[Claim], sentence_ends: tuple[str, ...] = ()) -> list[Claim]:
    """Each figure of an article once: a headline, teaser or later sentence that repeats a
    figure of the body (same measure, subject, value and qualifier, role) is the same claim.

    Kept, per figure: the first body sentence (a headline or title line, one without any
    of ``sentence_ends``, only when the body does not repeat it). A later repeat credited to
    another source stays a claim of its own (two sources giving one figure are two claims);
    one credited to no source, or to the same, is dropped — and when the kept mention is
    credited to no source, it takes the first credit a repeat gives ("600 were killed …
    The 600 deaths, the agency said").

    >>> from factcheck.values import Exact
    >>> ev = lambda s, z: Evidence(article_id="a", start=s, end=s + 1, text="x",
    ...                            sentence_start=s, sentence_end=s + 1, zone=z)
    >>> c = lambda s, z: Claim(article_id="a", measure="troops_killed", subject="North Korea",
    ...                        value=Exact(value=600), unit="soldier", evidence=ev(s, z))
    >>> [x.evidence.zone for x in once_per_article([c(0, "headline"), c(50, "body")])]
    ['body']
    """
    if len(claims) < 2:
        return claims
    title = [_title_like(c, sentence_ends) for c in claims]
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(claims):
        groups.setdefault(_figure_key(c), []).append(i)
    drop: set[int] = set()
    credit: dict[int, Claim] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        body = [i for i in members if not title[i]] or members
        drop.update(i for i in members if i not in body)
        first = body[0]
        kept = {claims[first].attribution.source}
        for i in body[1:]:
            source = claims[i].attribution.source
            if source == UNATTRIBUTED or source in kept:
                drop.add(i)
            elif UNATTRIBUTED in kept and first not in credit:
                credit[first] = claims[i]
                kept.add(source)
                drop.add(i)
            else:
                kept.add(source)
    # a title that only simplifies a body figure (the same count, read as a total or a
    # plan where the body says "the first group of 1,500") is that figure too
    body_figures = {(c.measure, c.subject, c.value) for i, c in enumerate(claims)
                    if i not in drop and not title[i]}
    for i, c in enumerate(claims):
        if i not in drop and title[i] and (c.measure, c.subject, c.value) in body_figures:
            drop.add(i)
    _credit_titles(claims, drop, credit, title)
    if not drop and not credit:
        return claims
    out = []
    for i, c in enumerate(claims):
        if i in drop:
            continue
        if i in credit:
            c = c.model_copy(update={"attribution": credit[i].attribution})
        out.append(c)
    return out


def _credit_titles(claims: list[Claim], drop: set[int], credit: dict[int, Claim],
                   title: list[bool]) -> None:
    """A headline (or title line) credited to no one that gives a body figure with another
    qualifier ("300 killed" over "about 300 were killed, the agency said") takes the body's
    credit: the same number of the same thing, told first in the headline. ``title[i]``:
    whether claim ``i`` is a headline or title line (``_title_like``)."""
    titles = [i for i, c in enumerate(claims) if i not in drop and i not in credit
              and c.attribution.source == UNATTRIBUTED and c.value.point is not None
              and title[i]]
    if not titles:
        return
    told: dict[tuple, Claim] = {}
    for i, c in enumerate(claims):
        if (c.attribution.source != UNATTRIBUTED and c.value.point is not None
                and not title[i]):
            told.setdefault((c.measure, c.subject, c.value.point), c)
    for i in titles:
        c = claims[i]
        body = told.get((c.measure, c.subject, c.value.point))
        if body is not None:
            credit[i] = body


_DEFAULT: dict[str, Extractor] = {}


def extract(article_or_text: Article | str, *, language: str | None = None,
            settings: Settings | None = None) -> list[Claim]:
    """The claims of one article or text, with a shared default :class:`Extractor`.

    Args:
        article_or_text: an :class:`Article` or the text of one.
        language: the language code, if known (it wins over the article's).
        settings: run-time settings; default ``Settings()``.

    >>> [c.measure for c in extract("लगभग 600 सैनिकों की मौत हो गई।", language="hi")]
    ['troops_killed']
    """
    from factcheck.inputs import as_article

    article = as_article(article_or_text, language=language)  # Article, text or row; else TypeError
    key = (settings or Settings()).model_dump_json()
    extractor = _DEFAULT.get(key)
    if extractor is None:
        extractor = _DEFAULT[key] = Extractor(settings)
    return extractor.extract(article)
