"""The demonstration clinic's identity (Cliniques Médicales Lacroix: its name, phone and address) lives
in the demo data only (``resources/policies/``): no product code, screen or resource names it, so any
other clinic's documents come out with its own identity and nothing of the demonstration's."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEARCHED = ("desktop", "ui", "resources")
#: The demonstration's data: its policy texts and its identity, loaded only by --demo and demo-data.
DEMO_DATA = (ROOT / "resources" / "policies",)
DEMO_IDENTITY = re.compile(
    r"lacroix|841[\s.-]?1911|855\s?841|ste-foy|sainte-foy|g1s\s?2l6|1000 chemin",
    re.IGNORECASE,
)


def _texts() -> list[tuple[Path, str]]:
    found = []
    for top in SEARCHED:
        for path in sorted((ROOT / top).rglob("*")):
            if not path.is_file() or any(path.is_relative_to(demo) for demo in DEMO_DATA):
                continue
            data = path.read_bytes()
            # Compiled translations hold UTF-16 text; everything else read is UTF-8 text or binary.
            for encoding in ("utf-8", "utf-16-be"):
                try:
                    found.append((path, data.decode(encoding)))
                except UnicodeDecodeError:
                    continue
    return found


def test_the_demonstration_clinic_is_named_in_its_demo_data_only() -> None:
    texts = _texts()
    assert any(path.suffix == ".py" for path, _ in texts), "nothing was searched"
    hits = [
        f"{path.relative_to(ROOT)}: {match.group(0)!r}"
        for path, text in texts
        for match in DEMO_IDENTITY.finditer(text)
    ]
    assert not hits, "the demonstration clinic's identity outside its demo data:\n" + "\n".join(hits)


def test_the_check_finds_the_demonstration_clinic_where_it_is() -> None:
    demo = (ROOT / "resources" / "policies" / "demo-clinic.toml").read_text("utf-8")
    assert len(DEMO_IDENTITY.findall(demo)) >= 4  # name, phone, street, postal code
