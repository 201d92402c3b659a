"""House settings: a ``captionclean.toml`` that says once what a desk would otherwise type every run.

Looked for, in order: the file named with ``--config``; ``captionclean.toml`` in the working
folder; ``captionclean.toml`` in the user's config folder (``$XDG_CONFIG_HOME/captionclean`` or
``~/.config/captionclean``). The first found is used, whole; none is fine. A command-line option
always wins over the file.

```toml
[clean]
year = 2018                 # for dates stated without a year
to = "xlsx"                 # output format when -o has no telling extension
column = "Caption"          # the caption column of CSV/JSON inputs
agencies = ["house_agencies.csv"]   # extra agency tables (paths relative to this file)

[house_names]               # the agency names your house writes
"AFP" = "Agence France-Presse"
"Getty Images" = "Getty"
```
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

FILE_NAME = "captionclean.toml"
_KNOWN = {"clean": {"year", "to", "column", "agencies"}, "house_names": None}


class ConfigError(ValueError):
    """A settings file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class Settings:
    path: Path | None = None
    year: int | None = None
    to: str | None = None
    column: str | None = None
    agencies: tuple[str, ...] = ()
    house_names: tuple[tuple[str, str], ...] = field(default=())

    def describe(self) -> str:
        return f"settings: {self.path}" if self.path else ""


def user_config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "captionclean"


def find_settings_file(explicit: str | Path | None = None, cwd: Path | None = None) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: no such settings file")
        return path
    for folder in (cwd or Path.cwd(), user_config_dir()):
        path = folder / FILE_NAME
        if path.is_file():
            return path
    return None


def load_settings(explicit: str | Path | None = None, cwd: Path | None = None) -> Settings:
    """The settings in force: the file found (see the module's doc), else none."""
    path = find_settings_file(explicit, cwd)
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    for section, value in data.items():
        if section not in _KNOWN or not isinstance(value, dict):
            raise ConfigError(f"{path}: unknown section [{section}]; known: {', '.join(_KNOWN)}")
        allowed = _KNOWN[section]
        unknown = sorted(set(value) - allowed) if allowed else []
        if unknown:
            raise ConfigError(f"{path}: unknown setting {unknown[0]!r} in [{section}]; known: "
                              f"{', '.join(sorted(allowed))}")
    clean = data.get("clean", {})
    year = clean.get("year")
    if year is not None:
        from .core import check_year

        try:
            check_year(year if isinstance(year, int) and not isinstance(year, bool) else -1)
        except ValueError:
            raise ConfigError(f"{path}: year must be a four-digit year a photo can have been taken in, "
                              f"not {year!r}") from None
    for key in ("to", "column"):
        if key in clean and not isinstance(clean[key], str):
            raise ConfigError(f"{path}: {key} must be text, not {clean[key]!r}")
    agencies = clean.get("agencies", [])
    if isinstance(agencies, str):
        agencies = [agencies]
    if not isinstance(agencies, list) or not all(isinstance(a, str) for a in agencies):
        raise ConfigError(f"{path}: agencies must be a list of file paths")
    tables = tuple(str((path.parent / a) if not Path(a).is_absolute() else Path(a)) for a in agencies)
    for table in tables:
        if not Path(table).is_file():
            raise ConfigError(f"{path}: agency table not found: {table}")
    house = data.get("house_names", {})
    if not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in house.items()):
        raise ConfigError(f"{path}: [house_names] maps agency names to names, as text")
    return Settings(path=path, year=year, to=clean.get("to"), column=clean.get("column"), agencies=tables,
                    house_names=tuple(sorted((k.strip(), v.strip()) for k, v in house.items())))
