"""Reproducible synthetic news corpus for the benchmarks.

Articles are assembled from the sentence templates in ``benchmarks/templates/<lang>.yaml``
(written for this benchmark; no seed-article text). Numbers come in every form the
extractor must handle: bare, grouped (Western and Indian), alternative digits, scale words,
number words, qualifiers, ranges and vague words, between plenty of number-free filler,
teasers and widgets. Article ``i`` of a language depends only on ``(seed, lang, i)``, so a
prefix of a long corpus equals a shorter corpus and workers can generate in parallel.

>>> arts = generate_articles("en", count=2, seed=7)
>>> [a.id for a in arts]
['en-000000', 'en-000001']
>>> arts[0].text == generate_articles("en", count=1, seed=7)[0].text
True
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
import yaml

from factcheck.models import Article

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_SEED = 20250904
MIN_BYTES, MAX_BYTES = 2000, 8000
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 730  # publication dates spread over two years
PUBLISHERS = ("Daily Ledger", "Morning Wire", "City Times", "National Herald Online", "Metro Post")

_PLACEHOLDER = regex.compile(r"\{([^{}]+)\}")


@lru_cache(maxsize=None)
def load_templates(lang: str) -> dict[str, Any]:
    """The template data of one language (``benchmarks/templates/<lang>.yaml``).

    >>> "claims" in load_templates("hi")
    True
    """
    path = TEMPLATES / f"{lang}.yaml"
    if not path.exists():
        available = sorted(p.stem for p in TEMPLATES.glob("*.yaml"))
        raise FileNotFoundError(f"no benchmark templates for {lang!r} ({path}); available: {available}")
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def languages() -> list[str]:
    """Languages with benchmark templates, sorted."""
    return sorted(p.stem for p in TEMPLATES.glob("*.yaml"))


class _Writer:
    """Fills templates for one article with one seeded random generator."""

    def __init__(self, data: dict[str, Any], rng: random.Random) -> None:
        self.d = data
        self.rng = rng

    # -- numbers ---------------------------------------------------------------
    def _digits(self, s: str) -> str:
        alt = self.d.get("alt_digits")
        if alt and self.rng.random() < 0.25:
            return s.translate(str.maketrans("0123456789", alt))
        return s

    @staticmethod
    def _group(n: int, style: str) -> str:
        s = str(n)
        if len(s) <= 3:
            return s
        if style == "indian":
            head, tail = s[:-3], s[-3:]
            parts = []
            while len(head) > 2:
                parts.insert(0, head[-2:])
                head = head[:-2]
            parts.insert(0, head)
            return ",".join(parts + [tail])
        return f"{n:,}"

    def magnitude(self) -> int:
        """A count, log-uniform between 10 and 300,000, usually rounded as reporters do."""
        n = int(10 ** self.rng.uniform(1, 5.5))
        digits = self.rng.choice((1, 2, 2, 2, 3, 6))
        scale = 10 ** max(len(str(n)) - digits, 0)
        return max(1, n // scale * scale)

    def number(self, n: int | None = None) -> str:
        """One rendering of a count: grouped, plain, scaled, or in words."""
        rng = self.rng
        small = n is not None and n < 1000  # small counts ("11 countries") are never scaled
        n = self.magnitude() if n is None else n
        r = rng.random()
        if n <= 20 and r < 0.3:
            return self.d["number_words"][n]
        if r < 0.45:
            return self._digits(self._group(n, self.d["grouping"]))
        if r < 0.6:
            return self._digits(self._group(n, self.d.get("alt_grouping", self.d["grouping"])))
        if r < 0.75 or small:
            return self._digits(str(n))
        scale = rng.choice(self.d["scales"])
        mant = n / scale["value"]
        if mant < 1:
            mant = rng.choice((1, 1.5, 2, 2.5, 3, 5, 10, 12, 15, 20, 40))
        mant_s = f"{mant:.1f}".rstrip("0").rstrip(".") if mant < 100 else str(int(mant))
        return f"{self._digits(mant_s.replace('.', self.d['decimal']))} {scale['word']}"

    def quantity(self, noun_key: str) -> str:
        """A quantity phrase with its noun: plain, qualified, range or vague."""
        rng = self.rng
        noun = rng.choice(self.d["slots"][noun_key]) if noun_key in self.d["slots"] else noun_key
        r = rng.random()
        if r < 0.35:
            q = self.number()
        elif r < 0.75:
            q = rng.choice(self.d["qualified"]).replace("{n}", self.number())
        elif r < 0.87:
            lo = self.magnitude()
            hi = lo + max(1, lo // rng.choice((2, 4, 5, 10)))
            q = rng.choice(self.d["ranges"]).replace("{a}", self.number(lo)).replace("{b}", self.number(hi))
        else:
            q = rng.choice(self.d["vague"])
        return f"{q} {noun}"

    # -- placeholders ----------------------------------------------------------
    def _slot(self, m: regex.Match[str]) -> str:
        key = m.group(1)
        rng, d = self.rng, self.d
        if key.startswith("Q:"):
            return self.quantity(key[2:])
        if key == "N":
            return self.number()
        if key == "SMALL":
            return self.number(rng.randint(2, 20))
        if key == "YEAR":
            return self._digits(str(rng.randint(2019, 2026)))
        if key == "PCT":
            pct = rng.choice((str(rng.randint(1, 99)), f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"))
            return rng.choice(d["percent"]).replace("{n}", self._digits(pct))
        if key == "ORD":
            return rng.choice(d["ordinal"]).replace("{n}", self._digits(str(rng.randint(2, 99))))
        if key == "DATE":
            return rng.choice(d["dates"])  # filled on the next pass
        if key == "NAME":
            return " ".join(self._word() for _ in range(rng.randint(1, 2)))
        if key == "TOWN":
            return self._word() + rng.choice(d["town_suffixes"])
        if key == "day":
            return self._digits(str(rng.randint(1, 28)))
        if key == "month":
            return rng.choice(d["months"])
        if key in d["slots"]:
            return rng.choice(d["slots"][key])
        raise KeyError(f"unknown placeholder {{{key}}} in benchmarks/templates/*.yaml")

    def _word(self) -> str:
        """A made-up name of 2–4 syllables: the long tail of real vocabulary."""
        w = "".join(self.rng.choice(self.d["name_syllables"]) for _ in range(self.rng.randint(2, 4)))
        return w[:1].upper() + w[1:]

    def fill(self, template: str) -> str:
        out = template
        while "{" in out:
            new = _PLACEHOLDER.sub(self._slot, out)
            if new == out:
                break
            out = new
        return out

    def article_text(self, target_bytes: int) -> str:
        """Title, dateline, short paragraphs, teasers and widget blocks, laid out as scraped.

        News pages put one to three sentences in a paragraph and break lines often; the
        line structure matters because tokenisers take a slower path around line breaks.
        """
        rng, d = self.rng, self.d
        parts = [self.fill(rng.choice(d["titles"]))]
        dateline = self.fill(rng.choice(d["datelines"]))
        size = len(parts[0].encode()) + len(dateline.encode())
        first = True
        while size < target_bytes:
            sentences = []
            for _ in range(rng.randint(1, 3)):
                r = rng.random()
                pool = d["claims"] if r < 0.3 else d["other_numbers"] if r < 0.5 else d["filler"]
                s = self.fill(rng.choice(pool))
                sentences.append(s[:1].upper() + s[1:])
            para = " ".join(sentences)
            if first and dateline:
                para = f"{dateline} {para}"
            first = False
            parts.append(para)
            size += len(para.encode()) + 2
            if rng.random() < 0.15:
                teaser = self.fill(rng.choice(d["teasers"]))
                parts.append(teaser)
                size += len(teaser.encode()) + 2
        if rng.random() < 0.4:
            block = "\n".join(self.fill(rng.choice(d["widgets"])) for _ in range(rng.randint(2, 4)))
            parts.append(block)
        out = [parts[0]]
        for part in parts[1:]:
            r = rng.random()
            out.append("\n\n" if r < 0.7 else "\n" if r < 0.95 else " \n\n")
            out.append(part)
        return "".join(out)


def make_article(lang: str, index: int, seed: int = DEFAULT_SEED) -> Article:
    """Article ``index`` of the ``lang`` corpus: 2–8 KB of UTF-8, dated within 2024–2025.

    >>> make_article("hi", 3).language
    'hi'
    """
    rng = random.Random(f"{seed}:{lang}:{index}")
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    text = _Writer(load_templates(lang), rng).article_text(target)
    return Article(
        id=f"{lang}-{index:06d}",
        text=text,
        published=FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)),
        publisher=rng.choice(PUBLISHERS),
        language=lang,
    )


def iter_articles(lang: str, *, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[Article]:
    """Articles ``start, start+1, …`` of the ``lang`` corpus, without end."""
    i = start
    while True:
        yield make_article(lang, i, seed)
        i += 1


def generate_articles(
    lang: str, *, seed: int = DEFAULT_SEED, target_bytes: int | None = None, count: int | None = None,
    start: int = 0,
) -> list[Article]:
    """The first articles of the ``lang`` corpus: ``count`` of them, or until ``target_bytes``.

    Args:
        lang: a language with templates (see :func:`languages`).
        seed: the corpus seed; the same seed gives the same text.
        target_bytes: stop once the UTF-8 size reaches this.
        count: stop after this many articles.
        start: index of the first article (disjoint ranges give unseen text).

    Returns:
        The articles in order.

    >>> sum(len(a.text.encode()) for a in generate_articles("en", target_bytes=20000)) >= 20000
    True
    """
    if target_bytes is None and count is None:
        raise ValueError("give target_bytes or count")
    out: list[Article] = []
    size = 0
    for art in iter_articles(lang, seed=seed, start=start):
        if count is not None and len(out) >= count:
            break
        if target_bytes is not None and size >= target_bytes:
            break
        out.append(art)
        size += len(art.text.encode())
    return out


def mixed_articles(count: int, *, seed: int = DEFAULT_SEED, start: int = 0) -> Iterator[Article]:
    """``count`` articles, the languages taking turns (article ``start + k`` of the mix is
    article ``(start + k) // len(languages)`` of one language): any size, 20,000 and beyond.

    >>> [a.id for a in mixed_articles(3)][:2] == [f"{lang}-000000" for lang in languages()[:2]]
    True
    """
    langs = languages()
    for k in range(start, start + count):
        yield make_article(langs[k % len(langs)], k // len(langs), seed)


def write_feed(path: Path, count: int, *, seed: int = DEFAULT_SEED, start: int = 0) -> dict[str, int]:
    """Write ``count`` mixed articles as a JSONL feed (``id, text, published, publisher,
    language``), as a newsroom's daily export would arrive; returns its size."""
    import json

    chars = 0
    with open(path, "w", encoding="utf-8") as fh:
        for a in mixed_articles(count, seed=seed, start=start):
            chars += len(a.text)
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat() if a.published else None,
                                 "publisher": a.publisher, "language": a.language}, ensure_ascii=False) + "\n")
    return {"articles": count, "chars": chars, "bytes": Path(path).stat().st_size}


if __name__ == "__main__":
    # print a sample article: python benchmarks/corpus.py hi [INDEX]
    # write a feed:           python benchmarks/corpus.py --feed day.jsonl COUNT
    import sys

    if sys.argv[1:2] == ["--feed"]:
        print(write_feed(Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 20_000))
        sys.exit(0)
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    print(make_article(lang, int(sys.argv[2]) if len(sys.argv) > 2 else 0).text)
