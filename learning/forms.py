"""The admin form of an interactive package (SCORM or H5P): the zip is checked (learning.packages.inspect) while the form is
validated, so a refused package shows its reason next to the field and nothing is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from learning import packages


class InteractivePackageForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=_("SCORM package (zip) or H5P content (.h5p)"), required=False,
        help_text=_("A SCORM 1.2 or SCORM 2004 zip with its imsmanifest.xml at the root, or an .h5p file with its "
                    "libraries. Leave empty to keep the current package."),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            if not self.instance.pk:
                raise forms.ValidationError(_("Choose the package's zip file."))
            return None
        try:
            self.package_info = packages.inspect(upload)
        except packages.PackageError as error:
            raise forms.ValidationError(str(error))
        return upload

    def save(self, commit=True):
        from learning import services

        upload = self.cleaned_data.get("upload")
        if upload:
            services.store_package(self.instance, upload, self.package_info, user=getattr(self, "for_user", None))
        return super().save(commit=commit)
