"""Admin screens of the people import: upload → preview (writes nothing) → confirm → the import's page, where the
worker's progress and outcome show. The work is in people.services.people_import; who may use it is in
people.permissions."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from people import permissions
from people.models import PeopleImport
from people.services import people_import

# How many of the imports a person may see the upload page lists, newest first.
RECENT_IMPORTS = 5


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("UTF-8, comma or semicolon separated, at most 1 MB and 5,000 people."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > people_import.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Split it into several files."))
        try:
            self.text, self.parsed = people_import.read_upload(upload.read())
        except people_import.ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


def _check(request):
    if not permissions.user_can_import_people(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
def upload(request):
    _check(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        plan = people_import.plan_import(request.user, form.parsed)
        name = form.cleaned_data["file"].name
        token = people_import.sign_upload(request.user, form.text, name)
        return TemplateResponse(
            request, "people/admin/people_import_preview.html", {"plan": plan, "token": token, "file_name": name}
        )
    recent = PeopleImport.objects.visible_to(request.user).select_related("importer")[:RECENT_IMPORTS]
    return TemplateResponse(request, "people/admin/people_import_upload.html", {"form": form, "recent": recent})


@require_POST
def confirm(request):
    _check(request)
    try:
        text, name = people_import.unsign_upload(request.user, request.POST.get("token"))
        people_import.parse(text)
    except people_import.ImportFileError as error:
        context = {"form": UploadForm(), "error": str(error)}
        return TemplateResponse(request, "people/admin/people_import_upload.html", context, status=400)
    job = people_import.queue_import(request.user, text, name)
    return redirect("people_import_job", pk=job.pk)


@require_GET
def job(request, pk):
    # The same refusal whether the import is someone else's or does not exist: ids tell nothing.
    job = PeopleImport.objects.select_related("importer").filter(pk=pk).first()
    if job is None or not permissions.user_can_view_people_import(request.user, job):
        raise PermissionDenied
    return TemplateResponse(request, "people/admin/people_import_done.html", {"job": job, "summary": job.summary})


@require_GET
def example(request):
    _check(request)
    response = HttpResponse(
        "\ufeff" + people_import.example_csv(request.user), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="%s"' % _("people-example.csv")
    return response
