"""House settings (captionclean.toml): found in the working folder or the user's config folder,
or named with --config; options typed on the command line win; errors are one line."""
import json

import pytest
from typer.testing import CliRunner

from captionclean.cli import app
from captionclean.config import ConfigError, load_settings

CAPTION = "Fishermen unload their catch at dawn in Dakar, Senegal, May 13. Jane Doe/AFP via Getty Images"
runner = CliRunner()


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home-config"))
    (tmp_path / "in.txt").write_text(CAPTION + "\n", encoding="utf-8")
    return tmp_path


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_no_settings(desk):
    assert load_settings().path is None


def test_working_folder_first_then_user_folder(desk):
    user = write(desk / "home-config" / "captionclean" / "captionclean.toml", "[clean]\nyear = 2017\n")
    assert load_settings().path == user and load_settings().year == 2017
    here = write(desk / "captionclean.toml", "[clean]\nyear = 2019\n")
    assert load_settings().path.resolve() == here.resolve() and load_settings().year == 2019


def test_settings_apply_and_the_summary_names_the_file(desk):
    write(desk / "captionclean.toml", '[clean]\nyear = 2019\nto = "jsonl"\n\n'
                                      '[house_names]\n"AFP" = "Agence France-Presse"\n"Getty Images" = "Getty"\n')
    result = runner.invoke(app, ["clean", "in.txt", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert f"settings: {desk / 'captionclean.toml'}" in result.output
    row = json.loads((desk / "out").read_text(encoding="utf-8"))  # the settings' format
    assert (row["date"], row["date_inferred"]) == ("2019-05-13", True)
    assert (row["agency"], row["distributor"]) == ("Agence France-Presse", "Getty")


def test_typed_options_win(desk):
    write(desk / "captionclean.toml", '[clean]\nyear = 2019\nto = "jsonl"\n')
    result = runner.invoke(app, ["clean", "in.txt", "--year", "2020", "-o", "out.csv"])
    assert result.exit_code == 0, result.output
    text = (desk / "out.csv").read_text(encoding="utf-8")
    assert text.startswith("gallery,caption,") and "2020-05-13" in text  # CSV, as -o says


def test_agency_tables_are_relative_to_the_file(desk):
    write(desk / "conf" / "house.csv", "name,alias\nKestrel Photo Agency,Kestrel Wire\n")
    conf = write(desk / "conf" / "desk.toml", '[clean]\nagencies = ["house.csv"]\n')
    result = runner.invoke(app, ["parse", "--plain", "--config", str(conf),
                                 "Boats at dawn in Dakar, Senegal, May 13, 2018. Jane Doe/Kestrel Wire via Getty Images"])
    assert result.exit_code == 0, result.output
    assert "Kestrel Photo Agency" in result.output


@pytest.mark.parametrize("text,message", [
    ("[clean\n", "not valid TOML"),
    ("[clean]\ncolour = 1\n", "unknown setting 'colour'"),
    ("[output]\nx = 1\n", "unknown section [output]"),
    ("[clean]\nyear = 18\n", "four-digit year"),
    ('[clean]\nagencies = ["nope.csv"]\n', "agency table not found"),
])
def test_a_bad_file_is_one_line(desk, text, message):
    write(desk / "captionclean.toml", text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_settings()
    result = runner.invoke(app, ["clean", "in.txt", "-o", "out.csv"])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and message in result.output


def test_a_named_file_that_is_missing(desk):
    result = runner.invoke(app, ["clean", "in.txt", "--config", "nope.toml"])
    assert result.exit_code == 2 and "nope.toml: no such settings file" in result.output
