"""Tests of report_lib.publish.system_packages: which Debian packages `make test-deps` / `make system-deps` install."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from report_lib.publish import system_packages
from report_lib.publish.system_packages import COMMANDS, FONTS, missing_packages

SCRIPT = Path(system_packages.__file__)


def fake_path(tmp_path: Path, commands: list[str], fonts: tuple[str, ...] = ()) -> str:
    """A PATH holding only executables named ``commands``; a fake ``fc-list`` among them lists ``fonts``."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in commands:
        tool = folder / name
        if name == "fc-list":  # prints the family when asked for one it knows (`fc-list :family=NAME family`)
            known = "|".join(f'":family={font}"' for font in fonts) or '":family=none"'
            tool.write_text(f'#!/bin/sh\ncase "$1" in {known}) echo "${{1#:family=}}";; esac\n')
        else:
            tool.write_text("#!/bin/sh\nexit 0\n")
        tool.chmod(0o755)
    return str(folder)


def every_command() -> list[str]:
    return [names[0] for names, _ in COMMANDS.values()]


def test_npm_counts_when_the_command_runs(tmp_path):
    """NodeSource's nodejs ships npm: with an npm on PATH (and no Debian npm package), npm is not asked of apt."""
    path = fake_path(tmp_path, every_command(), tuple(FONTS))
    assert missing_packages(path) == []


def test_a_missing_command_names_its_package_once(tmp_path):
    """Without npm and the poppler tools, exactly npm and poppler-utils (once, for four commands) are missing."""
    present = [c for c in every_command() if c != "npm" and not c.startswith("pdf")]
    assert missing_packages(fake_path(tmp_path, present, tuple(FONTS))) == ["npm", "poppler-utils"]


def test_chromium_browser_counts_as_chromium(tmp_path):
    """Ubuntu's chromium-browser provides what the chromium package does."""
    present = [c for c in every_command() if c != "chromium"] + ["chromium-browser"]
    assert missing_packages(fake_path(tmp_path, present, tuple(FONTS))) == []


def test_fonts_are_asked_of_fontconfig(tmp_path):
    """A font fontconfig does not list names its package; without fc-list every font package and fontconfig are missing."""
    known = tuple(f for f in FONTS if f != "Liberation Serif")
    assert missing_packages(fake_path(tmp_path, every_command(), known)) == ["fonts-liberation"]
    (tmp_path / "no-fc").mkdir()
    without_fc = fake_path(tmp_path / "no-fc", [c for c in every_command() if c != "fc-list"])
    assert missing_packages(without_fc) == sorted({"fontconfig", *FONTS.values()})


def test_the_makefile_reads_the_list_from_the_script(tmp_path):
    """Run as the Makefile runs it (system Python, no report_lib import): it prints the missing packages on one line."""
    path = fake_path(tmp_path, [c for c in every_command() if c != "java"], tuple(FONTS))
    done = subprocess.run([sys.executable, "-I", str(SCRIPT)], capture_output=True, text=True, check=True,
                          env={**os.environ, "PATH": path})
    assert done.stdout == "default-jre-headless\n"


@pytest.mark.parametrize("target", ["system-deps", "test-deps"])
def test_both_make_targets_use_the_script(target):
    """`make system-deps` and `make test-deps` both ask the script, so they install the same, missing, packages."""
    shown = subprocess.run(["make", "-n", target], cwd=SCRIPT.parents[3], capture_output=True, text=True, check=True)
    assert "src/report_lib/publish/system_packages.py" in shown.stdout
    assert "$missing" in shown.stdout and "SYSTEM_PACKAGES" not in shown.stdout
