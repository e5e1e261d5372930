"""Shared fixtures: the command-line binary (to compare with), a tagger, texts we wrote."""

import os
import subprocess
from pathlib import Path

import pytest

import indotag

REPO = Path(__file__).resolve().parents[2]

# Texts written for these tests: emoji (above U+FFFF), runs of spaces, newlines, tabs, the
# invisible U+200B/U+2060 between words, a hyphenated token holding two entities, quotes with
# speakers, characters JSON must escape.
SAMPLES = [
    "Presiden Joko Widodo tiba di Surabaya, Jawa Timur, Senin (3/6/2024).",
    'Menteri Keuangan Sri Mulyani berkata: "Kita tetap waspada 🙏 terhadap gejolak global."',
    "Kerja sama AS-ASEAN  dibahas   di Jakarta.\n\nPertemuan berikutnya di Singapura.",
    "Warga Bandung\u200b antre minyak goreng 😀😀 sejak pagi.\u2060 Harga naik\tdi Bogor.",
    'JAKARTA, KOMPAS.com - Gubernur Jawa Barat Ridwan Kamil mengatakan, "Kami siap membantu."\n'
    "Ia menambahkan bahwa bantuan dikirim ke Cianjur.\r\n\r\nBaca juga: Gempa di Garut",
    'Kutipan dengan \\ garis miring dan "tanda kutip" serta pemisah\u2028baris 🇮🇩 di Medan.',
    "   Spasi di awal dan di akhir, Yogyakarta.   \n",
    "",
]


def _cli() -> Path:
    """The `indotag` binary: $INDOTAG_BIN, or target/{debug,release}/indotag, built if
    missing (the comparison is the point of these tests: never skipped)."""
    env = os.environ.get("INDOTAG_BIN")
    if env:
        return Path(env)
    for profile in ("debug", "release"):
        path = REPO / "target" / profile / "indotag"
        if path.exists():
            return path
    subprocess.run(["cargo", "build", "--quiet", "--bin", "indotag"], cwd=REPO, check=True)
    return REPO / "target" / "debug" / "indotag"


@pytest.fixture(scope="session")
def cli():
    path = _cli()
    assert path.exists(), f"no indotag binary at {path}"

    def run(*args: str) -> bytes:
        return subprocess.run([str(path), *args], check=True, capture_output=True).stdout

    return run


@pytest.fixture(scope="session")
def tagger() -> indotag.Tagger:
    return indotag.Tagger()


def dumps(record) -> str:
    """A record as the command writes it."""
    import json

    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
