"""The DuckDB claim store: idempotent adds, replacement, transactions, locks, schema, reports."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("duckdb", reason="the store needs duckdb (pip install 'factcheck[store]')")
pytest.importorskip("pyarrow", reason="the store needs pyarrow (pip install 'factcheck[store]')")

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import Extractor
from factcheck.models import Article, Claim, SkippedInput
from factcheck.reconcile import Reconciler
from factcheck.store import Store, StoreError, StoreLockedError, schema
from factcheck.store.store import extract_one

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"

# our own wording: two versions of each text so that an id can change content
TEXTS = (
    "About 15,000 North Korean troops have been sent to Russia, officials said.",
    "At least 600 North Korean soldiers were killed, according to the NIS.",
    "North Korea supplied more than 100 ballistic missiles in 2024.",
    "No figures are given in this short note about the weather.",
)

_EXTRACTOR: list[Extractor] = []
_MEMO: dict[str, object] = {}


def _memo_extract(articles):
    """Extraction memoised by article: the property runs hundreds of adds of a few texts."""
    if not _EXTRACTOR:
        _EXTRACTOR.append(Extractor())
    out = []
    for a in articles:
        key = a.model_dump_json()
        if key not in _MEMO:
            _MEMO[key] = extract_one(_EXTRACTOR[0], a)
        out.append(_MEMO[key])
    return out


def _content(store: Store) -> tuple[list, list]:
    """Everything stored except when it was added."""
    arts = store.sql("SELECT * EXCLUDE (added_at) FROM articles ORDER BY id").to_dict("records")
    claims = store.sql("SELECT * FROM claims ORDER BY article_id, seq").astype(object).to_dict("records")
    return json.loads(json.dumps(arts, default=str)), json.loads(json.dumps(claims, default=str))


_articles = st.builds(
    lambda i, t, day: Article(id=f"a{i}", text=TEXTS[t], language="en",
                              published=dt.date(2025, 1, 1) + dt.timedelta(days=day)),
    st.integers(0, 3), st.integers(0, len(TEXTS) - 1), st.integers(0, 2),
)
_skips = st.builds(lambda i, r: SkippedInput(where=f"s{i}.txt", reason=r), st.integers(0, 1),
                   st.sampled_from(("empty file", "not UTF-8")))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.one_of(_articles, _skips), max_size=5), min_size=1, max_size=4))
def test_store_adds_equal_one_add_of_the_final_articles(tmp_path_factory, adds):
    """Property: any sequence of adds leaves the store as one add of each id's last version."""
    d = tmp_path_factory.mktemp("prop")
    many, once = Store(d / "many.duckdb"), Store(d / "once.duckdb")
    final: dict[str, Article | SkippedInput] = {}
    for batch in adds:
        many.add(batch, extract=_memo_extract)
        for item in batch:
            key = item.where if isinstance(item, SkippedInput) else item.id
            final.pop(key, None)
            final[key] = item
    once.add(list(final.values()), extract=_memo_extract)
    assert _content(many) == _content(once)


@pytest.mark.parametrize("changed", [TEXTS[2]])
def test_store_add_counts_unchanged_and_replaced(tmp_path, changed):
    store = Store(tmp_path / "c.duckdb")
    first = [Article(id="a", text=TEXTS[0], language="en"), Article(id="b", text=TEXTS[1], language="en")]
    r1 = store.add(first, extract=_memo_extract)
    assert (r1.added, r1.unchanged) == (2, 0) and r1.claims > 0
    r2 = store.add(first, extract=_memo_extract)
    assert (r2.added, r2.replaced, r2.unchanged, r2.claims) == (0, 0, 2, 0)
    r3 = store.add([Article(id="a", text=changed, language="en")], extract=_memo_extract)
    assert (r3.replaced, r3.unchanged) == (1, 0)
    measures = set(store.claims()[lambda df: df.article_id == "a"].measure)
    assert measures == {"missiles_supplied"}


_SLOW_ADD = textwrap.dedent("""
    import sys, time
    from factcheck.models import Article
    from factcheck.store import Store
    def slow(articles):
        # the first batch is written; the kill comes while the second is being read
        if slow.calls:
            print("second batch", flush=True)
            time.sleep(60)
        slow.calls += 1
        return [[] for _ in articles]
    slow.calls = 0
    arts = [Article(id=f"new{i}", text=f"text {i}", language="en") for i in range(40)]
    Store(sys.argv[1]).add(arts, extract=slow, batch_size=10)
""")


@pytest.mark.parametrize("signum", [signal.SIGKILL])
def test_store_killed_add_leaves_the_store_as_it_was(tmp_path, signum):
    path = tmp_path / "c.duckdb"
    store = Store(path)
    store.add([Article(id="old", text=TEXTS[0], language="en")], extract=_memo_extract)
    before = _content(store)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_ADD, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "second batch", "the child did not reach its second batch"
        os.kill(proc.pid, signum)
    finally:
        proc.wait(timeout=60)
    assert _content(Store(path)) == before


_HOLD = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("holding", flush=True)
    time.sleep(60)
""")


@pytest.mark.parametrize("write", [True, False])
def test_store_second_writer_gets_store_is_locked(tmp_path, write):
    path = tmp_path / "c.duckdb"
    Store(path).add([Article(id="a", text=TEXTS[3], language="en")], extract=_memo_extract)
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLockedError, match="store is locked"):
            if write:
                Store(path).add([Article(id="b", text=TEXTS[3], language="en")], extract=_memo_extract)
            else:
                Store(path).claims()
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert list(Store(path).articles().id) == ["a"]  # nothing half-written


@pytest.mark.parametrize("old", [0])
def test_store_schema_migration_runs_in_order(tmp_path, monkeypatch, old):
    path = tmp_path / "c.duckdb"
    store = Store(path)
    store.add([Article(id="a", text=TEXTS[0], language="en")], extract=_memo_extract)
    with store.connect(write=True) as con:  # pretend an older factcheck wrote it
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(old)])
        con.execute("ALTER TABLE articles DROP COLUMN url")
    with pytest.raises(StoreError, match="migrate"):
        store.claims()  # reading never changes the file; it says what to run
    monkeypatch.setitem(schema.MIGRATIONS, old, lambda con: con.execute("ALTER TABLE articles ADD COLUMN url VARCHAR"))
    assert store.migrate() == old
    assert store.schema_version == schema.SCHEMA_VERSION
    assert set(store.articles().columns) == {c for c, _, _ in schema.ARTICLE_COLUMNS if c != "text"}


@pytest.mark.parametrize("newer", [schema.SCHEMA_VERSION + 1])
def test_store_refuses_a_newer_schema(tmp_path, newer):
    path = tmp_path / "c.duckdb"
    Store(path).add([], extract=_memo_extract)
    with Store(path).connect(write=True) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(newer)])
    with pytest.raises(StoreError, match="newer"):
        Store(path).add([], extract=_memo_extract)


@pytest.mark.parametrize("stale_id", ["b"])
def test_store_refresh_rereads_only_what_another_version_read(tmp_path, stale_id):
    store = Store(tmp_path / "c.duckdb")
    store.add([Article(id=i, text=t, language="en") for i, t in zip("abc", TEXTS)], extract=_memo_extract)
    with store.connect(write=True) as con:
        con.execute("UPDATE articles SET data_version = 'older', claims = 99 WHERE id = ?", [stale_id])
    result = store.refresh(extract=_memo_extract)
    assert (result.replaced, result.unchanged) == (1, 2)
    arts = store.articles().set_index("id")
    assert arts.loc[stale_id, "claims"] != 99 and arts.loc[stale_id, "data_version"] != "older"


def _corpora(shared: Path | None) -> list[Path]:
    out = [EXAMPLES]
    if shared is not None:
        out.append(shared / "corpus" / "dev" / "articles")
    return out


@pytest.mark.parametrize("which", [0, 1])
def test_store_reconcile_equals_reconciling_the_files(tmp_path, which):
    shared = ROOT.parent / "shared"
    corpora = _corpora(shared if (shared / "corpus" / "dev" / "articles").is_dir() else None)
    if which >= len(corpora):
        pytest.skip(f"dev corpus not found at {shared}/corpus/dev/articles")
    from factcheck.cli import main

    src = corpora[which]
    store = tmp_path / "c.duckdb"
    assert main(["extract", "--store", str(store), str(src)]) in (0, 1)
    assert main(["reconcile", "--store", str(store), "--format", "json", "-o", str(tmp_path / "a.json")]) in (0, 1)
    assert main(["reconcile", str(src), "--format", "json", "-o", str(tmp_path / "b.json")]) in (0, 1)
    a, b = (tmp_path / "a.json").read_text(), (tmp_path / "b.json").read_text()
    assert json.loads(a)["groups"], "nothing was reconciled: the comparison would prove nothing"
    assert a == b
    assert Store(store).reconcile() == Reconciler().run([src])


@pytest.mark.parametrize("measure", ["troops_killed"])
def test_store_reconcile_narrows_by_measure_and_date(tmp_path, measure):
    store = Store(tmp_path / "c.duckdb")
    arts = [Article(id="old", text=TEXTS[1], language="en", published=dt.date(2024, 5, 1)),
            Article(id="new", text=TEXTS[1].replace("600", "2,000"), language="en", published=dt.date(2025, 5, 1)),
            Article(id="other", text=TEXTS[2], language="en", published=dt.date(2025, 5, 1))]
    store.add(arts, extract=_memo_extract)
    report = store.reconcile(since="2025-01-01", measure=measure)
    assert [a.id for a in report.articles] == ["new"]
    assert {c.measure for c in report.claims} == {measure}
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        store.reconcile(since="last week")


@pytest.mark.parametrize("fmt", ["parquet"])
def test_store_export_writes_readable_tables(tmp_path, fmt):
    import pyarrow.parquet as pq

    store = Store(tmp_path / "c.duckdb")
    store.add([Article(id="a", text=TEXTS[0], language="en")], extract=_memo_extract)
    paths = store.export(tmp_path / "out", format=fmt)
    claims = pq.read_table(next(p for p in paths if p.stem == "claims"))
    assert claims.num_rows == len(store.claims()) > 0
    assert claims.schema.field("published").type.__str__().startswith("date")


@pytest.mark.parametrize("args", [["reconcile", "--since", "2025-01-01", "x.txt"], ["reconcile"]])
def test_store_cli_usage_errors_exit_2(args, capsys):
    from factcheck.cli import main

    assert main(args) == 2
    assert "factcheck: error:" in capsys.readouterr().err


def test_store_cli_second_add_reads_nothing(tmp_path, capsys):
    from factcheck.cli import main

    store = str(tmp_path / "c.duckdb")
    assert main(["extract", "--store", store, str(EXAMPLES)]) == 0
    added = int(capsys.readouterr().err.split(": ")[-1].split(" added")[0])
    assert added > 0
    t = time.perf_counter()
    assert main(["extract", "--store", store, str(EXAMPLES)]) == 0
    assert f"0 added, 0 replaced, {added} unchanged" in capsys.readouterr().err
    assert time.perf_counter() - t < 30


@pytest.mark.parametrize("jobs", ["2"])
def test_store_cli_add_with_jobs_stores_what_one_process_stores(tmp_path, capsys, jobs):
    """extract --store --jobs N extracts on N workers: the same articles, claims and statuses."""
    from factcheck.cli import main

    feed = tmp_path / "feed"
    feed.mkdir()
    for i, text in enumerate(TEXTS * 3):
        (feed / f"a{i:02d}.txt").write_text(text.replace("15,000", f"{15_000 + i:,}"), encoding="utf-8")
    (feed / "empty.txt").write_bytes(b"")
    one, many = tmp_path / "one.duckdb", tmp_path / "many.duckdb"
    assert main(["extract", "--store", str(one), str(feed)]) == 1
    assert main(["extract", "--store", str(many), "--jobs", jobs, str(feed)]) == 1
    err = capsys.readouterr().err
    assert "--jobs is not used" not in err
    assert _content(Store(many)) == _content(Store(one))
    assert len(Store(one).claims()) > 0


@pytest.mark.parametrize("n", [400])
def test_store_rebuilds_the_claims_it_was_given(tmp_path, n):
    """Claims read back (the trusted fast path) equal the claims stored, and so do the reports."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import recon_bench

    claims = recon_bench.make_claims(n, seed=3)
    by_article: dict[str, list] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    store = Store(tmp_path / "c.duckdb")
    store.add([Article(id=a, text=a) for a in by_article], extract=lambda arts: [by_article[a.id] for a in arts])
    loaded = store.load_claims()
    assert sorted(loaded, key=lambda c: c.model_dump_json()) == sorted(claims, key=lambda c: c.model_dump_json())
    assert all(c.model_fields_set == Claim.model_validate_json(c.model_dump_json()).model_fields_set for c in loaded[:5])
    assert store.reconcile().groups == Reconciler().run(claims).groups


@pytest.mark.parametrize("doc", ["docs/newsroom.md"])
def test_store_schema_is_documented(doc):
    """Every column of both tables is in the documented schema, so the page cannot drift."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    from factcheck.store.rows import CLAIM_COLUMNS

    missing = [c for c, _, _ in (*schema.ARTICLE_COLUMNS, *CLAIM_COLUMNS) if f"| `{c}` |" not in text]
    assert missing == []
    assert f"## Schema (version {schema.SCHEMA_VERSION})" in text
