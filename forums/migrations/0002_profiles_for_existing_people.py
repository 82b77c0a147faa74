from django.db import migrations
from django.utils.text import slugify


def forward(apps, schema_editor):
    User = apps.get_model("people", "User")
    ForumProfile = apps.get_model("forums", "ForumProfile")
    taken = set(ForumProfile.objects.values_list("handle", flat=True))
    for user in User.objects.filter(forum_profile__isnull=True).order_by("pk"):
        base = slugify(f"{user.first_name} {user.last_name}")[:70] or slugify(user.email.split("@")[0])[:70] or "membre"
        handle, n = base, 1
        while handle in taken:
            n += 1
            handle = f"{base}-{n}"
        taken.add(handle)
        ForumProfile.objects.create(user=user, handle=handle)


class Migration(migrations.Migration):
    dependencies = [("forums", "0001_initial"), ("people", "0002_regions")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
