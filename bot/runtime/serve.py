"""Run the action server and a Rasa command together; stopping one stops both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from bot import settings
from bot.channels.credentials import write_configured_channels
from bot.runtime.endpoints import stores_summary, write_endpoints

RASA = str(Path(sys.executable).with_name("rasa"))
# Rasa as the assistant's servers run it: the API token from the environment, not the command line.
RASA_SERVER = [sys.executable, "-m", "bot.runtime.rasa_launcher"]
# Rasa's telemetry and error reports would call out to the internet: never.
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


def wait_for(url: str, timeout: float, process: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def start_action_server(port: int = settings.ACTION_SERVER_PORT, **popen_options) -> subprocess.Popen:
    """Start the rasa-sdk action server and wait until it answers its health check."""
    # rasa-sdk listens on every interface unless SANIC_HOST says otherwise.
    env = {**(popen_options.pop("env", None) or os.environ), "SANIC_HOST": settings.action_server_host()}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.runtime.action_server", "--actions", "actions", "--port", str(port)],
        cwd=settings.PROJECT_ROOT,
        env=env,
        **popen_options,
    )
    if not wait_for(f"http://localhost:{port}/health", 60, process):
        process.terminate()
        raise RuntimeError("the action server did not start; see its log")
    return process


def stop(*processes: subprocess.Popen | None) -> None:
    """Ask each process to stop as Ctrl-C would, then wait; kill what hangs."""
    for process in processes:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGINT)
    for process in processes:
        if process is not None:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _announce_when_ready() -> None:
    base = f"http://localhost:{settings.RASA_PORT}"
    if wait_for(f"{base}/", 180):
        print(
            "\nThe assistant is ready.\n"
            f"  REST channel: POST {base}/webhooks/rest/conversations for a conversation id, then POST\n"
            f'    {{"sender": <that id>, "message": "what causes acne scars?"}} to {base}/webhooks/rest/webhook (README)\n'
            f"  Demo clinic page with the chat widget: {base}/webhooks/widget/\n"
            "  Chat in a terminal instead: make shell\n"
            "  Stop: Ctrl-C\n",
            flush=True,
        )


def run_with_actions(rasa_args: list[str], announce: bool, action_port: int = settings.ACTION_SERVER_PORT) -> int:
    """Start the action server, then Rasa in the foreground; return Rasa's exit code."""
    actions = start_action_server(action_port)
    rasa = None
    try:
        if announce:
            threading.Thread(target=_announce_when_ready, daemon=True).start()
        rasa = subprocess.Popen([*RASA_SERVER, *rasa_args], cwd=settings.PROJECT_ROOT)
        return rasa.wait()
    except KeyboardInterrupt:
        return 130
    finally:
        stop(rasa, actions)


def rasa_run_args(
    port: int = settings.RASA_PORT, endpoints: str = "endpoints.yml", credentials: str = "credentials.yml"
) -> list[str]:
    """`rasa run` with the given channels. The HTTP API (trackers, model) is turned
    on behind its token by bot.runtime.rasa_launcher, which reads the token from the environment."""
    args = ["run", "--port", str(port), "--credentials", credentials, "--endpoints", endpoints]
    if settings.cors_origins():
        args += ["--cors", *settings.cors_origins().split()]
    return args


def serve() -> int:
    try:
        booking = settings.booking_url()
    except ValueError as error:
        print(f"Not started: {error}.", file=sys.stderr, flush=True)
        return 2
    print(f"Booking button leads to: {booking or 'the clinic contact (ACNEBOT_BOOKING_URL unset)'}", flush=True)
    if not settings.api_token():
        print("Rasa HTTP API off: set ACNEBOT_API_TOKEN to enable it for administrators.", flush=True)
    credentials = settings.LOCAL_DATA_DIR / "credentials.yml"
    for line in write_configured_channels(settings.PROJECT_ROOT / "credentials.yml", credentials, os.environ):
        print(line, flush=True)
    endpoints = write_endpoints(settings.LOCAL_DATA_DIR / "endpoints.yml")
    print(stores_summary(), flush=True)
    return run_with_actions(rasa_run_args(endpoints=str(endpoints), credentials=str(credentials)), announce=True)


def shell_args(workdir: Path = settings.LOCAL_DATA_DIR, environ: dict | None = None) -> list[str]:
    """`rasa run` for `make shell`: on its own ports, so it runs beside `make run`,
    with only the website channels (the messaging channels' unset ${VARIABLES}
    would stop it)."""
    environ = {
        **(os.environ if environ is None else environ),
        "ACNEBOT_ACTION_SERVER_URL": f"http://localhost:{settings.SHELL_ACTION_SERVER_PORT}/webhook",
    }
    endpoints = write_endpoints(workdir / "shell-endpoints.yml", environ=environ)
    credentials = workdir / "shell-credentials.yml"
    write_configured_channels(settings.PROJECT_ROOT / "credentials.yml", credentials, {})
    return rasa_run_args(settings.SHELL_RASA_PORT, str(endpoints), str(credentials))


def shell() -> int:
    """The servers in the background (their output in var/shell.log), the chat in the foreground."""
    from bot.runtime.console import chat, typed_lines

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    log_path = settings.LOCAL_DATA_DIR / "shell.log"
    print(f"Starting the assistant (its log: {log_path}) …", flush=True)
    with open(log_path, "a") as log:
        actions = rasa = None
        try:
            actions = start_action_server(settings.SHELL_ACTION_SERVER_PORT, stdout=log, stderr=subprocess.STDOUT)
            rasa = subprocess.Popen(
                [*RASA_SERVER, *shell_args()], cwd=settings.PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT
            )
            base_url = f"http://localhost:{settings.SHELL_RASA_PORT}"
            if not wait_for(f"{base_url}/", 180, rasa):
                print(f"The assistant did not start; see {log_path}.", flush=True)
                return 1
            chat(base_url, typed_lines())
            return 0
        except KeyboardInterrupt:
            return 130
        finally:
            stop(rasa, actions)
