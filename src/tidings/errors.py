"""One exception tree for Tidings. Every message starts with a stable code.

    TidingsError                 E000  root: catch this to catch everything
    ├── InputError               E1xx  an input could not be read or is not an article
    │   └── DateError            E11x  a publication date that is not a real date
    ├── ModelError               E2xx  the NLP pipeline or a shipped model is missing or broken
    ├── DataError                E3xx  a packaged data file is malformed
    ├── ConfigError              E4xx  a setting has a bad value
    ├── StageError               E5xx  a pipeline stage failed on an article (names both)
    └── StoreError               E6xx  the database cannot be opened, written (full, locked) or read
"""

from __future__ import annotations


class TidingsError(Exception):
    """Root of every error Tidings raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        self.code = code or type(self).code
        self.message = message
        super().__init__(f"{self.code} {message}")

    def __reduce__(self):
        # Errors cross process boundaries (workers, Dask): keep the code and the message apart.
        return _rebuild, (type(self), self.message, self.code)


def _rebuild(cls: type["TidingsError"], message: str, code: str) -> "TidingsError":
    return cls(message, code=code)


class InputError(TidingsError):
    code = "E100"


class DateError(InputError):
    code = "E110"


class ModelError(TidingsError):
    code = "E200"


class DataError(TidingsError):
    code = "E300"


class ConfigError(TidingsError):
    code = "E400"


class StageError(TidingsError):
    code = "E500"


class StoreError(TidingsError):
    code = "E600"
