"""Hostile files (SPEC §7): entity bombs, external entities, archive bombs, odd names.

Every fixture is made here in tmp_path; none is committed.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import zipfile
from pathlib import Path

import pytest

from runjournal.domain.errors import InputError
from runjournal.formats import archive, gpx, tcx
from runjournal.formats.found import Unreadable
from runjournal.services.import_files import ImportOptions, import_paths
from runjournal.store import Journal

from .samples import OPTIONS, TODAY, at, gpx_run, sample_path

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)
    ).replace("&lol0;", "&lol;")
    + "]>\n"
)


def billion_laughs(root: str) -> bytes:
    return (LAUGHS + f"<{root}><name>&lol9;</name></{root}>").encode()


def external_entity(root: str, secret: Path) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
        f"<{root}><trk><name>&x;</name></trk></{root}>"
    ).encode()


@pytest.mark.parametrize(("module", "root"), [(gpx, "gpx"), (tcx, "TrainingCenterDatabase")])
def test_billion_laughs_is_refused(module: object, root: str) -> None:
    with pytest.raises(Unreadable, match="document type declaration"):
        module.read(billion_laughs(root), "bomb", OPTIONS)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("module", "root"), [(gpx, "gpx"), (tcx, "TrainingCenterDatabase")])
def test_external_entity_is_refused_and_never_read(
    tmp_path: Path, module: object, root: str
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    with pytest.raises(Unreadable) as caught:
        module.read(external_entity(root, secret), "xxe", OPTIONS)  # type: ignore[attr-defined]
    assert "TOP-SECRET" not in str(caught.value)


def test_dtd_hidden_in_utf16_is_refused() -> None:
    data = billion_laughs("gpx").decode().replace('"?>', '" encoding="UTF-16"?>', 1)
    with pytest.raises(Unreadable):
        gpx.read(data.encode("utf-16"), "bomb16", OPTIONS)


def _bomb_bytes(megabytes: int) -> bytes:
    return b"\0" * (megabytes << 20)


def test_zip_bomb_member_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.gpx", _bomb_bytes(24))  # ~24 KB packed: 1000x past 10 MB
        z.writestr("run.gpx", gpx_run(at("2026-11-20T06:30:00")))
    (source, run_source) = archive.plan([str(bomb)])
    with archive.Zips() as zips:
        ((label, error),) = list(archive.read(source, zips))
        assert "100 times" in str(error)
        assert label.endswith("big.gpx")
        assert len(list(archive.read(run_source, zips))) == 1


def test_header_claiming_past_one_gib_is_refused_unread() -> None:
    info = zipfile.ZipInfo("huge.fit")
    info.file_size, info.compress_size = (1 << 30) + 1, 1 << 20
    with pytest.raises(Unreadable, match="1 GiB"):
        archive._read_member(None, info)  # type: ignore[arg-type]  (refused before reading)


def test_gzip_bomb_is_refused() -> None:
    packed = gzip.compress(_bomb_bytes(24))
    with pytest.raises(Unreadable, match="100 times"):
        archive.gunzip(packed, "bomb.gpx.gz")


def test_stream_past_one_gib_is_refused_in_chunks() -> None:
    class Endless(io.RawIOBase):
        reads = 0

        def read(self, size: int = -1) -> bytes:
            Endless.reads += 1
            return b"\0" * size

    with pytest.raises(Unreadable, match="1 GiB"):
        archive.read_limited(Endless(), 0, "stdin")  # packed size unknown: 1 GiB applies
    assert Endless.reads == 1025  # stopped at the first chunk past the limit


def test_zip_in_zip_and_gzip_members(tmp_path: Path, journal: Journal) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("a/run.gpx.gz", gzip.compress(gpx_run(at("2026-11-20T06:30:00"))))
    outer = tmp_path / "export.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("nested/inner.zip", inner.getvalue())
        z.writestr("run2.gpx", gpx_run(at("2026-11-21T06:30:00")))
    summary = import_paths(journal, [str(outer)], TODAY, ImportOptions())
    assert summary.added["run"] == 2
    assert summary.files == 2


def test_member_named_with_a_path_is_never_used_as_one(
    tmp_path: Path, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "deep" / "er"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    evil = work / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../../x", gpx_run(at("2026-11-20T06:30:00")))
        z.writestr("/etc/runjournal-x", b"not an activity")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "journal" not in p.name)
    summary = import_paths(journal, ["evil.zip"], TODAY, ImportOptions())
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if "journal" not in p.name)
    assert before == after  # nothing created anywhere (the journal's own files aside)
    assert not os.path.exists("/etc/runjournal-x")
    assert summary.added["run"] == 1
    assert dict(summary.skipped) == {"other file": 1}  # "/etc/runjournal-x": read, not used


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # Seeded noise: the same bytes in every run and every pytest-xdist worker.
        ("picture.fit", b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(300)),
        ("noise.gpx", random.Random(2).randbytes(2000)),
        ("empty.tcx", b""),
    ],
    ids=["png-named-fit", "noise-named-gpx", "empty-tcx"],
)
def test_files_that_are_not_what_their_name_says(
    tmp_path: Path, journal: Journal, name: str, content: bytes
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(content)
    summary = import_paths(journal, [str(folder)], TODAY, ImportOptions())
    assert summary.unreadable == [(f"{folder}/{name}", "not a format runjournal reads")]
    with pytest.raises(InputError, match=name):  # named on its own: an error
        import_paths(journal, [str(folder / name)], TODAY, ImportOptions())


def test_crc_mismatch_and_truncation_inside_a_folder(journal: Journal) -> None:
    folder = sample_path("fit")
    crc, cut = folder / "crc_mismatch__fitparse.fit", folder / "truncated_eof__fitparse.fit"
    with pytest.raises(InputError, match="checksum"):
        import_paths(journal, [str(crc)], TODAY, ImportOptions())
    kept = import_paths(journal, [str(cut)], TODAY, ImportOptions())
    assert dict(kept.skipped) == {"too short": 1}  # its session was read before the cut
