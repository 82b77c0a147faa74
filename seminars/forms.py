"""Forms of the seminars app. Uploaded files are checked by the library's one upload checker
(documents.validation.inspect_upload): kind by content, size limit, normalised names."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from seminars import conf
from seminars.enums import HalfDay, ReviewDecision
from seminars.models import CopilReport


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        uploads = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        return [single(upload, initial) for upload in uploads if upload]


def inspect_files(uploads):
    """[(upload, inspected)] or a ValidationError naming the refused file."""
    if not uploads:
        return []
    from documents.validation import inspect_upload

    if len(uploads) > conf.max_submission_files():
        raise ValidationError(_("At most %(count)d files at a time."), params={"count": conf.max_submission_files()})
    checked = []
    for upload in uploads:
        try:
            checked.append((upload, inspect_upload(upload)))
        except ValidationError as error:
            raise ValidationError(_("%(name)s: %(reason)s"),
                                  params={"name": upload.name[:100], "reason": " ".join(error.messages)}) from error
    return checked


class FilesMixin:
    def clean_files(self):
        return inspect_files(self.cleaned_data.get("files") or [])


class AssignmentForm(FilesMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    instructions = forms.CharField(label=_("Instructions"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)
    due_at = forms.DateTimeField(label=_("Due"), help_text=_("Date and time, Paris time."),
                                 widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    files = MultipleFileField(label=_("Files"))


class AssignmentEditForm(AssignmentForm):
    """The assignment's fields, new files, and its current files to remove."""

    def __init__(self, *args, existing_files=(), **kwargs):
        super().__init__(*args, **kwargs)
        existing_files = list(existing_files)
        if existing_files:
            self.fields["remove"] = forms.MultipleChoiceField(
                label=_("Remove files"), required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(str(f.pk), f.name) for f in existing_files])


class SubmissionForm(FilesMixin, forms.Form):
    text = forms.CharField(label=_("Your text"), required=False, widget=forms.Textarea(attrs={"rows": 12}),
                           max_length=conf.max_submission_text())
    files = MultipleFileField(label=_("Files"), help_text=_("PDF, office documents or images."))

    def __init__(self, *args, existing_files=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_files = list(existing_files)
        if self.existing_files:
            self.fields["remove"] = forms.MultipleChoiceField(
                label=_("Remove files"), required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(str(f.pk), f.name) for f in self.existing_files])

    def clean(self):
        cleaned = super().clean()
        kept = len(self.existing_files) - len(cleaned.get("remove") or [])
        if not (cleaned.get("text") or "").strip() and not cleaned.get("files") and kept <= 0 and not self.errors:
            raise ValidationError(_("Write a text or attach a file."))
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comments"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000)


class JournalForm(forms.Form):
    text = forms.CharField(label=_("New note"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000)


class ReportForm(forms.ModelForm):
    class Meta:
        model = CopilReport
        fields = ["themes", "evaluation", "difficulties", "next_steps"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}


class RegistrationForm(forms.Form):
    people = forms.ModelMultipleChoiceField(label=_("Registered people"), queryset=None, required=False,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = queryset
        self.fields["people"].label_from_instance = lambda p: f"{p.get_full_name()} – {p.structure_label}"


class HalfDayForm(forms.Form):
    date = forms.DateField()
    half_day = forms.ChoiceField(choices=HalfDay.choices)


class RegistrationImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("One e-mail address per line, in the first column or a column named “email”; UTF-8, comma or "
                    "semicolon separated."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )

    def clean_file(self):
        from seminars import services

        upload = self.cleaned_data["file"]
        if upload.size > services.IMPORT_MAX_BYTES:
            raise ValidationError(_("The file is larger than %(size)d KB. Split it into several files."),
                                  params={"size": services.IMPORT_MAX_BYTES // 1024})
        try:
            self.rows = services.read_registration_file(upload.read())
        except services.ImportFileError as error:
            raise ValidationError(str(error)) from error
        return upload
