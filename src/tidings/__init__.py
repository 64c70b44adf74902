"""Tidings: news text in, political event data out (PLOVER and CAMEO).

    >>> import tidings
    >>> events = tidings.code("Türkiye cut off trade with Israel on Tuesday.", date="2024-12-17")
"""

from __future__ import annotations

__version__ = "0.1.0"

from tidings.entry import code, load  # noqa: E402
from tidings.errors import (  # noqa: E402
    ConfigError, DataError, DateError, InputError, ModelError, StageError, TidingsError,
)
from tidings.types import Actor, Article, Count, Event, Evidence, Place, When  # noqa: E402

__all__ = [
    "code", "load", "Pipeline", "Article", "Event", "Actor", "When", "Place", "Count", "Evidence",
    "TidingsError", "InputError", "DateError", "ModelError", "DataError", "ConfigError", "StageError",
    "__version__",
]


def __getattr__(name: str):
    if name == "Pipeline":
        from tidings.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
