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

# The same lead sentence in Korean and Russian: fewer words than in English (Korean glues
# particles to words; Russian has no articles), so a fixed 20-word threshold left it in
# the headline. Headlines themselves stay short in every language.
BODY_KO = ("국영 매체는 목요일 두 정상이 장시간 회담을 갖고 여러 문제에 대한 협력을 "
           "심화하기로 합의해 지역의 우려를 키웠다고 보도했다.")
BODY_RU = ("Государственные СМИ сообщили в четверг, что лидеры двух стран провели долгие "
           "переговоры и договорились углубить сотрудничество по многим вопросам.")

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
    ("ko", f"북한, 러시아에 병력 추가 파견 가능성…정보당국 분석\n{BODY_KO}\n두 번째 문단.",
     [("headline", "북한, 러시아에"), ("body", "국영 매체는"), ("body", "두 번째 문단")]),
    ("ko", f"정상회담 이후 협력 확대…지역 우려 커져\n부제: 양국 정상 장시간 회담\n{BODY_KO}",
     [("headline", "정상회담 이후"), ("headline", "부제: 양국"), ("body", "국영 매체는")]),
    ("ru", f"КНДР может отправить в Россию новых военных\n{BODY_RU}\nВторой абзац.",
     [("headline", "КНДР может"), ("body", "Государственные СМИ"), ("body", "Второй абзац")]),
    ("hi", f"नेताओं की लंबी बातचीत के बाद सहयोग बढ़ाने पर सहमति\n{BODY_HI}",
     [("headline", "नेताओं की लंबी"), ("body", "सरकारी मीडिया")]),
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


# one word of each language, repeated to build lines of a given length
FILLER = {"en": "troops", "hi": "सैनिक", "ko": "병력을", "ru": "войска"}


@pytest.mark.parametrize("code", sorted(FILLER))
def test_zones_body_opens_at_the_languages_min_words(code):
    """A line of body_min_words words with an end mark opens the body; one word fewer is a
    headline line, and without an end mark twice as many words are needed."""
    lex = lexicon_for(load_language(code))
    n = lex.data.body_min_words
    word = FILLER[code]

    def line(k: int, end: str = ".") -> str:
        return " ".join([word] * k) + end

    for head, body in [(line(n - 1), line(n)), (line(2 * n - 1, ""), line(2 * n, ""))]:
        text = f"{head}\n{body}\n"
        zones = find_zones(text, lexicon_for(load_language(code)))
        assert _zone_of(zones, 0) == "headline", f"{code}: {n - 1} words opened the body: {zones}"
        assert _zone_of(zones, len(head) + 1) == "body", f"{code}: {n} words did not: {zones}"


def test_zones_body_min_words_is_language_data():
    """Korean and Russian spend fewer words on a sentence than English and Hindi."""
    n = {c: load_language(c).extraction.body_min_words for c in ("en", "hi", "ko", "ru")}
    assert n["ko"] < n["en"] and n["ru"] < n["en"] and n["hi"] >= n["en"], n


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
