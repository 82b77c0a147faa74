"""What the settings make of the environment where it matters to people: the address that e-mails link to."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LINK = (
    "import django; django.setup();"
    "from django.urls import reverse; from people.mail import absolute_url;"
    "print(absolute_url(reverse('accounts:password_reset')))"
)


def _link_under_dev_settings(**environ):
    env = {k: v for k, v in os.environ.items() if k not in ("BASE_URL", "PORT", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", **environ)
    result = subprocess.run(
        [sys.executable, "-c", LINK], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_in_development_e_mails_link_to_the_port_the_server_runs_on():
    assert _link_under_dev_settings(PORT="8322") == "http://127.0.0.1:8322/fr/accounts/password/reset/"
    assert _link_under_dev_settings() == "http://127.0.0.1:8000/fr/accounts/password/reset/"
    assert _link_under_dev_settings(PORT="8322", BASE_URL="http://pacte.test") == (
        "http://pacte.test/fr/accounts/password/reset/"
    )


def test_make_run_gives_its_port_to_the_server_process():
    """`PORT=8322 make run` serves on 8322 and hands PORT to the process, whose settings build links from it."""
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8322"], cwd=ROOT, capture_output=True, text=True,
        timeout=60, env={**os.environ, "PORT": ""},
    )
    assert result.returncode == 0, result.stderr
    (serve,) = [line for line in result.stdout.splitlines() if "runserver" in line]
    assert re.search(r"(^|\s)PORT=8322\s", serve) and serve.endswith("runserver 127.0.0.1:8322")
