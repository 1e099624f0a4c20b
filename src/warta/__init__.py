"""warta: structured, explainable event data from Indonesian-language news."""

__version__ = "0.1.0"

from warta.record import Article, SCHEMA_VERSION  # noqa: E402
from warta.api import extract, extract_text, make_pipeline  # noqa: E402

__all__ = ["Article", "SCHEMA_VERSION", "extract", "extract_text", "make_pipeline", "__version__"]
