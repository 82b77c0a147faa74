"""The library's upload and edit form in the Wagtail admin. The file is checked by documents.validation (its errors
shown under the field, in the admin's language); saving goes through documents.services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from documents import permissions, services
from documents.validation import ACCEPTED, inspect_upload
from people import permissions as people
from people.models import Region


class LibraryDocumentForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=_("File"), required=False,
        help_text=_("Accepted: %(kinds)s. On an existing document, a new file replaces the current one.")
        % {"kinds": ACCEPTED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "region" in self.fields and not people.is_national(user):
            self.fields["region"].queryset = Region.objects.filter(pk__in=people.trainer_region_ids(user))
            self.fields["region"].required = True
            self.fields["region"].empty_label = None
        if self.instance.pk is None:
            self.fields["upload"].required = True
            self.fields["upload"].help_text = _("Accepted: %(kinds)s.") % {"kinds": ACCEPTED}

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            inspect_upload(upload)  # raises a ValidationError in the admin's language
        return upload

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region")
        if self.for_user is not None and not permissions.user_can_add_document(self.for_user, region):
            self.add_error("region", ValidationError(_("You may only put documents in your own regions.")))
        if cleaned.get("access") == "region" and region is None:
            self.add_error("access", ValidationError(_("A national document cannot be for its region's members.")))
        return cleaned

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        if self.instance.pk is None:
            return services.insert_document(self.instance, upload=upload, owner=self.for_user)
        return services.update_document(self.instance, upload=upload or None, user=self.for_user)
