"""The references for the activity imports: `python -m bench.activity_driver LIB FOLDER`.

LIB `gpxpy` parses every GPX file of FOLDER with `gpxpy.parse`, and nothing else; LIB
`fitdecode` reads every frame of every FIT file with `fitdecode.FitReader`. That is the
least any importer built on those libraries does with the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(lib: str, folder: Path) -> None:
    files = sorted(folder.iterdir())
    if lib == "gpxpy":
        import gpxpy

        points = 0
        for file in files:
            gpx = gpxpy.parse(file.read_text(encoding="utf-8"))
            points += sum(len(s.points) for t in gpx.tracks for s in t.segments)
        print(len(files), points)
    elif lib == "fitdecode":
        import io

        import fitdecode

        frames = 0
        for file in files:
            with fitdecode.FitReader(io.BytesIO(file.read_bytes())) as fit:
                for _ in fit:
                    frames += 1
        print(len(files), frames)
    else:
        raise SystemExit(f"unknown library {lib}")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
