from bot.serve import rasa_run_args


def test_the_http_api_is_off_without_a_token(monkeypatch):
    monkeypatch.delenv("ACNEBOT_API_TOKEN", raising=False)
    args = rasa_run_args()
    assert "--enable-api" not in args and "--auth-token" not in args
    assert args[:2] == ["run", "--port"] and "credentials.yml" in args


def test_a_token_turns_the_http_api_on_behind_it(monkeypatch):
    monkeypatch.setenv("ACNEBOT_API_TOKEN", "s3cret-token")
    args = rasa_run_args(5105, "endpoints.test.yml")
    assert args[args.index("--auth-token") + 1] == "s3cret-token"
    assert "--enable-api" in args and args[args.index("--endpoints") + 1] == "endpoints.test.yml"
