"""The error catalogue: every code the package raises is listed once with one meaning, in the
range of the exception class that raises it, and the README lists the catalogue."""

import re
from pathlib import Path

from tidings import errors
from tidings.errors import CATALOGUE, WARNINGS

SRC = Path(__file__).resolve().parents[1] / "src" / "tidings"
RANGES = {"InputError": "1", "DateError": "11", "ModelError": "2", "DataError": "3", "ConfigError": "4",
          "StageError": "5", "StoreError": "6"}


def raise_sites():
    """(code, class or None, file:line) for every code="E..." in the package."""
    for path in SRC.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            for m in re.finditer(r'code="(E\d{3})"', line):
                context = " ".join(lines[max(0, number - 4):number])
                classes = re.findall(r"\b(\w+Error)\(", context)
                yield m.group(1), classes[-1] if classes else None, f"{path.name}:{number}"


def test_every_raised_code_is_in_the_catalogue():
    missing = sorted({(code, where) for code, _, where in raise_sites() if code not in CATALOGUE})
    assert not missing


def test_each_code_has_one_meaning_and_sits_in_its_class_range():
    meanings = list(CATALOGUE.values()) + list(WARNINGS.values())
    assert len(meanings) == len(set(meanings))
    classes: dict[str, set[str]] = {}
    for code, cls, where in raise_sites():
        if cls in RANGES:
            classes.setdefault(code, set()).add(cls)
            prefix = "11" if cls == "DateError" else RANGES[cls]
            assert code[1:].startswith(prefix), (code, cls, where)
    assert all(len(found) == 1 for found in classes.values()), classes


def test_the_classes_default_codes_are_catalogued_roots():
    for cls in (errors.InputError, errors.DateError, errors.ModelError, errors.DataError, errors.ConfigError,
                errors.StageError, errors.StoreError):
        assert cls.code.endswith("00") or cls.code.endswith("10")


def test_the_readme_lists_every_code():
    readme = (SRC.parents[1] / "README.md").read_text(encoding="utf-8")
    for code in [*CATALOGUE, *WARNINGS]:
        assert f"`{code}`" in readme, code
