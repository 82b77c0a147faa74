"""Where a page spends its time, on the bench database (`make bench` builds it):

    .venv/bin/python -m bench.profile /fr/regions/bretagne/ [--logged-in] [--requests 40]

Renders the page in-process with the page cache off and prints pyinstrument's call tree."""

import argparse
import os
import time

os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.bench"
os.environ.setdefault("PYINSTRUMENT_IGNORE_OVERHEAD_WARNING", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from pyinstrument import Profiler  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--logged-in", action="store_true")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    from bench.run import LOGGED_IN_EMAIL
    from people.models import User

    middleware = [m for m in settings.MIDDLEWARE if m != "cms.page_cache.PageCacheMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        client = Client(HTTP_HOST="127.0.0.1")
        if args.logged_in:
            client.force_login(User.objects.get(email=LOGGED_IN_EMAIL))
        for _ in range(5):
            client.get(args.path)
        start = time.process_time()
        profiler = Profiler(interval=0.001)
        with profiler:
            for _ in range(args.requests):
                client.get(args.path)
        cpu = (time.process_time() - start) * 1000 / args.requests
    print(profiler.output_text(unicode=True, color=False))
    print(f"{cpu:.1f} ms CPU per request, profiler included")


if __name__ == "__main__":
    main()
