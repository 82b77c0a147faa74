from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from documents.enums import Kind, Theme
from people.models import Region

NATIONAL = "national"
SORTS = {
    "title": ("title", "pk"),
    "recent": ("-updated_at", "-pk"),
    "review": ("review_date", "title", "pk"),
}


class LibraryFilterForm(forms.Form):
    """The library's filters, read from the query string; anything unknown is ignored rather than refused."""

    q = forms.CharField(label=_("Words in the title"), required=False, max_length=100)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("title", _("Title")), ("recent", _("Most recent")), ("review", _("Review date")),
    ])

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        everything = [("", _("All"))]
        self.fields["theme"].choices = everything + list(Theme.choices)
        self.fields["kind"].choices = everything + list(Kind.choices)
        self.fields["language"].choices = everything + list(settings.LANGUAGES)
        self.fields["region"].choices = everything + [(NATIONAL, _("National"))] + [
            (region.code, region.name) for region in Region.objects.all()
        ]

    def filter(self, documents):
        if not self.is_valid():
            return documents.order_by(*SORTS["title"])
        data = self.cleaned_data
        if data["q"]:
            documents = documents.filter(title__icontains=data["q"])
        if data["theme"]:
            documents = documents.filter(theme=data["theme"])
        if data["kind"]:
            documents = documents.filter(kind=data["kind"])
        if data["language"]:
            documents = documents.filter(language=data["language"])
        if data["region"] == NATIONAL:
            documents = documents.filter(region__isnull=True)
        elif data["region"]:
            documents = documents.filter(region__code=data["region"])
        return documents.order_by(*SORTS.get(data["sort"] or "title"))
