from django.db import migrations

TRAINER_PERMISSIONS = {"add_librarydocument": "Can add library document",
                       "change_librarydocument": "Can change library document"}


def grant_trainers(apps, schema_editor):
    """The trainers' role group, where it exists already, gets what documents.signals grants a new one: the model
    permissions wagtail-localize needs to translate a document (documents.viewsets narrows them to the trainer's
    regions). On a new installation the group does not exist yet and is granted when it is made."""
    GroupKey = apps.get_model("people", "GroupKey")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    key = GroupKey.objects.filter(key="role:trainer").select_related("group").first()
    if key is None:
        return
    content_type, _created = ContentType.objects.get_or_create(app_label="documents", model="librarydocument")
    for codename, name in TRAINER_PERMISSIONS.items():
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        key.group.permissions.add(permission)


def revoke_trainers(apps, schema_editor):
    GroupKey = apps.get_model("people", "GroupKey")
    Permission = apps.get_model("auth", "Permission")
    key = GroupKey.objects.filter(key="role:trainer").select_related("group").first()
    if key is not None:
        key.group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="documents", codename__in=list(TRAINER_PERMISSIONS)
        ))


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        ("people", "0006_account_lifecycle"),
    ]

    operations = [migrations.RunPython(grant_trainers, revoke_trainers)]
