"""factcheck on Dask: the same claims and the same report as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.dataframe", reason="needs dask (pip install 'factcheck[dask]')")
pytest.importorskip("pyarrow", reason="needs pyarrow (pip install 'factcheck[dask]')")

import dask.dataframe as dd

import factcheck.dask as fdask
from factcheck.errors import InputError
from factcheck.reconcile import Reconciler
from factcheck.settings import Settings
from factcheck.store.rows import claims_from_table

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


def _corpus() -> Path:
    dev = ROOT.parent / "shared" / "corpus" / "dev" / "articles"
    return dev if dev.is_dir() else EXAMPLES


@pytest.mark.parametrize(("npartitions", "trusted"), [(1, False), (3, False), (3, True), (None, True)])
def test_dask_reconcile_equals_one_process_sync(npartitions, trusted):
    """Validated or trusted rows, any number of partitions: the one-process report."""
    import dask

    with dask.config.set(scheduler="sync"):
        df = fdask.extract([str(EXAMPLES)], partition_size=2).compute()
        claims = claims_from_table(df)
        assert claims, "no claims in the examples: the comparison would prove nothing"
        assert claims_from_table(df, trusted=True) == claims
        ddf = dd.from_pandas(df, npartitions=5, sort=False)
        report = fdask.reconcile(ddf, npartitions=npartitions, trusted=trusted)
    assert report == Reconciler().run(claims)


@pytest.mark.parametrize("articles", [120])
def test_dask_reconcile_keeps_a_quantitys_roles_together(tmp_path, articles):
    """A total that its own article repeats as a part is judged beside that part: the shuffle
    keeps each (subject, measure) whole, so the partitioned report equals one process's."""
    import sys

    import dask

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus

    feed = tmp_path / "feed.jsonl"
    corpus.write_feed(feed, articles)
    with dask.config.set(scheduler="sync"):
        df = fdask.extract([str(feed)]).compute()
        claims = claims_from_table(df)
        assert len({c.role for c in claims}) > 1, "one role only: the test would prove nothing"
        report = fdask.reconcile(dd.from_pandas(df, npartitions=8, sort=False), npartitions=8, trusted=True)
    assert report.groups == Reconciler().run(claims).groups


@pytest.mark.parametrize("spec", ["local:0", "local:x", "nohost"])
def test_dask_bad_scheduler_names_the_form(spec):
    with pytest.raises(InputError, match="local:N|address"):
        fdask.parse_scheduler(spec)


@pytest.fixture(scope="module")
def cluster_client():
    distributed = pytest.importorskip("distributed", reason="needs dask[distributed]")
    try:
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", timeout="60s")
    except Exception as e:  # noqa: BLE001 - any failure to start means this machine cannot run the test
        pytest.skip(f"cannot start a LocalCluster of 2 workers here: {type(e).__name__}: {e}")
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_local_cluster_report_equals_one_process(cluster_client):
    src = _corpus()
    one = Reconciler().run([src])
    ddf = fdask.extract([str(src)], partition_size=8)
    report = fdask.reconcile(ddf, npartitions=4)
    assert report.groups and report.groups == one.groups
    # each worker builds its extractor (and loads the language data) once: warming the
    # workers after the run builds one only where no task ran, and never a second
    fdask.warm_workers(cluster_client, Settings())
    built = cluster_client.run(lambda: __import__("factcheck.dask").dask.BUILT)
    assert list(built.values()) == [1, 1]


@pytest.mark.parametrize("command", [["reconcile", "--format", "json"]])
def test_dask_cli_scheduler_gives_the_one_process_output(tmp_path, command):
    """The command line on a LocalCluster of 2 prints exactly what one process prints."""
    pytest.importorskip("distributed", reason="needs dask[distributed]")
    from factcheck.cli import main

    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main([*command, str(EXAMPLES), "-o", str(one)]) == 0
    try:
        status = main([*command, "--scheduler", "local:2", str(EXAMPLES), "-o", str(two)])
    except Exception as e:  # noqa: BLE001 - the cluster itself could not start on this machine
        pytest.skip(f"cannot start a LocalCluster of 2 workers here: {type(e).__name__}: {e}")
    assert status == 0
    assert json.loads(one.read_text())["groups"], "nothing reconciled: the comparison would prove nothing"
    assert two.read_text() == one.read_text()
