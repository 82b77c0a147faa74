"""The site under test: its own database (a temporary SQLite file, or `<name>_browser` beside the PostgreSQL database
that DATABASE_URL names), built with migrate, setup_site and load_demo, then served by gunicorn with DEBUG off on
a free loopback port, in a process of its own."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "cms.settings.browser"
BUILD = (
    "import django; django.setup(); from django.core.management import call_command; "
    "call_command('migrate', interactive=False, verbosity=0); call_command('setup_site'); call_command('load_demo')"
)


class SiteError(RuntimeError):
    pass


def _die_with_parent():
    """Run in the child before exec: a killed test run must not leave its server or build behind (Linux)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresDatabase:
    """A database of the suite's own on the server that DATABASE_URL points to, dropped afterwards."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.name = f"{parts.path.lstrip('/') or 'pacte'}_browser"
        self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        self._admin_url = urlunsplit(parts._replace(path="/postgres"))

    def _run(self, *statements):
        import psycopg
        from psycopg import sql

        with psycopg.connect(self._admin_url, autocommit=True) as conn:
            for statement in statements:
                conn.execute(sql.SQL(statement).format(sql.Identifier(self.name)))

    def create(self):
        self._run("DROP DATABASE IF EXISTS {} WITH (FORCE)", "CREATE DATABASE {}")

    def drop(self):
        self._run("DROP DATABASE IF EXISTS {} WITH (FORCE)")


class SqliteDatabase:
    def __init__(self, directory):
        self.url = f"sqlite:///{directory / 'browser.sqlite3'}"

    def create(self):
        pass

    def drop(self):
        pass  # Removed with the suite's directory.


class LiveSite:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="pacte-browser-"))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mail_dir = self.dir / "mail"
        self.log_path = self.dir / "server.log"
        database_url = os.environ.get("DATABASE_URL", "")
        self.database = PostgresDatabase(database_url) if database_url.startswith("postgres") else SqliteDatabase(self.dir)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "DATABASE_URL": self.database.url,
            "PACTE_BROWSER_PUBLIC": str(self.dir / "public"),
            "PACTE_BROWSER_MAIL": str(self.mail_dir),
            "BASE_URL": self.url,
            "PYTHONUNBUFFERED": "1",
        }
        self._build = None
        self._process = None

    def build(self):
        """Create and fill the database in the background: the unit tests run meanwhile."""
        if self._build is None:
            self.database.create()
            with (self.dir / "build.log").open("w") as log:
                self._build = subprocess.Popen(
                    [sys.executable, "-c", BUILD], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                    preexec_fn=_die_with_parent,
                )
        return self

    def start(self, timeout=60):
        if self._process is not None:
            return self
        if self.build()._build.wait(timeout=600) != 0:
            output = (self.dir / "build.log").read_text(errors="replace")[-6000:]
            raise SiteError(f"Building the browser suite's database (migrate, setup_site, load_demo) failed:\n{output}")
        log = self.log_path.open("w")
        self._process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "cms.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}",
                # One process, so the locmem cache is the one that page publication invalidates.
                "--workers", "1", "--threads", "4", "--timeout", "60", "--graceful-timeout", "2",
            ],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise SiteError(f"The site's server stopped at start-up:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        raise SiteError(f"The site did not answer {self.url}/healthz within {timeout} s:\n{self.log()}")

    def log(self, tail=4000):
        return self.log_path.read_text(errors="replace")[-tail:] if self.log_path.exists() else ""

    def stop(self):
        if self._build is not None and self._build.poll() is None:
            self._build.kill()
            self._build.wait()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        if self.dir.exists():
            try:
                self.database.drop()
            finally:
                shutil.rmtree(self.dir, ignore_errors=True)

    def emails(self):
        """The messages the site sent, oldest first, as raw text."""
        if not self.mail_dir.exists():
            return []
        return [path.read_text() for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)]


class ReusedSite:
    """A site already served by `python tests/browser/server.py` (see PACTE_BROWSER_URL in conftest.py)."""

    def __init__(self, url):
        self.url = url

    def emails(self):
        raise NotImplementedError("Emails are only readable from a site that the suite started itself.")


if __name__ == "__main__":
    import signal

    # Stop cleanly (server, database, files) on Ctrl-C and on kill, even when started in the background.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    live = LiveSite()
    try:
        live.start()
        print(f"PACTE_BROWSER_URL={live.url}  (Ctrl-C stops it)", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        live.stop()
