"""The processes of a load test: each a child of the run, its configuration in var/loadtest/.

PostgreSQL gets a cluster of its own (initdb into var/loadtest/postgres, its own port), so that
restarting it under load touches nobody else's database; Redis, the app instances (gunicorn with
deploy/gunicorn.conf.py), the task worker and nginx (with deploy/nginx/samenspel-proxy.conf) run
as they would under systemd, only started from here.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DATABASE = "samenspel_load"
# A fixed Fernet key for the residents' data in signals (production settings require one); the
# load test's database is thrown away, so the key protects nothing real.
LOADTEST_SIGNAL_KEY = "bG9hZHRlc3QtbG9hZHRlc3QtbG9hZHRlc3QtbG9hZHQ="
# Debian's libnginx-mod-http-brotli-filter (deploy/nginx/samenspel-proxy.conf compresses with it).
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"


@dataclass(frozen=True)
class Ports:
    postgres: int = 55432
    redis: int = 56379
    smtp: int = 52525
    proxy: int = 58080
    apps: tuple[int, ...] = (58001, 58002)


@dataclass
class Child:
    """One process with its own log file; stopped gently unless told otherwise."""

    name: str
    command: list[str]
    log: Path
    env: dict[str, str] = field(default_factory=dict)
    supervised: bool = False  # started again when it exits by itself, as systemd's Restart=
    process: subprocess.Popen[bytes] | None = None
    wanted: bool = False
    restarts: int = 0

    def start(self) -> None:
        self.wanted = True
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own commands
                self.command, stdout=log, stderr=log, env={**os.environ, **self.env}
            )

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> None:
        self.wanted = False
        if not self.running:
            return
        assert self.process is not None
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def as_postgres() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its programs as the postgres user."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def postgres_program(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit("PostgreSQL's server programs are missing (apt-get install postgresql).")
    return found[-1]


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll `check` until it is true; the seconds it took. Gives up with a clear message."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise SystemExit(f"Load test: {what} did not come up within {timeout:.0f} s")
        time.sleep(0.1)
    return time.monotonic() - started


def http_ok(url: str, host: str = "localhost") -> bool:
    request = urllib.request.Request(url, headers={"Host": host})  # noqa: S310 - local URL
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


class Topology:
    def __init__(self, root: Path, ports: Ports) -> None:
        self.root = root
        self.ports = ports
        self.var = root / "var" / "loadtest"
        self.children: dict[str, Child] = {}
        self.supervising = threading.Event()

    def supervise(self, pause: float = 2) -> None:
        """Start a supervised child again when it exits by itself (systemd's Restart=always)."""
        self.supervising.set()
        while self.supervising.is_set():
            for child in list(self.children.values()):
                if child.supervised and child.wanted and not child.running:
                    time.sleep(pause)
                    child.restarts += 1
                    child.start()
            time.sleep(0.2)

    # -- configuration ----------------------------------------------------------------------
    def app_env(self) -> dict[str, str]:
        """The environment of every Samenspel process: production settings, local services."""
        return {
            "SAMENSPEL_ENV": "production",
            "SAMENSPEL_SECRET_KEY": "loadtest-" + "x" * 50,
            "SAMENSPEL_SIGNAL_KEYS": LOADTEST_SIGNAL_KEY,
            "SAMENSPEL_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SAMENSPEL_SITE_URL": "https://samenspel.example.nl",
            "SAMENSPEL_SSL_REDIRECT": "false",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.ports.postgres}/{DATABASE}",
            "SAMENSPEL_CACHE_URL": f"redis://127.0.0.1:{self.ports.redis}/0",
            "SAMENSPEL_EMAIL_URL": f"smtp://127.0.0.1:{self.ports.smtp}",
            "SAMENSPEL_DEMO_PASSWORD": "loadtest-demo-password",
            "SAMENSPEL_WORKERS": "2",
            "PYTHONPATH": str(self.root / "src"),
        }

    def nginx_conf(self) -> str:
        nginx = self.var / "nginx"
        servers = "\n".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;"
            for port in self.ports.apps
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        return f"""{user}worker_processes 1;
pid {nginx}/nginx.pid;
error_log {nginx}/error.log warn;
load_module {BROTLI_MODULE};
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {nginx}/body;
    proxy_temp_path {nginx}/proxy;
    upstream samenspel {{
{servers}
    }}
    proxy_cache_path {nginx}/cache levels=1:2 keys_zone=samenspel:10m max_size=200m
                     inactive=10m use_temp_path=off;
    server {{
        listen 127.0.0.1:{self.ports.proxy};
        server_name localhost;
        set $samenspel_var {self.root / "var"};
        include {self.root / "deploy" / "nginx" / "samenspel-proxy.conf"};
    }}
}}
"""

    # -- processes --------------------------------------------------------------------------
    def add(
        self,
        name: str,
        command: list[str],
        env: dict[str, str] | None = None,
        supervised: bool = False,
    ) -> Child:
        child = Child(name, command, self.var / f"{name}.log", env or {}, supervised)
        self.children[name] = child
        child.start()
        return child

    def samenspel(self, *arguments: str) -> None:
        """A management command with the load test's environment; stops the run if it fails."""
        command = [str(self.root / ".venv" / "bin" / "samenspel"), *arguments]
        with (self.var / "setup.log").open("ab") as log:
            subprocess.run(  # noqa: S603 - our own command
                command, check=True, stdout=log, stderr=log, env={**os.environ, **self.app_env()}
            )

    def prepare(self) -> None:
        shutil.rmtree(self.var, ignore_errors=True)
        for directory in ["nginx/body", "nginx/proxy", "nginx/cache"]:
            (self.var / directory).mkdir(parents=True)
        (self.var / "nginx.conf").write_text(self.nginx_conf())
        data = self.var / "postgres"
        data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(data, "postgres", "postgres")
        subprocess.run(  # noqa: S603 - PostgreSQL's own initdb
            [
                *as_postgres(),
                postgres_program("initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start_postgres(self) -> float:
        data = self.var / "postgres"
        self.add(
            "postgres",
            [
                *as_postgres(),
                postgres_program("postgres"),
                "-D",
                str(data),
                "-p",
                str(self.ports.postgres),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                f"unix_socket_directories={data}",
                "-c",
                "max_connections=200",
            ],
        )
        return wait_until(self.postgres_ready, 30, "PostgreSQL")

    def stop_postgres(self) -> None:
        """Fast shutdown: open connections are cut, nothing committed is lost."""
        data = str(self.var / "postgres")
        subprocess.run(  # noqa: S603 - PostgreSQL's own pg_ctl
            [*as_postgres(), postgres_program("pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        self.children["postgres"].stop()

    def postgres_ready(self) -> bool:
        ready = subprocess.run(  # noqa: S603 - PostgreSQL's own pg_isready
            [postgres_program("pg_isready"), "-h", "127.0.0.1", "-p", str(self.ports.postgres)],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        return ready.returncode == 0

    def create_database(self) -> None:
        subprocess.run(  # noqa: S603
            [
                postgres_program("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(self.ports.postgres),
                "-U",
                "postgres",
                DATABASE,
            ],
            check=True,
        )

    def start_redis(self) -> None:
        self.add(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.ports.redis),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.var),
            ],
        )

    def start_app(self, port: int) -> None:
        config = str(self.root / "deploy" / "gunicorn.conf.py")
        self.add(
            f"app-{port}",
            [str(self.root / ".venv" / "bin" / "gunicorn"), "-c", config],
            {**self.app_env(), "SAMENSPEL_BIND": f"127.0.0.1:{port}"},
        )
        wait_until(lambda: http_ok(f"http://127.0.0.1:{port}/readyz"), 60, f"app on {port}")

    def start_worker(self) -> None:
        samenspel = str(self.root / ".venv" / "bin" / "samenspel")
        command = [samenspel, "db_worker", "--queue-name", "default"]
        self.add("worker", command, self.app_env(), supervised=True)

    def start_proxy(self) -> None:
        nginx = self.var / "nginx"
        self.add(
            "nginx",
            ["nginx", "-c", str(self.var / "nginx.conf"), "-p", str(nginx), "-g", "daemon off;"],
        )
        url = f"http://127.0.0.1:{self.ports.proxy}/healthz"
        wait_until(lambda: http_ok(url), 20, "nginx")

    def stop_all(self) -> None:
        self.supervising.clear()
        for child in reversed(list(self.children.values())):
            if child.name == "postgres":
                self.stop_postgres()
            child.stop()
