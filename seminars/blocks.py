"""The agenda of a seminar: days, each with its sessions. Titles, descriptions and facilitators are translated by
wagtail-localize like any page text; times, dates and activity types are copied."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from documents.blocks import LibraryDocumentChooserBlock
from seminars.enums import ActivityType


class SessionBlock(blocks.StructBlock):
    start = blocks.TimeBlock(label=_("start"))
    end = blocks.TimeBlock(label=_("end"))
    title = blocks.CharBlock(label=_("title"), max_length=200)
    activity = blocks.ChoiceBlock(choices=ActivityType.choices, label=_("activity type"))
    description = blocks.TextBlock(label=_("description"), required=False)
    facilitator = blocks.CharBlock(label=_("facilitator"), required=False, max_length=200)
    materials = blocks.ListBlock(LibraryDocumentChooserBlock(), label=_("materials used"), required=False,
                                 default=[])

    class Meta:
        icon = "time"
        label = _("session")


class DayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    sessions = blocks.ListBlock(SessionBlock(), label=_("sessions"))

    class Meta:
        icon = "date"
        label = _("day")


class AgendaBlock(blocks.StreamBlock):
    day = DayBlock()


def agenda_data(days):
    """Raw stream data for an agenda (demo, tests, bench) in the format the admin saves: every block and list
    item with an id. wagtail-localize extracts segments only from list items in that format, so plain lists would
    leave the agenda untranslatable. `days`: [(date, [session dicts, "materials" a list of document ids])]."""
    import uuid

    def item(value):
        return {"type": "item", "value": value, "id": str(uuid.uuid4())}

    return [
        {"type": "day", "id": str(uuid.uuid4()), "value": {
            "date": str(date),
            "sessions": [item({**session, "materials": [item(pk) for pk in session.get("materials") or []]})
                         for session in sessions]}}
        for date, sessions in days
    ]
