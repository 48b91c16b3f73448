"""Every command is in the README's command table and every setting in docs/settings.md."""
from __future__ import annotations

import typer.main

from tidings.cli import app
from tidings.settings import Settings

from .conftest import ROOT


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = typer.main.get_command(app).commands
    missing = [name for name in commands if f"`tidings {name}" not in readme]
    assert not missing, f"add these commands to the README's command table: {missing}"


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.__dataclass_fields__ if f"`{name}`" not in doc]
    assert not missing, f"document these settings in docs/settings.md: {missing}"
