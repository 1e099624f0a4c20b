"""Every command documents every option in its --help."""

import click
import pytest
from click.testing import CliRunner

from warta.cli import main


def commands(group: click.Group, prefix=()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from commands(command, (*prefix, name))


ALL = list(commands(main))


def test_cli_help_lists_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for path, _ in ALL:
        if len(path) == 1:
            assert path[0] in result.output


@pytest.mark.parametrize("path,command", ALL, ids=[" ".join(p) for p, _ in ALL])
def test_cli_help_documents_every_option(path, command):
    result = CliRunner().invoke(main, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"
            for opt in param.opts + param.secondary_opts:
                assert opt in result.output, f"{opt} missing from `warta {' '.join(path)} --help`"
        elif isinstance(param, click.Argument):
            assert param.human_readable_name.upper() in result.output.upper()


def test_cli_extract_help_mentions_inputs():
    result = CliRunner().invoke(main, ["extract", "--help"])
    for word in ("standard input", "--max-bytes", "--components", "--reference-date", "--pretty", "--output"):
        assert word in result.output
