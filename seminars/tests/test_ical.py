"""Calendars parse back with icalendar: a seminar's days in Paris time, a person's feed with their seminars and
due dates; a revoked or replaced token stops working."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from seminars import ical, services
from seminars.tests import factories

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def _events(data):
    calendar = Calendar.from_ical(data)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_a_seminar_ics_has_one_event_per_day_in_paris_time(people):
    seminar = factories.seminar(start=datetime.date(2020, 3, 26), days=3, sessions_per_day=3)
    calendar, events = _events(ical.seminar_ics(seminar, "https://pacte.example.org/s/"))
    assert [e.decoded("dtstart") for e in events] == [
        datetime.datetime(2020, 3, d, 9, 0, tzinfo=PARIS) for d in (26, 27, 28)]
    assert events[0].decoded("dtend") == datetime.datetime(2020, 3, 26, 11, 45, tzinfo=PARIS)
    assert str(events[0]["dtstart"].params["TZID"]) == "Europe/Paris"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(events[0]["summary"]) == seminar.title and "Rennes" in str(events[0]["location"])
    assert len({str(e["uid"]) for e in events}) == 3


def test_the_personal_feed_holds_my_seminars_and_due_dates(client, people):
    coordinator = people["coordinator_bretagne"]
    mine = factories.seminar("bretagne", days=2)
    factories.seminar("bretagne", days=2)  # not registered
    factories.register(mine, coordinator)
    work = factories.assignment(mine, title="Diagnostic")
    token = services.new_calendar_token(coordinator)
    response = client.get(f"/fr/seminars/calendar/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"
    _, events = _events(response.content)
    assert sorted(str(e["uid"]) for e in events) == sorted(
        [f"seminar-{mine.pk}-{d.isoformat()}@pacte" for d in mine.days()] + [f"assignment-{work.pk}@pacte"])
    due = next(e for e in events if str(e["uid"]).startswith("assignment"))
    assert due.decoded("dtstart") == work.due_at.astimezone(PARIS).replace(microsecond=0) and "Diagnostic" in str(due["summary"])
    # A new address replaces the old one; revoking ends it
    new = services.new_calendar_token(coordinator)
    assert client.get(f"/fr/seminars/calendar/{token}.ics").status_code == 404
    assert client.get(f"/fr/seminars/calendar/{new}.ics").status_code == 200
    services.revoke_calendar_token(coordinator)
    assert client.get(f"/fr/seminars/calendar/{new}.ics").status_code == 404


def test_a_closed_account_s_feed_stops(client, people):
    coordinator = people["coordinator_bretagne"]
    token = services.new_calendar_token(coordinator)
    coordinator.is_active = False
    coordinator.save()
    assert client.get(f"/fr/seminars/calendar/{token}.ics").status_code == 404


def test_calendar_settings_page_shows_the_address_once(client, people):
    client.force_login(people["coordinator_bretagne"])
    assert "Make my calendar address" in client.get("/en/seminars/calendar/").content.decode()
    response = client.post("/en/seminars/calendar/", {"action": "new"})
    body = response.content.decode()
    assert "/en/seminars/calendar/" in body and ".ics" in body
    assert ".ics" not in client.get("/en/seminars/calendar/").content.decode()
    client.post("/en/seminars/calendar/", {"action": "revoke"})
    assert not hasattr(people["coordinator_bretagne"].__class__.objects.get(pk=people["coordinator_bretagne"].pk),
                       "calendar_token")
