"""Peak memory of reading an export: `python -m bench.import_driver MODE EXPORT DB TODAY`.

MODE `stream` is runjournal's import (`transfer.import_file`); `json-load` only parses
the file with `json.load`, which is the least the old whole-file import held at once,
before it validated or wrote anything.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path


def main(mode: str, export: Path, db: Path, today: date) -> None:
    if mode == "json-load":
        with export.open(encoding="utf-8") as handle:
            data = json.load(handle)
        print(len(data["entries"]))
        return
    from runjournal.services.importing import import_file
    from runjournal.store import Journal

    with Journal.open(db) as journal:
        print(import_file(journal, str(export), today))


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), date.fromisoformat(sys.argv[4]))
