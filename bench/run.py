"""`make bench`: build a bench database (demo + generated volume), serve it with gunicorn as in production, load
each page with wrk and print what a request costs the server, next to a bare Django view (the floor).

Two phases, each on a fresh gunicorn (2 sync workers): pages rendered every time (page cache off), then anonymous
pages through the page cache. Queries and HTML size are measured in-process with Django's test client.

Add a row to ROWS; add data to bench/generate.py."""

import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.bench"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(settings.BENCH_DIR)
DURATION = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = 2
FLOOR_URL = "/bench/floor/"
LOGGED_IN_EMAIL = "coordinator.bretagne@example.org"


def content_page_url():
    from cms.models import ContentPage

    page = ContentPage.objects.live().filter(locale__language_code="fr").exclude(slug__startswith="bench-")
    page = page.order_by("path").first() or ContentPage.objects.live().order_by("path").first()
    return page.url


def bench_topic_url():
    from forums.models import Topic

    return Topic.objects.get(title="Banc d’essai : un sujet de 1 000 messages").get_absolute_url()


def bench_reply_url():
    from django.urls import reverse
    from django.utils import translation

    from bench.generate import REPLY_TOPIC
    from forums.models import Topic

    with translation.override("fr"):
        return reverse("forums:reply", kwargs={"pk": Topic.objects.get(title=REPLY_TOPIC).pk})


@dataclass
class Row:
    name: str
    url: object  # a path, or a function returning one once the data exists
    page: bool = True  # a Wagtail page: anonymous visitors get it from the page cache
    members_only: bool = False  # anonymous visitors are sent to the login page: measured logged in only
    # "POST": each request posts the row's form (post_form) with the logged-in user's CSRF token, a text of its own
    # each time (bench/report.lua); a redirect is the expected answer. Measured logged in only, never cached.
    method: str = "GET"
    login_as: str = LOGGED_IN_EMAIL  # the account of the "logged in" measure (a trainer for trainers' pages)

    def path(self):
        return self.url() if callable(self.url) else self.url


ROWS = [
    Row("home FR", "/fr/"),
    Row("home EN", "/en/"),
    Row("content page", content_page_url),
    Row("region index", "/fr/regions/"),
    Row("region page", "/fr/regions/bretagne/"),
    Row("login", "/fr/accounts/login/", page=False),
    # Forums (targets: forum index < 10 ms, logged-in topic page < 15 ms, posting a reply < 30 ms server CPU per
    # request, the e-mails excepted: they are queued, and no worker runs during the bench).
    Row("forum index", "/fr/forums/", page=False, members_only=True),
    Row("forum (500 topics)", "/fr/forums/bretagne/", page=False, members_only=True),
    Row("topic, first page (1,000 posts)", lambda: bench_topic_url(), page=False, members_only=True),
    Row("topic, last page (1,000 posts)", lambda: bench_topic_url() + "?page=last", page=False, members_only=True),
    # --- seminars (target: seminar page < 10 ms server CPU; the agenda and COPIL report PDFs < 1 s, measured
    # in-process by seminars/tests/test_speed.py: under wrk a PDF of 40 sessions outlasts its 2 s timeout) ---
    Row("seminar (40 sessions, 50 materials)", "/fr/regions/bretagne/banc-essai-seminaire/"),
    # --- documents: the library and the technical sheets (targets: under 10 ms server CPU per request) ---------
    Row("library (526 documents)", "/fr/library/", page=False),
    Row("library, filtered and sorted", "/fr/library/?theme=quality&sort=recent&page=2", page=False),
    Row("library document", "/fr/library/1/", page=False),
    Row("technical sheet index", "/fr/ressources/fiches-techniques/"),
    Row("technical sheet", "/fr/ressources/fiches-techniques/animer-une-reunion/"),
    # --- documents (end) ---------------------------------------------------------------------------------------
    # --- search (bench/generate.py `search_index`; the large corpus is bench/search.py) ---
    Row("search results (equipe)", "/fr/search/?q=equipe", page=False),
    Row("search results, 2 facets", "/fr/search/?q=equipe&kind=post&year=2026", page=False),
    Row("search suggestions", "/fr/search/suggest/?q=equi", page=False),
    # --- end search ---
]

# --- e-learning (learning/): targets lesson < 10 ms, dashboard 200 x 10 < 100 ms, certificate PDF < 0.5 s -------
def bench_lesson_url():
    from learning.models import LessonPage

    return LessonPage.objects.live().filter(locale__language_code="fr", slug="banc-lecon-15").first().url


def bench_certificate_url():
    from learning.models import Certificate

    return f"/fr/learning/certificates/{Certificate.objects.get(user__email=LOGGED_IN_EMAIL).pk}/"


ROWS += [
    Row("lesson (module of 30 lessons)", lambda: bench_lesson_url(), members_only=True),
    Row("module catalogue", "/fr/ressources/modules/", members_only=True),
    Row("e-learning dashboard (200 x 10)", "/fr/learning/dashboard/", page=False, members_only=True,
        login_as="trainer.bench@example.org"),
    Row("certificate PDF", lambda: bench_certificate_url(), page=False, members_only=True),
]
# --- end of e-learning rows ----------------------------------------------------------------------------------------

# Last: it adds posts (to a topic of its own, which three members follow).
ROWS.append(Row("post a reply", bench_reply_url, page=False, members_only=True, method="POST"))


def say(message):
    print(message, flush=True)


# --- the bench database -------------------------------------------------------------------------------------------

def build_database():
    from bench.generate import generate

    db = settings.DATABASES["default"]
    shutil.rmtree(BENCH_DIR / "cache", ignore_errors=True)
    if db["ENGINE"].endswith("sqlite3"):
        Path(db["NAME"]).unlink(missing_ok=True)
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    else:
        _recreate_postgres(db)
    say(f"Building the bench database ({connection.vendor} {db['NAME']})")
    t = time.monotonic()
    call_command("migrate", interactive=False, verbosity=0)
    say("  setup_site")
    call_command("setup_site", verbosity=0)
    say("  load_demo")
    call_command("load_demo", verbosity=0)
    generate(progress=say)
    call_command("collectstatic", interactive=False, verbosity=0)
    connection.close()
    say(f"  ready in {time.monotonic() - t:.0f} s")


def _recreate_postgres(db):
    import psycopg

    params = {k: v for k, v in {"host": db["HOST"], "port": db["PORT"], "user": db["USER"],
                                "password": db["PASSWORD"]}.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
        conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


# --- in-process: queries and size ---------------------------------------------------------------------------------

def logged_in_client(email=LOGGED_IN_EMAIL):
    from people.models import User

    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


def measure_in_process(path, client, cached, method="GET"):
    """Queries and bytes of one request, after a first one that fills the navigation (and page) cache. A POST row
    posts twice, two different texts, and expects a redirect each time."""
    middleware = settings.MIDDLEWARE if cached else [
        m for m in settings.MIDDLEWARE if m != "cms.page_cache.PageCacheMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        client = Client(HTTP_HOST="127.0.0.1") if client is None else _copy(client)
        if method == "POST":
            send = lambda: client.post(path, {"body": f"Réponse mesurée en cours de processus n° {time.time_ns()}"})  # noqa: E731
            expected = 302
        else:
            send, expected = (lambda: client.get(path)), 200
        first = send()
        if first.status_code != expected:
            raise SystemExit(f"{path} answered {first.status_code}: fix the row before measuring it")
        with CaptureQueriesContext(connection) as queries:
            response = send()
    return len(queries), len(response.content), response.get("X-Page-Cache", "")


def csrf_for(client, path):
    """(token, cookie) for posting the form at `path` as the client's user: the masked token of the page's form
    and the CSRF cookie that goes with it, as a browser would send them."""
    client = _copy(client)
    response = client.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    if response.status_code != 200 or not token:
        raise SystemExit(f"{path} answered {response.status_code} without a form to post")
    return token.group(1), f"{settings.CSRF_COOKIE_NAME}={client.cookies[settings.CSRF_COOKIE_NAME].value}"


def _copy(client):
    fresh = Client(HTTP_HOST="127.0.0.1")
    fresh.cookies = client.cookies
    return fresh


# --- gunicorn and wrk ---------------------------------------------------------------------------------------------

class Server:
    def __init__(self, page_cache):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = {**os.environ, "BENCH_PAGE_CACHE": "1" if page_cache else "0"}
        self.log = open(BENCH_DIR / "gunicorn.log", "a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--workers", "2", "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", "--error-logfile", "-", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=self.log, stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(self.url(FLOOR_URL), timeout=2).read()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"gunicorn did not start: see {BENCH_DIR / 'gunicorn.log'}")
                time.sleep(0.2)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def cpu_ticks(self):
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def wrk(server, path, cookie, seconds, post_token=None):
    cmd = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", str(ROOT / "bench" / "report.lua")]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    cmd.append(server.url(path))
    if post_token:  # bench/report.lua's arguments: each run numbers its texts apart from the other runs'
        cmd += ["POST", post_token, str(time.time_ns())]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    match = re.search(r"^BENCH (.*)$", out, re.MULTILINE)
    return {k: int(v) for k, v in (pair.split("=") for pair in match.group(1).split())}


def load(server, path, cookie, post_token=None):
    wrk(server, path, cookie, 1, post_token)  # warm both workers: imports, templates, caches
    workers = server.workers()
    before = server.cpu_ticks()
    stats = wrk(server, path, cookie, DURATION, post_token)
    after = server.cpu_ticks()
    if server.workers() != workers:
        raise SystemExit("a gunicorn worker restarted during the run: see the gunicorn log")
    if stats["status_errors"] or stats["socket_errors"]:
        raise SystemExit(f"{path}: {stats['status_errors']} non-2xx/3xx answers, {stats['socket_errors']} errors")
    requests = stats["requests"]
    cpu_ms = (after - before) * 1000 / os.sysconf("SC_CLK_TCK") / requests
    return {
        "requests_per_s": round(requests / (stats["duration_us"] / 1e6), 1),
        "p50_ms": round(stats["p50_us"] / 1000, 2),
        "p99_ms": round(stats["p99_us"] / 1000, 2),
        "cpu_ms_per_request": round(cpu_ms, 3),
        "requests": requests,
    }


# --- the run ------------------------------------------------------------------------------------------------------

def machine():
    model = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    import wagtail

    return {
        "cpu": model.group(1) if model else platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": connection.vendor,
        "commit": commit.stdout.strip(),
        "platform": platform.platform(),
    }


def run():
    build_database()
    clients = {}
    for email in {row.login_as for row in ROWS}:
        client = logged_in_client(email)
        clients[email] = (client, f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}")
    rows = [(row, row.path()) for row in ROWS]
    results = []
    for cached in (False, True):
        phase = "page cache" if cached else "rendered"
        say(f"\nPhase: {phase} — gunicorn, 2 sync workers, wrk {CONNECTIONS} connections × {DURATION} s per row")
        server = Server(page_cache=cached)
        try:
            floor = load(server, FLOOR_URL, None)
            say(f"  floor                        {floor['cpu_ms_per_request']:.3f} ms CPU/request")
            phase_rows = [{"page": "floor", "who": "anonymous", "cache": cached, "path": FLOOR_URL, **floor,
                           "queries": 0, "html_bytes": 0, "x_floor": 1.0}]
            for row, path in rows:
                user_client, cookie = clients[row.login_as]
                for who, client, header in (("anonymous", None, None), ("logged in", user_client, cookie)):
                    if cached and (who != "anonymous" or not row.page):
                        continue  # the page cache serves anonymous visitors of Wagtail pages only
                    if (row.members_only or row.method == "POST") and who == "anonymous":
                        continue
                    token = None
                    if row.method == "POST":
                        token, csrf_cookie = csrf_for(client, path)
                        header = f"{cookie}; {csrf_cookie}"
                    queries, size, cache_state = measure_in_process(path, client, cached, row.method)
                    if cached and cache_state != "hit":
                        raise SystemExit(f"{path} was not served from the page cache (X-Page-Cache: {cache_state!r})")
                    stats = load(server, path, header, token)
                    ratio = stats["cpu_ms_per_request"] / floor["cpu_ms_per_request"]
                    phase_rows.append({"page": row.name, "who": who, "cache": cached, "path": path, **stats,
                                       "queries": queries, "html_bytes": size, "x_floor": round(ratio, 2)})
                    say(f"  {row.name:<13} {who:<10} {stats['cpu_ms_per_request']:7.3f} ms CPU/request "
                        f"({ratio:.1f}× floor), {queries} queries")
            results += phase_rows
        finally:
            server.stop()
    report = {
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "duration_s": DURATION,
        "connections": CONNECTIONS,
        "rows": results,
    }
    print_table(report)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    (ROOT / "bench" / "results.json").write_text(text)
    stamp = report["timestamp"].replace(":", "").replace("+0000", "Z")
    (ROOT / "bench" / f"results-{connection.vendor}-{stamp}.json").write_text(text)
    say(f"\nWritten: bench/results.json (and a dated copy beside it) — {report['machine']['cpu']}, "
        f"{report['machine']['database']}, commit {report['machine']['commit']}")


def print_table(report):
    head = f"{'page':<13} {'who':<10} {'cache':<6} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>7} " \
           f"{'×floor':>7} {'SQL':>4} {'KB':>6}"
    say("\n" + head + "\n" + "-" * len(head))
    for r in report["rows"]:
        say(f"{r['page']:<13} {r['who']:<10} {'on' if r['cache'] else 'off':<6} {r['requests_per_s']:>7.0f} "
            f"{r['p50_ms']:>7.2f} {r['p99_ms']:>7.2f} {r['cpu_ms_per_request']:>7.2f} {r['x_floor']:>7.1f} "
            f"{r['queries']:>4} {r['html_bytes'] / 1024:>6.1f}")


if __name__ == "__main__":
    run()
