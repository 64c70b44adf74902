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

# Every code and its one meaning. A code may be raised in several places, always for this meaning;
# tests/test_errors.py checks that every code the package raises is here, once, in its class's range.
CATALOGUE: dict[str, str] = {
    # InputError: an input could not be read or is not an article
    "E101": "an input is empty: nothing to code or score",
    "E102": "an input is binary data, not text",
    "E103": "an input is not UTF-8 text",
    "E104": "an article's text is blank",
    "E105": "a JSON Lines line is malformed JSON",
    "E106": "a JSON Lines line is not an object with a text field",
    "E107": "an article's text field is missing or not a string",
    "E108": "an article's field has the wrong type",
    "E109": "a path does not exist or cannot be read",
    "E113": "an article is over the size limit (setting max_chars) when read",
    "E114": "an input is over the byte limit",
    "E115": "a gzip input is corrupt or truncated",
    "E116": "an HTML page holds no article text",
    "E117": "a feed could not be parsed",
    "E118": "a document is not an RSS or Atom feed",
    "E119": "a feed entry has no text",
    "E120": "a feed has no entries",
    "E121": "a URL cannot be fetched",
    "E122": "a file is of a kind no reader takes",
    "E123": "a feed argument is neither a URL nor a file listing feed URLs",
    "E124": "an HTML page could not be parsed",
    "E125": "a gold file is of no format tidings eval knows",
    "E131": "tidings ingest was given nothing to ingest",
    "E132": "a --dyad filter is not two actor codes",
    "E133": "an export format needs an output file",
    "E134": "tidings watch --cycles is not a positive number",
    "E135": "tidings watch --webhook was given without an --alert rule",
    # DateError: a publication date that is not a real date
    "E111": "a publication date is not a string",
    "E112": "a publication date cannot be read as a date",
    # ModelError: the NLP pipeline or a shipped model is missing or broken
    "E201": "the spaCy pipeline is not installed",
    "E202": "the spaCy pipeline lacks a parser or NER",
    "E210": "the event classifier cannot be loaded",
    # DataError: a packaged data file is malformed
    "E301": "a packaged data file cannot be read",
    "E302": "a packaged data file's header lacks columns",
    "E303": "the CAMEO-to-PLOVER crosswalk has a line that cannot be read",
    "E304": "the CAMEO-to-PLOVER crosswalk names an unknown PLOVER type",
    "E305": "a packaged TOML data file is not valid TOML",
    "E306": "a coder rule names an unknown stage",
    "E307": "the gazetteer index is missing or cannot be read",
    "E308": "the gazetteer index was built for another version",
    "E310": "the trigger lexicon has a bad trigger or part of speech",
    # ConfigError: a setting has a bad value
    "E401": "a setting has an invalid value",
    "E402": "the user settings file is not valid TOML",
    "E403": "the user settings file names an unknown setting",
    "E404": "an ablation names an unknown coder rule",
    "E405": "an alert rule is malformed",
    "E406": "a webhook is not an http(s) URL",
    "E407": "the Dask scheduler cannot be reached",
    "E408": "a duration is malformed",
    "E409": "a folder of the user's actor files is missing or holds a file of no known kind",
    # StageError: a pipeline stage failed on an article
    "E501": "an article is over the size limit (setting max_chars)",
    "E502": "a coding stage failed on an article",
    "E503": "the parser failed on an article",
    # StoreError: the database cannot be opened, written or read
    "E601": "the database cannot be opened",
    "E602": "the database is locked by another process",
    "E603": "the disk or database is full",
    "E604": "the file is not a Tidings database",
    "E605": "a database error",
    "E606": "the database has an older schema that cannot be upgraded here",
}
# Warnings: the input is used all the same and the warning says what was lost.
WARNINGS: dict[str, str] = {
    "W112": "a publication date could not be read; the article is coded without it",
}


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
