"""iCalendar files (RFC 5545) built with the icalendar library: one per seminar, and each person's private feed
of their seminars and assignment due dates. Times are in Europe/Paris with its VTIMEZONE."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from seminars import conf
from seminars import permissions as rules
from seminars.models import Assignment, SeminarPage

DOMAIN = "pacte"


def _calendar(name):
    cal = Calendar()
    cal.add("prodid", "-//PACTE//seminars//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", conf.time_zone())
    return cal


def _location(seminar):
    return ", ".join(part for part in [seminar.venue, " ".join(seminar.address.split())] if part)


def seminar_events(seminar, url):
    """One event per day: from the first session to the last one in Paris time, or the whole day when the agenda
    says nothing about that day."""
    zone = ZoneInfo(conf.time_zone())
    by_date = {day["date"]: day["sessions"] for day in seminar.programme()}
    now = timezone.now()
    events = []
    for day in seminar.days():
        event = Event()
        event.add("uid", f"seminar-{seminar.pk}-{day.isoformat()}@{DOMAIN}")
        event.add("dtstamp", now)
        event.add("summary", seminar.title)
        sessions = by_date.get(day)
        if sessions:
            event.add("dtstart", datetime.datetime.combine(day, min(s["start"] for s in sessions), tzinfo=zone))
            event.add("dtend", datetime.datetime.combine(day, max(s["end"] for s in sessions), tzinfo=zone))
        else:
            event.add("dtstart", day)
            event.add("dtend", day + datetime.timedelta(days=1))
        if _location(seminar):
            event.add("location", _location(seminar))
        if url:
            event.add("url", url)
            event.add("description", url)
        events.append(event)
    return events


def assignment_event(assignment, url):
    zone = ZoneInfo(conf.time_zone())
    due = assignment.due_at.astimezone(zone)
    event = Event()
    event.add("uid", f"assignment-{assignment.pk}@{DOMAIN}")
    event.add("dtstamp", timezone.now())
    event.add("summary", _("Due: %(title)s") % {"title": assignment.title})
    event.add("dtstart", due)
    event.add("dtend", due)
    event.add("url", url)
    event.add("description", url)
    return event


def seminar_ics(seminar, url) -> bytes:
    cal = _calendar(seminar.title)
    for event in seminar_events(seminar, url):
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()


def seminars_of(person):
    """The live seminars a person's feed shows: those they are registered to, and those they run."""
    where = Q(registrations__person=person) | rules.manage_q(person)
    return (SeminarPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).filter(where)
            .distinct().order_by("start_date"))


def person_ics(person, absolute) -> bytes:
    """`absolute(path)` makes the links absolute."""
    cal = _calendar(_("PACTE – my seminars"))
    seminars = list(seminars_of(person))
    for seminar in seminars:
        for event in seminar_events(seminar, absolute(seminar.url or "")):
            cal.add_component(event)
    assignments = Assignment.objects.visible_to(person).filter(seminar__in=[s.pk for s in seminars])
    for assignment in assignments:
        cal.add_component(assignment_event(assignment, absolute(assignment.get_absolute_url())))
    cal.add_missing_timezones()
    return cal.to_ical()
