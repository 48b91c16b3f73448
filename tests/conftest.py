"""Shared fixtures. Tests that load the spaCy model are marked ``slow``; tests that read
../shared/data skip with a reason when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_ecb49ccb045954ec.txt"
DEV = SHARED / "data" / "dev"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: development data lives in ../shared, outside the repo")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from tidings import default_pipeline
    return default_pipeline()


@pytest.fixture(scope="session")
def nlp():
    from tidings.pipeline import load_nlp
    from tidings.settings import load_settings
    return load_nlp(load_settings().model)
