"""Trained models shipped inside the warta package.

``load_model()`` returns the Indonesian news NER pipeline (spaCy ``id`` tokenizer,
tok2vec + ner with labels PER/ORG/LOC), loaded from the package directory, offline.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "id_news"


class ModelNotFoundError(FileNotFoundError):
    """Raised when the shipped spaCy model directory is missing or incomplete."""


def model_path(name: str = "id_news") -> Path:
    return Path(__file__).resolve().parent / name


@lru_cache(maxsize=4)
def load_model(name: str = "id_news"):
    """Load (once, cached) the shipped spaCy pipeline ``name`` from the package.

    Purely local: never downloads anything.  Raises ModelNotFoundError with a clear
    message if the model directory is absent (e.g. a checkout without the model).
    """
    path = model_path(name)
    if not (path / "meta.json").is_file() or not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"warta model '{name}' not found at {path} (expected a spaCy pipeline "
            "directory with meta.json and config.cfg). Re-install warta or train it "
            "with train/README.md.")
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover
        raise ModelNotFoundError("spaCy is required to load warta's NER model") from exc
    return spacy.load(path)


__all__ = ["load_model", "model_path", "MODEL_DIR", "ModelNotFoundError"]
