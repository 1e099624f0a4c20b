"""`--dashboard off`: a local Dask cluster without its web dashboard (about 0.5 s less start-up)."""

import pytest

pytest.importorskip("dask.distributed", reason="needs dask[distributed] (pip install '.[test]')")

from tests import store_corpus  # noqa: E402
from warta.jobs import run_job  # noqa: E402
from warta.jobs.engines import DaskEngine  # noqa: E402


@pytest.mark.parametrize("value", ["off", "none", "OFF", None])
def test_off_means_no_dashboard(value):
    assert DaskEngine(1, dashboard=value).dashboard is None
    assert DaskEngine(1, dashboard=":0").dashboard == ":0"


def test_a_job_without_dashboard_runs_and_reports_none(tmp_path):
    texts = tmp_path / "texts"
    store_corpus.write_folder(texts, 3, seed=5)
    summary = run_job([str(texts)], str(tmp_path / "out"), "dask", workers=1, options={"use_model": False},
                      dashboard="off")
    assert summary.articles == 3 and summary.dashboard is None
