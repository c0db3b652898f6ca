"""The HTML review rendered by real headless Chromium (scripts/screenshot_review.py), pixels checked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.review.conftest import invoke

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "screenshot_review.py"
NO_CHROMIUM = shutil.which("chromium") is None

# Colours the page draws with (review/style.css and review/charts.py): the filler highlight, a pace bar inside the band,
# a filler bar over the line, the "found" STAR cell.
MARK, BAR, WARN, GOOD = (0xFD, 0xE6, 0x8A), (0x3D, 0x6F, 0xB6), (0xC2, 0x41, 0x0C), (0x2F, 0x85, 0x5A)


def read_png(path: Path) -> np.ndarray:
    """A PNG as an (height, width, 3) array, decoded by FFmpeg through PyAV (already a dependency)."""
    import av

    with av.open(str(path)) as container:
        return next(container.decode(video=0)).to_ndarray(format="rgb24")


def pixels_near(image: np.ndarray, colour: tuple[int, int, int], tolerance: int = 8) -> int:
    return int((np.abs(image.astype(int) - colour).max(axis=2) <= tolerance).sum())


@pytest.mark.skipif(NO_CHROMIUM, reason="chromium is not installed (scripts/setup.sh --test installs it)")
def test_the_html_review_renders_in_headless_chromium(voice_session, tmp_path):
    png = tmp_path / "review.png"
    done = subprocess.run([sys.executable, str(SCRIPT), "last", str(png)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    image = read_png(png)
    assert image.shape == (2400, 1200, 3)
    # Not blank: the fillers are highlighted and the charts drew their bars and STAR cells.
    assert pixels_near(image, MARK) > 200
    assert pixels_near(image, BAR) > 1000
    assert pixels_near(image, WARN) + pixels_near(image, GOOD) > 1000
    top = image[:200]  # the heading is dark text on white
    assert (top.max(axis=2) < 80).sum() > 500


@pytest.mark.skipif(NO_CHROMIUM, reason="chromium is not installed (scripts/setup.sh --test installs it)")
def test_the_screenshot_script_takes_a_written_file(two_sessions, tmp_path):
    page, png = tmp_path / "review.html", tmp_path / "shot.png"
    assert invoke(["review", "1", "-o", str(page)]).exit_code == 0
    # 1400 px: session 1's first highlighted filler sits about 820 px down its page, so a shot of 900 px
    # held it by a few lines and lost it when the page above wrapped differently (one CI run in several).
    done = subprocess.run([sys.executable, str(SCRIPT), str(page), str(png), "--height", "1400"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    image = read_png(png)
    assert image.shape == (1400, 1200, 3) and pixels_near(image, MARK) > 100  # session 1's fillers, highlighted
