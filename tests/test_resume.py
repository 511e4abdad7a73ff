"""A run's output never depends on whether it was interrupted and resumed (issue 14).

Property, over any articles and any point of interruption:

- an ``extract -o FILE`` run interrupted after k articles (Ctrl-C: KeyboardInterrupt) exits
  130 and leaves FILE exactly as it was (the output is written atomically);
- running again gives the same bytes as a run never interrupted;
- resuming by hand — extracting the articles not yet done into a second file — and joining the
  two gives the same records as one run over everything (each article is read on its own).
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import cli
from factcheck.extraction import Extractor
from tests.strategies import messy_texts

#: Claim sentences in our own words (one per language) and look-alikes without a claim.
SENTENCES = (
    "About 15,000 North Korean troops have been sent to Russia, NIS said.",
    "More than 600 North Korean soldiers were killed in Kursk, officials said on Monday.",
    "अधिकारियों के अनुसार उत्तर कोरिया ने रूस में लगभग 3,000 और सैनिक भेजे हैं।",
    "정보당국에 따르면 북한은 러시아에 약 3,000명의 병력을 추가로 파병했다.",
    "По данным разведки, Северная Корея отправила в Россию ещё около 3000 военных.",
    "The market closed 3,000 points higher on Monday.",
)

articles = st.lists(
    st.tuples(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3), messy_texts(max_parts=4)),
    min_size=1, max_size=5,
)


class _StopAfter:
    """The real extractor, interrupted (as by Ctrl-C) when article number ``k`` (from 0) begins."""

    k = -1

    def __init__(self, settings=None) -> None:
        self.inner = Extractor(settings)
        self.done = 0

    def extract(self, article):
        if self.done == _StopAfter.k:
            raise KeyboardInterrupt
        self.done += 1
        return self.inner.extract(article)


def _run(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = cli.main(argv)
    return status, err.getvalue()


#: Each example runs the command line four times: 100 examples (1,000 in the nightly profile).
EXAMPLES = 1_000 if os.environ.get("HYPOTHESIS_PROFILE") == "nightly" else 100


@settings(max_examples=EXAMPLES)
@given(articles, st.data())
def test_resume_output_does_not_depend_on_interruption(rows, data):
    import pytest

    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i, (sentences, messy) in enumerate(rows):
            (folder / f"a{i}.txt").write_text(" ".join(sentences) + " " + messy + ".", encoding="utf-8")
        out = Path(tmp) / "claims.jsonl"
        mp.setattr(cli, "Extractor", _StopAfter)

        _StopAfter.k = -1
        status, err = _run(["extract", "-o", str(out), str(folder)])
        whole = out.read_bytes()
        # messy text may make a file a bad input (NUL bytes): skipped, named on its line
        skips = [line for line in err.splitlines() if line.startswith("factcheck: skipped ")]
        assert status in (0, 1, 2)
        good = len(rows) - len(skips)
        if good == 0:
            return
        k = data.draw(st.integers(min_value=0, max_value=good - 1), label="interrupted at article")

        out.write_bytes(b"old output\n")
        _StopAfter.k = k
        status, err = _run(["extract", "-o", str(out), str(folder)])
        lines = err.splitlines()
        assert status == 130 and lines[-1] == "factcheck: interrupted"
        assert all(line in skips for line in lines[:-1])
        assert out.read_bytes() == b"old output\n"
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["claims.jsonl", "in"]  # no temp file left

        _StopAfter.k = -1
        assert _run(["extract", "-o", str(out), str(folder)])[0] in (0, 1, 2)
        assert out.read_bytes() == whole

        # resumed by hand: the first k articles, then the rest, into two files
        names = sorted(p.name for p in folder.iterdir())
        first, rest = Path(tmp) / "first.jsonl", Path(tmp) / "rest.jsonl"
        parts = []
        for target, chunk in ((first, names[:k]), (rest, names[k:])):
            if chunk:
                _run(["extract", "-o", str(target), *(str(folder / n) for n in chunk)])
                parts.append(target.read_bytes())
        resumed = [json.loads(x) for x in b"".join(parts).splitlines()]
        # ids are file names relative to the folder given: same records once ids are aligned
        assert [{**r, "article": Path(r["article"]).name} for r in resumed] == [
            {**r, "article": Path(r["article"]).name} for r in map(json.loads, whole.splitlines())
        ]
