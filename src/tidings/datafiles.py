"""Reading the versioned data files shipped inside the package.

Data files are UTF-8, tab-separated, with '#' comment lines (source and licence) and one
header line. They are read with importlib.resources so the package works from a wheel.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from tidings.errors import DataError


def read_text(package: str, name: str) -> str:
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise DataError(f"packaged data file {package}/{name} cannot be read: {exc}", code="E301") from None


def iter_tsv(package: str, name: str, *, required: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    """Yield one dict per data row, keyed by the header's column names."""
    yield from iter_tsv_text(read_text(package, name), where=f"{package}/{name}", required=required)


def iter_tsv_text(text: str, *, where: str, required: tuple[str, ...] = ()) -> Iterator[dict[str, str]]:
    """The rows of a data file's text (a packaged file, or a user's own file named by ``where``)."""
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DataError(f"{where}: header lacks columns {missing}", code="E302")
            continue
        cells += [""] * (len(header) - len(cells))
        yield {key: cells[i].strip() for i, key in enumerate(header)} | {"_line": str(number)}


def list_files(package: str, suffix: str) -> list[str]:
    return sorted(p.name for p in resources.files(package).iterdir() if p.name.endswith(suffix))
