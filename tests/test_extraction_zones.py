"""Zones (headline, body, boilerplate) and sentence/clause boundaries, as offsets."""

from __future__ import annotations

import pytest

from factcheck.extraction.lexicon import lexicon_for
from factcheck.extraction.sentences import clause_around, split_sentences
from factcheck.extraction.zones import find_zones
from factcheck.langdata import load_language

BODY_HI = ("सरकारी मीडिया ने गुरुवार को बताया कि दोनों देशों के नेताओं ने लंबी बातचीत की और "
           "कई मुद्दों पर सहयोग बढ़ाने पर सहमति जताई, जिससे क्षेत्र में चिंता बढ़ी है।")
BODY_EN = ("State media said on Thursday that the two leaders held long talks and agreed to "
           "deepen their cooperation on many issues, which has raised concern in the region.")

# (language, text, [(zone name, a snippet that must lie in that zone)])
ZONE_CASES = [
    ("hi", f"नेताओं की बातचीत\n{BODY_HI}\nये भी पढ़ें: दूसरी खबर 5 सैनिक\n{BODY_HI}",
     [("headline", "नेताओं की बातचीत"), ("body", "सरकारी मीडिया"), ("boilerplate", "दूसरी खबर")]),
    ("hi", f"{BODY_HI}\n    यह भी पढ़ें: एक और खबर\nअंतिम पंक्ति।",
     [("boilerplate", "एक और खबर"), ("body", "अंतिम पंक्ति")]),
    ("hi", f"{BODY_HI}\nइसे भी पढें:-बिना नुक्ता की खबर\nअंतिम।",
     [("boilerplate", "बिना नुक्ता"), ("body", "अंतिम")]),
    ("hi", f"{BODY_HI}\nLatest News\nकोई और खबर\nआज का राशिफल\n",
     [("boilerplate", "कोई और खबर"), ("boilerplate", "राशिफल")]),
    ("hi", f"{BODY_HI}\nडिस्क्लेमरः यह खबर फीड से है.\nअंतिम।",
     [("boilerplate", "फीड से"), ("body", "अंतिम")]),
    ("en", f"Leaders talk\n{BODY_EN}\nAlso read: another story\n{BODY_EN}",
     [("headline", "Leaders talk"), ("boilerplate", "another story")]),
    ("en", f"{BODY_EN}\nMore like this\nOther story one\nOther story two",
     [("boilerplate", "Other story one"), ("boilerplate", "Other story two")]),
    ("en", f"{BODY_EN}\nREAD MORE: an upper-case teaser\nThe end.",
     [("boilerplate", "upper-case teaser"), ("body", "The end.")]),
    ("en", f"{BODY_EN}\nA line that mentions the latest news is body.",
     [("body", "mentions the latest news")]),
    ("en", f"{BODY_EN}\nTrending\nOne teaser...\nTwo teaser\n{BODY_EN} {BODY_EN}",
     [("boilerplate", "One teaser"), ("boilerplate", "Two teaser"), ("body", f"{BODY_EN} {BODY_EN}")]),
    ("hi", "उत्तर कोरिया ने सैनिक भेजे हैं। यह भी पढ़ें: दूसरी खबर\nअगली पंक्ति।",
     [("body", "उत्तर कोरिया ने"), ("boilerplate", "दूसरी खबर"), ("body", "अगली पंक्ति")]),
    ("en", f"{BODY_EN} Also read: another story\nNext line.",
     [("body", "State media"), ("boilerplate", "another story"), ("body", "Next line")]),
]


def _zone_of(zones, pos):
    return next(name for s, e, name in zones if s <= pos < e)


@pytest.mark.parametrize(("code", "text", "expected"), ZONE_CASES)
def test_zones_label_snippets(code, text, expected):
    zones = find_zones(text, lexicon_for(load_language(code)))
    for name, snippet in expected:
        pos = text.index(snippet)
        assert _zone_of(zones, pos) == name, f"{snippet!r} in {zones}"


@pytest.mark.parametrize(("code", "text", "_"), ZONE_CASES)
def test_zones_cover_text_in_order_without_overlap(code, text, _):
    zones = find_zones(text, lexicon_for(load_language(code)))
    assert zones[0][0] == 0 and zones[-1][1] == len(text)
    for (s1, e1, _n1), (s2, _e2, _n2) in zip(zones, zones[1:]):
        assert e1 == s2 and s1 < e1


SENTENCE_CASES = [
    ("hi", "पहला वाक्य है। दूसरा वाक्य है। तीसरा", ["पहला वाक्य है।", "दूसरा वाक्य है।", "तीसरा"]),
    ("hi", "तापमान 27.1 डिग्री रहा. फिर बारिश हुई", ["तापमान 27.1 डिग्री रहा.", "फिर बारिश हुई"]),
    ("hi", "शीर्षक\n\nपाठ का वाक्य।", ["शीर्षक", "पाठ का वाक्य।"]),
    ("en", "The U.S. troops left. Then 15,000 arrived!", ["The U.S. troops left.", "Then 15,000 arrived!"]),
    ("en", "Is it true? Yes.", ["Is it true?", "Yes."]),
    ("en", "He said \"enough.\" Then left.", ["He said \"enough.\"", "Then left."]),
]


@pytest.mark.parametrize(("code", "text", "expected"), SENTENCE_CASES)
def test_sentences_split(code, text, expected):
    spans = split_sentences(text, lexicon_for(load_language(code)))
    assert [text[s:e] for s, e in spans] == expected


CLAUSE_CASES = [
    ("en", "North Korea sent 15,000 troops, but Russia may send more.", "15,000",
     "North Korea sent 15,000 troops"),
    ("hi", "उत्तर कोरिया ने 15,000 सैनिक भेजे, लेकिन रूस और भेज सकता है।", "15,000",
     "उत्तर कोरिया ने 15,000 सैनिक भेजे"),
    ("hi", "600 सैनिकों की मौत हो गई है, जिसके बाद कयास लगाए गए।", "600",
     "600 सैनिकों की मौत हो गई है"),
]


@pytest.mark.parametrize(("code", "text", "figure", "clause"), CLAUSE_CASES)
def test_clauses_end_at_commas_and_conjunctions(code, text, figure, clause):
    lex = lexicon_for(load_language(code))
    i = text.index(figure)
    lo, hi = clause_around(text, (0, len(text)), i, i + len(figure), lex)
    assert text[lo:hi].strip() == clause
