from django.contrib.auth.management import create_permissions
from django.db import migrations

# What learning.signals grants the trainers' role group when it is created; the group of a site set up before the
# interactive packages (0006) has the question banks' permissions only. Frozen here: a migration says what was true
# when it was written.
CODENAMES = ["add_questionbank", "change_questionbank", "delete_questionbank", "add_interactivepackage",
             "change_interactivepackage", "delete_interactivepackage"]


def grant(apps, schema_editor):
    GroupKey = apps.get_model("people", "GroupKey")
    Permission = apps.get_model("auth", "Permission")
    group_keys = list(GroupKey.objects.filter(key="role:trainer").select_related("group"))
    if not group_keys:
        return  # a new site: setup_site creates the group, and learning.signals grants it everything
    # Django creates an app's permissions after `migrate` has run every migration: make the package's now.
    config = apps.get_app_config("learning")
    models_module = getattr(config, "models_module", None)  # a migration state's stub has none
    config.models_module = models_module or True  # create_permissions skips an app without models
    try:
        create_permissions(config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    finally:
        config.models_module = models_module
    permissions = Permission.objects.filter(content_type__app_label="learning", codename__in=CODENAMES)
    for group_key in group_keys:
        group_key.group.permissions.add(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0007_h5p_content"),
        ("people", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
