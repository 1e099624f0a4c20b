"""Trained models shipped inside the warta package.

``load_model()`` returns the Indonesian news NER pipeline (spaCy ``id`` tokenizer,
tok2vec + ner with labels PER/ORG/LOC), loaded from the package directory, offline.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from warta.errors import ModelError, ModelNotFoundError

MODEL_DIR = Path(__file__).resolve().parent / "id_news"


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
    try:
        return _load(path)
    except Exception as exc:  # a damaged model directory, an incompatible spaCy version…
        raise ModelError(f"warta model '{name}' at {path} could not be loaded: {type(exc).__name__}: {exc} "
                         "(re-install warta, or run with --no-model for the gazetteer and rules only)") from exc


def _load(path: Path):
    """spacy.load, with the saved tokenizer rebuilt as a `FastTokenizer` (same tokens, ~0.1 s instead of ~5 s)."""
    from warta.models.tokenizer import load

    return load(path)


def entities_of(model, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities `model` finds in `text`.

    Tokenised with `warta.limits.SafeTokenizer` (linear time on any input), with runs such as 50,000
    dashes blanked out (they hold no name; offsets are kept); a text longer than
    `warta.limits.PIECE_CHARS` is run in pieces cut at paragraph boundaries (never spaCy's E088)."""
    from warta.limits import SafeTokenizer, blank_pathological, pieces

    tokenizer = SafeTokenizer(model.tokenizer)
    out = []
    for offset, piece in pieces(blank_pathological(text)):
        doc = model(tokenizer(piece))
        out += [(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents]
    return out


__all__ = ["load_model", "model_path", "entities_of", "MODEL_DIR", "ModelError", "ModelNotFoundError"]
