import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def load_cases(name):
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


def shared_dir():
    env = os.environ.get("WARTA_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


@pytest.fixture
def run_components():
    from warta.options import Options
    from warta.pipeline import Pipeline
    from warta.record import Article

    def run(text, names, **opts):
        return Pipeline(names, Options.build(opts))(Article(text=text))

    return run
