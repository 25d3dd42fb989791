"""scripts/check_bundle.py, which CI runs on the built program, can fail: a blank, missing or wrongly sized
picture is refused, and the size report names the largest files first."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from scripts.check_bundle import EXPECTED_SIZE, screenshot_problems, size_report


def test_a_blank_or_missing_or_odd_sized_picture_is_refused(tmp_path: Path):
    blank = tmp_path / "blank.png"
    Image.new("RGB", EXPECTED_SIZE, "white").save(blank)
    assert any("blank window" in problem for problem in screenshot_problems(blank))

    assert screenshot_problems(tmp_path / "missing.png") == [
        f"the screenshot {tmp_path / 'missing.png'} is missing or empty"
    ]

    small = tmp_path / "small.png"
    Image.new("RGB", (640, 480), "white").save(small)
    assert any("not the window's 1280×800" in problem for problem in screenshot_problems(small))


def test_a_picture_with_text_and_colours_passes(tmp_path: Path):
    picture = Image.new("RGB", EXPECTED_SIZE, "white")
    draw = ImageDraw.Draw(picture)
    for row in range(40):  # lines of text in several colours, antialiased as a window draws them
        draw.text(
            (10, 10 + row * 18),
            f"Grégoire Côté {row} — consentement accordé",
            fill=(row * 6, 90, 200 - row * 4),
        )
    draw.rectangle((600, 100, 1200, 700), fill=(220, 240, 220), outline=(30, 120, 30))
    path = tmp_path / "window.png"
    picture.save(path)
    assert screenshot_problems(path) == []


def test_the_size_report_lists_the_largest_files_first(tmp_path: Path):
    bundle = tmp_path / "FrontDesk"
    (bundle / "_internal").mkdir(parents=True)
    for name, size in {
        "FrontDesk": 3_000_000,
        "_internal/libbig.so": 5_000_000,
        "_internal/small.txt": 10,
    }.items():
        (bundle / name).write_bytes(b"\0" * size)
    (bundle / "frontdesk-cli").symlink_to("FrontDesk")  # a link counts as a link, not as a second copy

    report = size_report(bundle).splitlines()
    assert report[0] == f"Bundle {bundle}: 8.0 MB in 4 files (under the 200 MB goal)"
    assert report[2].split() == ["5.0", "MB", "_internal/libbig.so"]
    assert report[3].split() == ["3.0", "MB", "FrontDesk"]
