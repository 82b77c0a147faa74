"""A trainer of one region never reads the title of another region's draft in the admin: not in the page chooser,
the explorer and its search and filters, the reports, the site history, nor any other admin view. The views are
found by walking the URL patterns, so a view added tomorrow is checked too."""

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from cms.models import ContentPage, RegionPage
from cms.services.translation import translate

from .urlwalk import endpoints

pytestmark = pytest.mark.django_db

SECRET = "Brouillon secret Normandie"
UNPUBLISHED = "Ancienne page secrète Normandie"
# As HTML shows them, and as JSON (the chooser's answers) escapes them.
MARKERS = {form: title for title in (SECRET, UNPUBLISHED) for form in (title, json.dumps(title)[1:-1])}
# What each admin URL is also asked with: the search and filters of the explorer, the page search, the chooser,
# the reports and the admin API.
QUERIES = ("", "?q=secret")
LISTINGS = (
    "/admin/pages/search/?q=secret&live=false",
    "/admin/pages/search/?q=Brouillon&content_type=cms.contentpage",
    "/admin/pages/search/results/?q=secret",
    "/admin/pages/{normandie}/?q=secret&search_all=1",
    "/admin/pages/{normandie}/?live=false&locked=true",
    "/admin/pages/{normandie}/results/?q=secret",
    "/admin/pages/usage/cms/contentpage/",
    "/admin/pages/usage/cms/contentpage/results/?q=secret",
    "/admin/choose-page/{normandie}/",
    "/admin/choose-page/{normandie}/?page_type=cms.contentpage",
    "/admin/choose-page/search/?q=secret",
    "/admin/choose-page/search/?q=Brouillon&page_type=cms.contentpage",
    "/admin/choose-page/chosen-multiple/?id={draft}&id={unpublished}",
    "/admin/api/main/pages/?search=secret",
    "/admin/api/main/pages/?child_of={normandie}&for_explorer=1",
    "/admin/api/main/pages/{draft}/",
    "/admin/reports/locked/?live=false",
    "/admin/reports/aging-pages/?live=false",
    "/admin/reports/site-history/?label=secret",
    "/admin/reports/site-history/results/?label=Brouillon",
    "/admin/reports/page-types-usage/?page_locale=fr",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/localize/reports/translations/?source_title=secret",
    "/admin/pages/{draft}/history/",
)
# Views that another change owns, with the reason.
NOT_HERE: dict[str, str] = {}  # routes left out of the walk, with the reason: none


def _draft(parent, title, slug, user):
    page = ContentPage(title=title, slug=slug, owner=user, live=False)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    log(instance=page, action="wagtail.create", user=user)
    return ContentPage.objects.get(pk=page.pk)


@pytest.fixture
def secrets(people):
    """A Normandie draft, never published: waiting in a workflow, locked, translated (a draft in English too); and
    a Normandie page published once, renamed, and now a draft again."""
    normandie = RegionPage.objects.get(region__code="normandie", locale__language_code="fr")
    author = people["trainer_normandie"]
    draft = _draft(normandie, SECRET, "brouillon-secret", author)

    workflow = Workflow.objects.create(name="Relecture")
    task = GroupApprovalTask.objects.create(name="Relecture nationale")
    task.groups.set([Group.objects.create(name="Relecteurs")])  # a task without reviewers approves at once
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=normandie)
    workflow.start(draft, author)
    draft = ContentPage.objects.get(pk=draft.pk)
    draft.locked, draft.locked_by, draft.locked_at = True, author, timezone.now()  # after: submitting unlocks
    draft.save()
    log(instance=draft, action="wagtail.lock", user=author)
    translate(draft, "en", {}, user=author, publish=False)

    unpublished = _draft(normandie, "Page publiée Normandie", "page-publiee", author)
    unpublished.get_latest_revision().publish(user=author)
    unpublished = ContentPage.objects.get(pk=unpublished.pk)
    unpublished.title = unpublished.draft_title = UNPUBLISHED
    unpublished.save_revision(user=author, log_action=True).publish(user=author)
    unpublished.unpublish(user=author, log_action=True)
    return {"normandie": normandie.pk, "draft": draft.pk, "unpublished": unpublished.pk}


def _admin_paths(ids):
    """Every admin URL pattern at its sample path (searched too), and when it takes an id, at the id of the secret
    draft and of its region page; then the listings above with their filters."""
    paths = []
    for endpoint in endpoints():
        if not endpoint.route.startswith("admin/") or endpoint.route in NOT_HERE:
            continue
        if endpoint.route.startswith(("admin/logout/", "admin/login/")):
            continue
        paths += [endpoint.path + query for query in QUERIES]
        if re.search(r"/1(/|$)", endpoint.path):
            paths += [re.sub(r"/1(?=/|$)", f"/{ids[name]}", endpoint.path) for name in ("normandie", "draft")]
    return paths + [path.format(**ids) for path in LISTINGS]


def _leaks(client, paths):
    found = []
    for path in paths:
        response = client.get(path)
        body = response.content.decode("utf-8", errors="replace")
        found += [f"{path} ({response.status_code}): {title}" for form, title in MARKERS.items() if form in body]
    return found


def test_trainer_reads_no_other_region_draft_anywhere_in_the_admin(people, secrets):
    national = Client()
    national.force_login(people["national"])
    # The national team sees them all: the secrets are where the walk looks.
    for path in ("/admin/pages/search/?q=secret", "/admin/reports/locked/", "/admin/reports/workflow/",
                 "/admin/reports/site-history/", "/admin/localize/reports/translations/",
                 "/admin/choose-page/{normandie}/", "/admin/choose-page/search/?q=secret"):
        assert SECRET in national.get(path.format(**secrets)).content.decode(), path
    assert UNPUBLISHED in national.get("/admin/reports/page-types-usage/").content.decode()

    trainer = Client(raise_request_exception=False)
    trainer.force_login(people["trainer_bretagne"])
    leaks = _leaks(trainer, _admin_paths(secrets))
    assert leaks == [], "\n".join(leaks)


def test_normandie_trainer_still_finds_their_draft(people, secrets):
    client = Client()
    client.force_login(people["trainer_normandie"])
    for path in ("/admin/pages/search/?q=secret", "/admin/choose-page/search/?q=secret",
                 "/admin/choose-page/{normandie}/", "/admin/pages/{normandie}/", "/admin/pages/{draft}/",
                 "/admin/reports/locked/", "/admin/reports/workflow/", "/admin/localize/reports/translations/"):
        assert SECRET in client.get(path.format(**secrets)).content.decode(), path


def test_trainer_is_refused_browsing_from_a_hidden_page(people, secrets):
    client = Client()
    client.force_login(people["trainer_bretagne"])
    for path in ("/admin/pages/{draft}/", "/admin/pages/{draft}/move/{normandie}/confirm/",
                 "/admin/pages/{draft}/history/"):
        response = client.get(path.format(**secrets))
        assert (response.status_code, response["Location"]) == (302, "/admin/"), path
    chooser = client.get(f"/admin/choose-page/{secrets['draft']}/", headers={"x-requested-with": "XMLHttpRequest"})
    assert chooser.status_code == 403


def test_reports_keep_what_the_trainer_may_see(people, secrets):
    """Narrowed, not emptied: the Bretagne trainer's draft, edited before the Normandie secrets, is the last edited
    content page they see, and their own lock is in the locked pages."""
    bretagne = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")
    trainer = people["trainer_bretagne"]
    own = _draft(bretagne, "Brouillon Bretagne", "brouillon-bretagne", trainer)
    own.locked, own.locked_by, own.locked_at = True, trainer, timezone.now()
    own.latest_revision_created_at = timezone.now() - timedelta(days=1)
    own.save()
    client = Client()
    client.force_login(trainer)
    for path in ("/admin/reports/page-types-usage/", "/admin/reports/locked/", "/admin/reports/site-history/"):
        assert "Brouillon Bretagne" in client.get(path).content.decode(), path
