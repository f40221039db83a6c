"""The assistant's servers started the way `make run` starts them, for the
tests, the evaluations and the benchmark."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bot import settings
from bot.channels.credentials import write_configured_channels
from bot.runtime.endpoints import write_endpoints
from bot.runtime.serve import RASA_SERVER, rasa_run_args, start_action_server, stop, wait_for


class ServerCluster:
    """One action server and Rasa servers on the given ports, all with the
    environment `env` and the endpoints and channels `make run` would write for
    it (in `workdir`), each logging to `workdir/<name>.log`. Several Rasa servers
    with the production profile make a cluster; the tests, the evaluations and
    `make bench` start them this way."""

    def __init__(
        self,
        workdir: Path,
        env: dict,
        rasa_ports: tuple[int, ...],
        action_port: int,
        model: Path,
        credentials: Path | None = None,
    ):
        """`credentials`: a channels file of the caller's own; by default, the channels `env` configures."""
        self.workdir, self.env, self.rasa_ports, self.action_port, self.model = (workdir, env, rasa_ports, action_port, model)
        self.urls = [f"http://localhost:{port}" for port in rasa_ports]
        self.endpoints = write_endpoints(workdir / "endpoints.yml", environ=env)
        if credentials is None:
            credentials = workdir / "credentials.yml"
            write_configured_channels(settings.PROJECT_ROOT / "credentials.yml", credentials, env)
        self.credentials = credentials
        self.actions: subprocess.Popen | None = None
        self.rasa: list[subprocess.Popen] = []

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start_actions(self) -> None:
        self.actions = start_action_server(
            self.action_port, env=self.env, stdout=open(self.log("actions"), "a"), stderr=subprocess.STDOUT
        )

    def stop_actions(self) -> None:
        stop(self.actions)
        self.actions = None

    def start_rasa(self) -> None:
        """Start every Rasa server and wait until each answers; the log's end if one does not."""
        if len(self.rasa_ports) > 1:
            # Rasa creates the tracker store's tables when it starts; servers starting
            # at once on an empty database would race, so Rasa's own class creates them first.
            from rasa.core.tracker_store import TrackerStore
            from rasa.utils.endpoints import read_endpoint_config

            TrackerStore.create(read_endpoint_config(str(self.endpoints), "tracker_store"))
        for port in self.rasa_ports:
            self.rasa.append(
                subprocess.Popen(
                    [*RASA_SERVER, *rasa_run_args(port, str(self.endpoints), str(self.credentials)), "--model", str(self.model)],
                    cwd=settings.PROJECT_ROOT,
                    env=self.env,
                    stdout=open(self.log(f"rasa-{port}"), "a"),
                    stderr=subprocess.STDOUT,
                )
            )
        for url, process, port in zip(self.urls, self.rasa, self.rasa_ports, strict=True):
            if not wait_for(f"{url}/", 180, process):
                raise RuntimeError(f"Rasa on {port} did not start:\n" + self.log(f"rasa-{port}").read_text()[-3000:])

    def start(self) -> None:
        self.start_actions()
        self.start_rasa()

    def stop_all(self) -> None:
        stop(*self.rasa, self.actions)
