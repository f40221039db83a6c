from pathlib import Path

import pytest
import yaml

from bot import settings
from bot.channels.credentials import write_configured_channels
from bot.runtime.rasa_launcher import with_api_token
from bot.runtime.serve import rasa_run_args, shell_args


def test_the_http_api_is_off_without_a_token():
    args = with_api_token(rasa_run_args(), environ={})
    assert "--enable-api" not in args and "--auth-token" not in args
    assert args[:2] == ["run", "--port"] and "credentials.yml" in args


def test_a_token_turns_the_http_api_on_behind_it_but_never_on_the_command_line(monkeypatch):
    monkeypatch.setenv("ACNEBOT_API_TOKEN", "s3cret-token")
    command_line = rasa_run_args(5105, "endpoints.test.yml")
    assert "s3cret-token" not in command_line and "--auth-token" not in command_line
    args = with_api_token(command_line, environ={"ACNEBOT_API_TOKEN": "s3cret-token"})
    assert args[args.index("--auth-token") + 1] == "s3cret-token"
    assert "--enable-api" in args and args[args.index("--endpoints") + 1] == "endpoints.test.yml"


def test_a_blank_api_token_or_secret_key_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="ACNEBOT_API_TOKEN is blank"):
        settings.api_token({"ACNEBOT_API_TOKEN": "   "})
    monkeypatch.setenv("ACNEBOT_SECRET_KEY", " \t")
    with pytest.raises(ValueError, match="ACNEBOT_SECRET_KEY is blank"):
        settings.secret_key()


def test_a_messaging_channel_opens_only_with_all_its_variables(tmp_path):
    target = tmp_path / "credentials.yml"
    environ = {
        "ACNEBOT_TELEGRAM_ACCESS_TOKEN": "123:abc",
        "ACNEBOT_TELEGRAM_SECRET_TOKEN": "s3cret",
        "ACNEBOT_MESSENGER_VERIFY_TOKEN": "verify-me",
    }
    lines = write_configured_channels(settings.PROJECT_ROOT / "credentials.yml", target, environ)
    assert "telegram channel on at /webhooks/telegram/webhook." in lines
    assert (
        "messenger channel off: set ACNEBOT_MESSENGER_APP_SECRET, ACNEBOT_MESSENGER_PAGE_ACCESS_TOKEN "
        "to turn it on (docs/channels.md)." in lines
    )
    assert any(line.startswith("twilio channel off: set ACNEBOT_TWILIO_ACCOUNT_SID") for line in lines)
    kept = yaml.safe_load(target.read_text())
    assert list(kept) == [
        "bot.channels.rest.CheckedRestInput",
        "bot.channels.widget.WidgetChannel",
        "bot.channels.telegram.TelegramChannel",
    ]
    # The copy names the variables; the secrets themselves never reach a file.
    assert kept["bot.channels.telegram.TelegramChannel"]["secret_token"] == "${ACNEBOT_TELEGRAM_SECRET_TOKEN}"
    assert "s3cret" not in target.read_text()


def test_without_variables_only_the_website_channels_open(tmp_path):
    target = tmp_path / "credentials.yml"
    lines = write_configured_channels(settings.PROJECT_ROOT / "credentials.yml", target, {})
    assert len(lines) == 3 and all(" channel off: set " in line for line in lines)
    assert list(yaml.safe_load(target.read_text())) == ["bot.channels.rest.CheckedRestInput", "bot.channels.widget.WidgetChannel"]


def test_each_messaging_channel_is_named_after_its_module():
    from rasa.shared.utils.common import class_from_module_path

    channels = yaml.safe_load((settings.PROJECT_ROOT / "credentials.yml").read_text())
    for module_path in channels:
        if module_path.startswith(("bot.channels.telegram", "bot.channels.messenger", "bot.channels.twilio")):
            assert class_from_module_path(module_path).name() == module_path.rsplit(".", 2)[-2]


def test_a_blank_secret_does_not_open_a_channel(tmp_path):
    environ = {"ACNEBOT_TELEGRAM_ACCESS_TOKEN": "123:abc", "ACNEBOT_TELEGRAM_SECRET_TOKEN": "   "}
    lines = write_configured_channels(settings.PROJECT_ROOT / "credentials.yml", tmp_path / "credentials.yml", environ)
    assert "telegram channel off: set ACNEBOT_TELEGRAM_SECRET_TOKEN to turn it on (docs/channels.md)." in lines


def test_the_shell_runs_beside_make_run_without_the_messaging_channels(tmp_path):
    """`make shell` failed on a machine without the Telegram variables and wanted
    `make run`'s ports."""
    args = shell_args(tmp_path, environ={})
    credentials = yaml.safe_load(Path(args[args.index("--credentials") + 1]).read_text())
    assert "${" not in yaml.safe_dump(credentials)
    assert "bot.channels.rest.CheckedRestInput" in credentials
    assert args[0] == "run" and args[args.index("--port") + 1] == str(settings.SHELL_RASA_PORT) != str(settings.RASA_PORT)
    endpoints = yaml.safe_load(Path(args[args.index("--endpoints") + 1]).read_text())
    assert endpoints["action_endpoint"]["url"] == f"http://localhost:{settings.SHELL_ACTION_SERVER_PORT}/webhook"
    assert settings.SHELL_ACTION_SERVER_PORT != settings.ACTION_SERVER_PORT
