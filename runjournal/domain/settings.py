"""Profile settings (SPEC §2) and their parsing."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError

CHOICES: dict[str, tuple[str, ...]] = {
    "units": ("km", "mi"),
    "weight_units": ("kg", "lb"),
    "fitness_level": ("beginner", "intermediate", "advanced"),
    "recovery_rate": ("slow", "normal", "fast"),
}
THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "tokyo-night", "solarized-light")


@dataclass(frozen=True)
class Settings:
    """The profile settings of SPEC §2, each with its default."""

    units: str = "km"
    weight_units: str = "kg"
    fitness_level: str = "intermediate"
    recovery_rate: str = "normal"
    recovery_run_max_minutes: int = 30
    theme: str = "textual-dark"
    # Folders the TUI imports new files from (SPEC §7), joined by os.pathsep; "" is none.
    import_folders: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Every setting by key, as `config show --json` prints them."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def with_value(self, key: str, value: str | int) -> Settings:
        """A copy with one setting changed, validated like `config set`."""
        changes: dict[str, Any] = {key: parse_setting(key, value)}
        return replace(self, **changes)

    @classmethod
    def from_stored(cls, stored: dict[str, str]) -> Settings:
        """Settings from the journal's key/value rows; unknown or bad rows fall back."""
        settings = cls()
        for key, value in stored.items():
            try:
                settings = settings.with_value(key, value)
            except InputError:
                continue
        return settings


KEYS = tuple(f.name for f in fields(Settings))


def parse_setting(key: str, value: str | int) -> str | int:
    """Validate one setting's value; raises InputError naming the key."""
    if key not in KEYS:
        raise InputError("key", f"'{key}' is not a setting; use one of {', '.join(KEYS)}")
    text = str(value).strip()
    if key == "recovery_run_max_minutes":
        try:
            minutes = int(text)
        except ValueError:
            raise InputError(key, f"'{value}' is not a whole number of minutes, 10 to 90") from None
        if not 10 <= minutes <= 90:
            raise InputError(key, f"{minutes} is out of range; use 10 to 90 minutes")
        return minutes
    if key == "import_folders":
        return parse_folders(text)
    if key == "theme":
        if text not in THEMES:
            raise InputError(key, f"'{value}' is not a theme; use one of {', '.join(THEMES)}")
        return text
    if text.lower() not in CHOICES[key]:
        raise InputError(key, f"'{value}' is not allowed; use one of {', '.join(CHOICES[key])}")
    return text.lower()


# What a paste brings around a folder: trimmed. Any other control character is refused.
_PASTED = " \t\r\n"


def parse_folders(text: str, *, field: str = "import_folders") -> str:
    """Folders joined by the platform's path separator, each absolute or under `~`.

    Returned tidied (spaces around each folder and empty parts dropped). The folders
    need not exist yet: a watch mounted over USB is often unplugged.
    """
    parts = [part.strip(_PASTED) for part in text.split(os.pathsep) if part.strip(_PASTED)]
    for part in parts:
        if any(unicodedata.category(char) == "Cc" for char in part):  # C0, DEL and C1
            raise InputError(field, "a folder name cannot hold control characters")
        if not (part.startswith("~") or os.path.isabs(part)):
            raise InputError(
                field,
                f"'{part}' is not an absolute folder; use e.g. ~/Sync/watch or /media/WATCH,"
                f" several joined by '{os.pathsep}'",
            )
        try:
            part.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(field, f"{part!r} is not UTF-8 text") from None
    return os.pathsep.join(parts)


def folder_paths(value: str) -> list[Path]:
    """The folders of an `import_folders` value, with `~` expanded."""
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]
