"""tidings: news text in, structured political event data out (PLOVER 2.0 with CAMEO codes)."""
from __future__ import annotations

from functools import lru_cache

from .errors import InputError, KnowledgeError, ModelNotFound, SettingsError, TidingsError
from .model import Article, Event, Mention, Place, Quantity, Sentence, Trigger
from .pipeline import Pipeline, Result
from .settings import Settings, load_settings

__version__ = "0.1.0"
__all__ = ["Article", "Event", "InputError", "KnowledgeError", "Mention", "ModelNotFound",
           "Pipeline", "Place", "Quantity", "Result", "Sentence", "Settings", "SettingsError",
           "TidingsError", "Trigger", "extract", "load_settings", "default_pipeline"]


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The pipeline built from the default settings, loaded once per process."""
    return Pipeline(load_settings())


def extract(text: str, date: str | None = None, article_id: str = "") -> list[Event]:
    """Events in one article's text; ``date`` is its publication date (YYYY-MM-DD)."""
    return default_pipeline().extract(text, date=date, article_id=article_id)
