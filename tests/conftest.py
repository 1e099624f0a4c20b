import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def shared_dir() -> Path | None:
    path = Path(os.environ.get("WARTA_SHARED") or ROOT.parent / "shared")
    return path if path.is_dir() else None


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (or $WARTA_SHARED) is absent: the seed and scorer are not available")
    return path
