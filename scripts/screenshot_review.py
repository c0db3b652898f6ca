#!/usr/bin/env python3
"""Render a session's HTML review in headless Chromium and save a screenshot, to look at it.

    scripts/screenshot_review.py SESSION|FILE.html OUT.png [--width 1200 --height 2400]

SESSION is a session id or "last" (from $MOCKINT_HOME); FILE.html an already written
review. Chromium runs with networking features off and a throwaway profile, so the
screenshot also proves the page needs nothing from outside.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def find_browser() -> str | None:
    """The headless-capable browser on PATH, if any."""
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def screenshot(html_file: Path, out_png: Path, width: int = 1200, height: int = 2400, timeout: float = 90) -> Path:
    """Screenshot a local HTML file with headless Chromium; raises RuntimeError if it cannot."""
    browser = find_browser()
    if browser is None:
        raise RuntimeError("chromium is not installed (Debian: apt-get install chromium)")
    out_png = out_png.resolve()
    out_png.parent.mkdir(parents=True, exist_ok=True)
    out_png.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="mockint-chromium-") as profile:
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={out_png}",
            f"--window-size={width},{height}", html_file.resolve().as_uri(),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if not out_png.is_file() or out_png.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no screenshot (exit {result.returncode}): {result.stderr.strip()[-400:]}")
    return out_png


def html_for(target: str, folder: Path) -> Path:
    """The HTML file to render: the one given, or a session's review written into `folder`."""
    if target.lower().endswith((".html", ".htm")):
        return Path(target)
    from mockint.review import review_html
    from mockint.store import Store

    path = folder / "review.html"
    path.write_text(review_html(Store().load_session(target)), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", metavar="SESSION|FILE.html")
    parser.add_argument("out", metavar="OUT.png", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mockint-review-") as folder:
        try:
            png = screenshot(html_for(args.target, Path(folder)), args.out, args.width, args.height)
        except Exception as exc:  # a dev script: one line is enough, whatever went wrong
            print(f"screenshot_review: {exc}", file=sys.stderr)
            return 1
    print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
