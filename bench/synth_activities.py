"""Synthetic activity files for the import benchmarks: GPX runs and a FIT bulk export.

`python -m bench.synth_activities FOLDER` writes FOLDER/gpx (400 GPX runs) and
FOLDER/fit (2,000 FIT activities). They are made here, not recorded: every file is a
plausible run (a track heading north at an even pace, heart rate 140-160), one a day.
The FIT files are minimal but valid FIT 2.0 (file_id, `FIT_RECORDS` records, session,
activity; header and file CRCs), written by the encoder below because fitdecode only
reads. Real watch files carry more message types
(device info, laps, events, HRV), so fitdecode spends more per file on them than here.
"""

from __future__ import annotations

import random
import struct
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

GPX_RUNS = 400
GPX_POINTS = 300  # a 50-minute run recorded every 10 s
FIT_RUNS = 2000
FIT_RECORDS = 100  # a 50-minute run recorded every 30 s (kept small: 2,000 files)
START = datetime(2019, 1, 1, 6, 30, tzinfo=UTC)
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


def gpx_file(start: datetime, km: float, minutes: float, points: int, rng: random.Random) -> str:
    step_deg = km * 1000 / (points - 1) / 111_195
    step_s = minutes * 60 / (points - 1)
    rows = []
    for n in range(points):
        at = start + timedelta(seconds=n * step_s)
        rows.append(
            f'<trkpt lat="{45 + n * step_deg:.7f}" lon="{14 + rng.uniform(-1e-5, 1e-5):.7f}">'
            f"<ele>{500 + rng.uniform(-2, 2):.1f}</ele><time>{at:%Y-%m-%dT%H:%M:%SZ}</time>"
            "<extensions><gpxtpx:TrackPointExtension>"
            f"<gpxtpx:hr>{rng.randint(140, 160)}</gpxtpx:hr>"
            "</gpxtpx:TrackPointExtension></extensions></trkpt>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><name>Morning Run</name><type>running</type><trkseg>{''.join(rows)}"
        "</trkseg></trk></gpx>\n"
    )


_CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
              0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)  # fmt: skip


def fit_crc(data: bytes, crc: int = 0) -> int:
    """The FIT SDK's CRC-16."""
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


# (global message number, [(field number, base type, struct code)])
_UINT8, _ENUM, _UINT16, _UINT32 = 0x02, 0x00, 0x84, 0x86
_MESSAGES = {
    0: (0, [(0, _ENUM, "B"), (4, _UINT32, "I")]),  # file_id: type, time_created
    1: (20, [(253, _UINT32, "I"), (5, _UINT32, "I"), (3, _UINT8, "B")]),  # record
    2: (18, [(253, _UINT32, "I"), (2, _UINT32, "I"), (7, _UINT32, "I"), (8, _UINT32, "I"),
             (9, _UINT32, "I"), (5, _ENUM, "B"), (6, _ENUM, "B"), (16, _UINT8, "B")]),  # session
    3: (34, [(253, _UINT32, "I"), (1, _UINT16, "H"), (2, _ENUM, "B"), (5, _UINT32, "I")]),
}  # fmt: skip


def _definition(local: int) -> bytes:
    number, fields = _MESSAGES[local]
    body = struct.pack("<BBHB", 0, 0, number, len(fields))
    body += b"".join(struct.pack("<BBB", f, struct.calcsize(code), base)
                     for f, base, code in fields)  # fmt: skip
    return bytes([0x40 | local]) + body


def _data(local: int, *values: int) -> bytes:
    codes = "".join(code for _, _, code in _MESSAGES[local][1])
    return bytes([local]) + struct.pack("<" + codes, *values)


def fit_file(start: datetime, km: float, minutes: float, records: int, hr: int) -> bytes:
    """A minimal valid FIT activity: one running session of `km` in `minutes`."""
    t0 = int((start - FIT_EPOCH).total_seconds())
    seconds = round(minutes * 60)
    body = _definition(0) + _data(0, 4, t0) + _definition(1)
    for n in range(records):
        body += _data(1, t0 + n * seconds // records, round(km * 100_000 * n / records), hr)
    end = t0 + seconds
    body += _definition(2)
    body += _data(2, end, t0, seconds * 1000, seconds * 1000, round(km * 100_000), 1, 0, hr)
    body += _definition(3) + _data(3, end, 1, 0, end + 3600)  # local time: UTC+1
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    data = header + body
    return data + struct.pack("<H", fit_crc(data))


def main(folder: Path) -> None:
    rng = random.Random(2026)
    gpx, fit = folder / "gpx", folder / "fit"
    gpx.mkdir(parents=True, exist_ok=True)
    fit.mkdir(parents=True, exist_ok=True)
    for n in range(GPX_RUNS):
        start = START + timedelta(days=n)
        km = rng.uniform(5, 12)
        text = gpx_file(start, km, km * rng.uniform(5, 6.5), GPX_POINTS, rng)
        (gpx / f"{start:%Y-%m-%d}-run.gpx").write_text(text)
    for n in range(FIT_RUNS):
        start = START + timedelta(days=n, hours=4)
        km = rng.uniform(5, 12)
        data = fit_file(start, km, km * rng.uniform(5, 6.5), FIT_RECORDS, rng.randint(135, 165))
        (fit / f"{start:%Y-%m-%d-%H-%M-%S}.fit").write_bytes(data)
    print(f"{GPX_RUNS} GPX runs ({GPX_POINTS} points) and {FIT_RUNS} FIT activities "
          f"({FIT_RECORDS} records) in {folder}")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]))
