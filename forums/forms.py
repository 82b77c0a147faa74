from django import forms
from django.utils.translation import gettext_lazy as _

from forums import conf
from forums.enums import EmailMode


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


BODY_HELP = _(
    "Markdown: **bold**, *italic*, [a link](https://…), lists with -, quotes with >. "
    "Type @ and a name to mention someone who can read this forum."
)


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), help_text=BODY_HELP,
        widget=forms.Textarea(attrs={"rows": 10, "data-mentions": "on", "class": "forum-editor"}),
    )
    attachments = AttachmentsField(
        label=_("Attachments"), required=False,
        help_text=_("PDF, office documents, images or text; checked by their content."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if len(body) > conf.max_post_length():
            raise forms.ValidationError(
                _("Your message is too long (at most %(max)d characters)."), params={"max": conf.max_post_length()}
            )
        return body

    def clean_attachments(self):
        from forums.attachments import validate

        files = self.cleaned_data.get("attachments") or []
        if len(files) > conf.max_attachments():
            raise forms.ValidationError(
                _("At most %(max)d attachments per message."), params={"max": conf.max_attachments()}
            )
        for upload in files:
            validate(upload)
        return files


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    is_question = forms.BooleanField(
        label=_("This is a question"), required=False,
        help_text=_("You or a trainer will mark the answer that solved it."),
    )
    field_order = ["title", "is_question", "body", "attachments"]


class EditForm(forms.Form):
    body = PostForm.base_fields["body"]
    version = forms.IntegerField(widget=forms.HiddenInput)

    clean_body = PostForm.clean_body


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class MoveForm(forms.Form):
    forum = forms.ModelChoiceField(label=_("Move to"), queryset=None, empty_label=None)

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = queryset


class SettingsForm(forms.Form):
    email_mode = forms.ChoiceField(label=_("E-mails about the forums"), choices=EmailMode.choices,
                                   widget=forms.RadioSelect)
