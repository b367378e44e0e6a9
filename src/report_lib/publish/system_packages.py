"""The Debian packages the tests and the PDF need, and which of them this machine lacks.

A package counts as present when what the project uses from it works here: its command is
on ``PATH`` or its font is known to fontconfig. The package database is not asked, so a
``npm`` that ships inside NodeSource's ``nodejs`` counts as present (apt refuses the Debian
``npm`` package beside it: "nodejs : Conflicts: npm"), and so does a Chromium installed as
``chromium-browser``.

The Makefile runs this file with the system Python before the virtual environment exists
(``make test-deps``, ``make system-deps``), so it imports the standard library only::

    python3 src/report_lib/publish/system_packages.py      # prints the missing packages, one line
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "chromium": (("chromium", "chromium-browser"), "chromium"),
    "pdftotext": (("pdftotext",), "poppler-utils"),
    "pdffonts": (("pdffonts",), "poppler-utils"),
    "pdfimages": (("pdfimages",), "poppler-utils"),
    "pdfinfo": (("pdfinfo",), "poppler-utils"),
    "npm": (("npm",), "npm"),
    "fc-list": (("fc-list",), "fontconfig"),
    "java": (("java",), "default-jre-headless"),
}
"""What the tests run -> (the commands that provide it, any one will do; the Debian package that installs it)."""

FONTS: dict[str, str] = {
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "WenQuanYi Micro Hei": "fonts-wqy-microhei",
    "Liberation Serif": "fonts-liberation",
}
"""Font family fontconfig must know -> the Debian package that installs it."""


def has_command(names: tuple[str, ...], path: str | None = None) -> bool:
    """Return whether any of ``names`` is an executable on ``path`` (default: this process's ``PATH``)."""
    return any(shutil.which(name, path=path) for name in names)


def has_font(family: str, path: str | None = None) -> bool:
    """Return whether fontconfig's ``fc-list`` (looked up on ``path``) lists ``family``; ``False`` without fc-list."""
    fc_list = shutil.which("fc-list", path=path)
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, f":family={family}", "family"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def missing_packages(path: str | None = None) -> list[str]:
    """Return the Debian packages whose commands or fonts are absent, sorted and each once.

    Parameters
    ----------
    path
        The ``PATH`` to look on (tests pass a folder of fake commands); default this process's.
    """
    missing = {package for names, package in COMMANDS.values() if not has_command(names, path)}
    missing |= {package for family, package in FONTS.items() if not has_font(family, path)}
    return sorted(missing)


def main() -> int:
    """Print the missing packages on one line, space-separated (an empty line when none)."""
    print(" ".join(missing_packages(os.environ.get("PATH"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
