"""Docs that cannot rot: every command, option and setting is in the README."""

import dataclasses
from pathlib import Path

from tidings.cli.main import _parser
from tidings.config import Settings

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_documented():
    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert f"tidings {name}" in README, name
        for action in command._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag not in ("--help", "--debug"):
                    assert flag in README, (name, flag)


def test_every_setting_is_documented():
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in README, field.name


def test_quick_start_is_two_commands():
    assert "make demo" in README and "make test" in README
