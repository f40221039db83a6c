"""`make bench`: this assistant against a plain Rasa baseline, in the same run.

The baseline is Rasa's own sample bot (`rasa init`'s project, shipped inside the
installed Rasa: the same version, static responses, no action server). Both are
driven through the REST channel by an asyncio client: sequential latency, then
throughput at several numbers of concurrent conversations. The assistant is
started with `make run`, so its cold start is what a clinic sees; the memory is
the peak resident size of all its processes together, sampled throughout.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import psutil
import psycopg2
import rasa.cli
from sqlalchemy.engine import make_url

from bot import settings
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.db import migrate, new_session
from bot.runtime.rest_client import CONVERSATIONS_PATH, WEBHOOK_PATH
from bot.runtime.serve import RASA, wait_for
from tools.server_cluster import ServerCluster

RESULTS_DIR = settings.PROJECT_ROOT / "results"
BASELINE_PROJECT = Path(rasa.cli.__file__).parent / "initial_project"
# A copy of the sample project, where the baseline is trained and run (its own
# credentials.yml: the REST channel).
BASELINE_DIR = RESULTS_DIR / "bench" / "baseline"
BASELINE_MODEL = BASELINE_DIR / "models" / "baseline.tar.gz"
BASELINE_PORT = 5007
CONCURRENCY = (1, 10, 20, 50)
SEQUENTIAL_TURNS = 300
MESSAGES_PER_LEVEL = 600
TURNS = 10  # messages per conversation

QUESTIONS = [
    "what causes acne scars?",
    "what types of acne scars are there?",
    "does picking cause scars?",
    "how are acne scars treated?",
    "what about boxcar scars?",
    "how can I prevent acne scars?",
    "when should I see a doctor?",
    "do acne scars go away?",
    "are acne scars genetic?",
    "how are rolling scars treated?",
]
# The scaled-out production profile: its own ports, databases and Redis database.
SCALED_PORTS = (5008, 5009)
SCALED_ACTION_PORT = 5058
SCALED_CONCURRENCY = (20, 50)
SCALED_DIR = RESULTS_DIR / "bench" / "scaled-out"
BENCH_POSTGRES_URL = os.environ.get("ACNEBOT_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BENCH_REDIS_URL = os.environ.get("ACNEBOT_BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
MODEL = settings.MODEL_FILE
BASELINE_MESSAGES = ["hello", "I am feeling great", "are you a bot?", "I'm sad", "yes", "no", "goodbye", "hi there"]

# The targets of issue #8, on this 2-core machine.
P95_RATIO_TARGET = 1.5
THROUGHPUT_TARGET = 50.0
THROUGHPUT_AT = 20
MEMORY_TARGET_MB = 2500
COLD_START_TARGET_S = 40
TRAINING_TARGET_S = 180


@dataclass
class Level:
    concurrency: int
    messages: int
    errors: int
    seconds: float
    latencies: list[float] = field(repr=False)

    @property
    def throughput(self) -> float:
        return (self.messages - self.errors) / self.seconds


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class MemoryWatch:
    """Peak resident memory of a process (unless `include_root` is false) and all
    its descendants together, those started later included, sampled every 0.2 s."""

    def __init__(self, pid: int, include_root: bool = True) -> None:
        self.root, self.include_root = psutil.Process(pid), include_root
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            total = 0
            try:
                family = [*([self.root] if self.include_root else []), *self.root.children(recursive=True)]
            except psutil.Error:
                family = []
            for process in family:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak / 2**20


async def _new_sender(http: aiohttp.ClientSession, webhook_url: str) -> str:
    """A conversation id the server issues (not timed); plain Rasa issues none and
    takes any id."""
    async with http.post(webhook_url.replace(WEBHOOK_PATH, CONVERSATIONS_PATH)) as response:
        if response.status == 404:
            return f"bench-{uuid.uuid4().hex[:12]}"
        response.raise_for_status()
        return (await response.json())["sender"]


async def _conversations(http: aiohttp.ClientSession, urls: list[str], messages: list[str], latencies: list[float]) -> int:
    """One patient after another, each sending TURNS messages one at a time (each
    turn to the next server, when there are several); the number of errors (no answer)."""
    errors = 0
    for number, message in enumerate(messages):
        if number % TURNS == 0:
            sender = await _new_sender(http, urls[0])
        start = time.perf_counter()
        try:
            async with http.post(urls[number % len(urls)], json={"sender": sender, "message": message}) as response:
                replies = await response.json() if response.status == 200 else None
            if not replies:
                errors += 1
        except (aiohttp.ClientError, asyncio.TimeoutError):
            errors += 1
        latencies.append(time.perf_counter() - start)
    return errors


async def _level(base_urls: list[str], messages: list[str], concurrency: int, total: int) -> Level:
    urls = [f"{base_url}{WEBHOOK_PATH}" for base_url in base_urls]
    cycle = itertools.cycle(messages)
    per_conversation = max(1, total // concurrency)
    latencies: list[float] = []
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as http:
        start = time.perf_counter()
        errors = await asyncio.gather(
            *(_conversations(http, urls, [next(cycle) for _ in range(per_conversation)], latencies) for _ in range(concurrency))
        )
        seconds = time.perf_counter() - start
    return Level(concurrency, per_conversation * concurrency, sum(errors), seconds, latencies)


def measure(base_url: str, messages: list[str]) -> dict:
    """Warm up, then sequential latency and throughput at each concurrency."""
    asyncio.run(_level([base_url], messages, 1, 30))
    sequential = asyncio.run(_level([base_url], messages, 1, SEQUENTIAL_TURNS))
    levels = [asyncio.run(_level([base_url], messages, c, MESSAGES_PER_LEVEL)) for c in CONCURRENCY]
    return {"sequential": sequential, "levels": levels}


def _first_answer(base_url: str, process: subprocess.Popen, timeout: float) -> None:
    """Wait until the REST channel first answers."""
    import requests

    start = time.monotonic()
    while time.monotonic() - start < timeout and process.poll() is None:
        try:
            issued = requests.post(f"{base_url}{CONVERSATIONS_PATH}", timeout=5)
            sender = issued.json()["sender"] if issued.status_code == 201 else "cold-start"
            reply = requests.post(f"{base_url}{WEBHOOK_PATH}", json={"sender": sender, "message": "hello"}, timeout=5)
            if reply.status_code == 200 and reply.json():
                return
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"no answer from {base_url} within {timeout} s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def train_baseline() -> None:
    """Train a copy of the sample project (Rasa writes its chosen default pipeline
    into the config file, which must not be the installed package's)."""
    if BASELINE_MODEL.exists():
        return
    shutil.rmtree(BASELINE_DIR, ignore_errors=True)
    shutil.copytree(BASELINE_PROJECT, BASELINE_DIR)
    subprocess.run(
        [RASA, "train", "--quiet", "--out", str(BASELINE_MODEL.parent), "--fixed-model-name", "baseline"],
        check=True,
        cwd=BASELINE_DIR,
    )


def train_from_scratch() -> float:
    """Seconds for `rasa train` of the project with nothing cached (Rasa's cache off,
    into a folder of its own, so the model `make run` uses is not touched)."""
    with tempfile.TemporaryDirectory(prefix="acnebot-train-") as out:
        started = time.monotonic()
        subprocess.run(
            [RASA, "train", "--quiet", "--force", "--out", out],
            check=True,
            cwd=settings.PROJECT_ROOT,
            env={**os.environ, "RASA_MAX_CACHE_SIZE": "0"},
            stdout=subprocess.DEVNULL,
        )
        return time.monotonic() - started


def _serve_and_measure(command: list[str], cwd: Path, base_url: str, messages: list[str], log) -> tuple[float, float, dict]:
    """Start a server from cold: seconds to its first answer, peak memory of it and
    its children, and the latency and throughput figures."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    watch = MemoryWatch(process.pid)
    try:
        _first_answer(base_url, process, 180)
        cold = time.monotonic() - start
        figures = measure(base_url, messages)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # the process and its children, as Ctrl-C does
        _stop(process)
        peak = watch.stop()
    return cold, peak, figures


def run_assistant(log) -> tuple[float, float, dict]:
    """`make run` from cold, the model already trained."""
    base_url = f"http://localhost:{settings.RASA_PORT}"
    if wait_for(f"{base_url}/", 1):
        raise RuntimeError(f"something already listens on {base_url}: stop it (make run?) first")
    return _serve_and_measure(["make", "--no-print-directory", "run"], settings.PROJECT_ROOT, base_url, QUESTIONS, log)


def _fresh_database(name: str) -> str:
    admin = psycopg2.connect(BENCH_POSTGRES_URL)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return str(make_url(BENCH_POSTGRES_URL).set(database=name))


def run_scaled_out() -> tuple[float, list[Level]]:
    """The production profile scaled out: two Rasa servers sharing one action
    server, PostgreSQL (tracker and knowledge stores) and Redis (locks); each turn
    goes to the other server, as a load balancer without sticky sessions would."""
    tracker_url, knowledge_url = _fresh_database("acnebot_bench_tracker"), _fresh_database("acnebot_bench_knowledge")
    migrate(knowledge_url)
    with new_session(knowledge_url) as session:
        ingest(session)
    profile = {
        "ACNEBOT_DATABASE_URL": knowledge_url,
        "ACNEBOT_TRACKER_STORE_URL": tracker_url,
        "ACNEBOT_REDIS_URL": BENCH_REDIS_URL,
        "ACNEBOT_ACTION_SERVER_URL": f"http://localhost:{SCALED_ACTION_PORT}/webhook",
        "ACNEBOT_SECRET_KEY": secrets.token_urlsafe(48),
    }
    SCALED_DIR.mkdir(parents=True, exist_ok=True)
    servers = ServerCluster(SCALED_DIR, {**os.environ, **profile}, SCALED_PORTS, SCALED_ACTION_PORT, MODEL)
    watch = MemoryWatch(os.getpid(), include_root=False)  # the servers this process starts
    try:
        servers.start()
        asyncio.run(_level(servers.urls, QUESTIONS, 2, 40))
        levels = [asyncio.run(_level(servers.urls, QUESTIONS, c, MESSAGES_PER_LEVEL)) for c in SCALED_CONCURRENCY]
    finally:
        servers.stop_all()
        peak = watch.stop()
    return peak, levels


def run_baseline(log) -> tuple[float, float, dict]:
    base_url = f"http://localhost:{BASELINE_PORT}"
    command = [RASA, "run", "--port", str(BASELINE_PORT), "--model", str(BASELINE_MODEL)]
    return _serve_and_measure(command, BASELINE_DIR, base_url, BASELINE_MESSAGES, log)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def red_flag_latencies() -> list[float]:
    """Seconds the red-flag detector takes per message, over every message of its sets."""
    from tools.safety_evaluation import evaluate

    return [outcome.milliseconds / 1000 for outcome in evaluate().all_outcomes()]


def report(bot: tuple, baseline: tuple, scaled: tuple, detection: list[float], training: float) -> str:
    from tools.safety_evaluation import LATENCY_P95_MS

    (cold, memory, figures), (base_cold, base_memory, base_figures) = bot, baseline
    detection_p95 = percentile(detection, 0.95)
    scaled_memory, scaled_levels = scaled
    scaled_at = {level.concurrency: level for level in scaled_levels}
    seq, base_seq = figures["sequential"], base_figures["sequential"]
    p95, base_p95 = percentile(seq.latencies, 0.95), percentile(base_seq.latencies, 0.95)
    at = {level.concurrency: level for level in figures["levels"]}
    checks = [
        (
            f"sequential p95 at most {P95_RATIO_TARGET}× plain Rasa's",
            f"{p95 / base_p95:.2f}×",
            p95 / base_p95 <= P95_RATIO_TARGET,
        ),
        (
            f"at least {THROUGHPUT_TARGET:.0f} answered messages/s at {THROUGHPUT_AT} conversations, no errors",
            f"{at[THROUGHPUT_AT].throughput:.1f}/s, {at[THROUGHPUT_AT].errors} errors",
            at[THROUGHPUT_AT].throughput >= THROUGHPUT_TARGET and at[THROUGHPUT_AT].errors == 0,
        ),
        (
            "the same, scaled out: two Rasa servers (production profile)",
            f"{scaled_at[THROUGHPUT_AT].throughput:.1f}/s, {scaled_at[THROUGHPUT_AT].errors} errors",
            scaled_at[THROUGHPUT_AT].throughput >= THROUGHPUT_TARGET and scaled_at[THROUGHPUT_AT].errors == 0,
        ),
        (f"all processes under {MEMORY_TARGET_MB} MB resident", f"{memory:.0f} MB", memory < MEMORY_TARGET_MB),
        (f"first answer within {COLD_START_TARGET_S} s of `make run`", f"{cold:.1f} s", cold <= COLD_START_TARGET_S),
        (
            f"red-flag detection at most {LATENCY_P95_MS:g} ms per message at p95",
            f"{_ms(detection_p95)} ms",
            detection_p95 * 1000 <= LATENCY_P95_MS,
        ),
        (
            f"training from scratch (`rasa train`, nothing cached) under {TRAINING_TARGET_S / 60:.0f} minutes",
            f"{training:.0f} s",
            training < TRAINING_TARGET_S,
        ),
    ]
    lines = [
        "# Benchmark: the acne-scar assistant against plain Rasa",
        "",
        f"Written by `make bench` on {time.strftime('%Y-%m-%d %H:%M')} ({os.cpu_count()} CPU cores, "
        f"Python {sys.version.split()[0]}). Both servers run Rasa {_rasa_version()} and are driven through the "
        "REST channel by an asyncio client (aiohttp) on the same machine, one after the other. The baseline is "
        "Rasa's own sample bot (`rasa init`'s project: default pipeline and policies, static responses, no action "
        "server). The assistant is started with `make run` (model already trained): the action server, the Rasa "
        "server with the project's spaCy pipeline, the SQLite knowledge and tracker stores.",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
        *[f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in checks],
        "",
        "A Rasa server handles its messages in one process, on one core: one server's throughput is bounded by "
        "Rasa's own work per message (language understanding, policies, reading and writing the tracker), which "
        "plain Rasa's column shows on this machine. More throughput comes from more servers (the production "
        "profile below), which share the two cores here with the action server, PostgreSQL, Redis and the load "
        "generator.",
        "",
        f"## Sequential latency ({SEQUENTIAL_TURNS} turns in conversations of {TURNS}, one request at a time, ms)",
        "",
        "| | p50 | p95 | max |",
        "| --- | --- | --- | --- |",
        f"| assistant | {_ms(statistics.median(seq.latencies))} | {_ms(p95)} | {_ms(max(seq.latencies))} |",
        f"| plain Rasa | {_ms(statistics.median(base_seq.latencies))} | {_ms(base_p95)} | {_ms(max(base_seq.latencies))} |",
        f"| ratio | {statistics.median(seq.latencies) / statistics.median(base_seq.latencies):.2f}× | {p95 / base_p95:.2f}× | |",
        "",
        f"## Throughput ({MESSAGES_PER_LEVEL} messages per level from that many patients at once, each sending "
        f"{TURNS}-turn conversations one message at a time)",
        "",
        "| conversations | assistant msg/s | p50 ms | p95 ms | errors | plain Rasa msg/s | p50 ms | p95 ms | errors | throughput ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for mine, theirs in zip(figures["levels"], base_figures["levels"], strict=True):
        lines.append(
            f"| {mine.concurrency} | {mine.throughput:.1f} | {_ms(statistics.median(mine.latencies))} | "
            f"{_ms(percentile(mine.latencies, 0.95))} | {mine.errors} | {theirs.throughput:.1f} | "
            f"{_ms(statistics.median(theirs.latencies))} | {_ms(percentile(theirs.latencies, 0.95))} | {theirs.errors} | "
            f"{mine.throughput / theirs.throughput:.2f}× |"
        )
    lines += [
        "",
        "## Scaled out: the production profile with two Rasa servers",
        "",
        "One action server and two Rasa servers sharing PostgreSQL (tracker and knowledge stores) and Redis "
        "(locks), as in `tests/production/`; each turn of a conversation goes to the other server.",
        "",
        "| conversations | msg/s | p50 ms | p95 ms | errors |",
        "| --- | --- | --- | --- | --- |",
        *[
            f"| {level.concurrency} | {level.throughput:.1f} | {_ms(statistics.median(level.latencies))} | "
            f"{_ms(percentile(level.latencies, 0.95))} | {level.errors} |"
            for level in scaled_levels
        ],
        "",
        f"Peak resident memory of the three processes together: {scaled_memory:.0f} MB (PostgreSQL and Redis not counted).",
        "",
        "## Memory and cold start",
        "",
        "| | peak resident memory, all processes | cold start to first answer |",
        "| --- | --- | --- |",
        f"| assistant (`make run`: make, action server, Rasa) | {memory:.0f} MB | {cold:.1f} s |",
        f"| plain Rasa (`rasa run`) | {base_memory:.0f} MB | {base_cold:.1f} s |",
        "",
        "## Red-flag detection",
        "",
        f"The detector (bot/safety/) runs on every message before anything else. Timed in process over the "
        f"{len(detection)} messages of its sets (held-out, development and the other test sets' questions): "
        f"p50 {_ms(statistics.median(detection))} ms, p95 {_ms(detection_p95)} ms, max {_ms(max(detection))} ms. "
        "Its time is part of the assistant's latencies above.",
        "",
    ]
    return "\n".join(lines)


def _rasa_version() -> str:
    import rasa

    return rasa.__version__


def main() -> int:
    (RESULTS_DIR / "bench").mkdir(parents=True, exist_ok=True)
    print("Training the plain Rasa baseline (rasa init's sample bot), if not done yet...", flush=True)
    train_baseline()
    with open(RESULTS_DIR / "bench" / "assistant.log", "w") as log:
        print("Benchmarking the assistant (make run)...", flush=True)
        bot = run_assistant(log)
    with open(RESULTS_DIR / "bench" / "baseline.log", "w") as log:
        print("Benchmarking plain Rasa...", flush=True)
        baseline = run_baseline(log)
    print("Benchmarking two Rasa servers on PostgreSQL and Redis (logs in results/bench/scaled-out/)...", flush=True)
    scaled = run_scaled_out()
    print("Timing the red-flag detector...", flush=True)
    detection = red_flag_latencies()
    print("Training the assistant from scratch...", flush=True)
    text = report(bot, baseline, scaled, detection, train_from_scratch())
    (RESULTS_DIR / "bench.md").write_text(text, encoding="utf-8")
    print(text)
    return 0
