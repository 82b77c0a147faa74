"""The data migration that lets the existing trainers' group translate library documents, as documents.signals
grants a new one."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission

from documents.signals import TRAINER_PERMISSIONS
from people.enums import Role
from people.services.roles import role_group

pytestmark = pytest.mark.django_db
migration = importlib.import_module("documents.migrations.0002_trainers_translate_documents")


def _granted(group):
    return set(group.permissions.filter(content_type__app_label="documents").values_list("codename", flat=True))


def test_the_trainers_group_made_before_is_granted_and_the_grant_undone_backwards(people):
    trainers = role_group(Role.TRAINER)
    assert _granted(trainers) == set(TRAINER_PERMISSIONS)  # a group made now: by the signal
    trainers.permissions.remove(*Permission.objects.filter(content_type__app_label="documents"))
    assert not people["trainer_bretagne"].has_perm("documents.change_librarydocument")

    migration.grant_trainers(apps, None)
    assert _granted(trainers) == set(TRAINER_PERMISSIONS)
    assert set(migration.TRAINER_PERMISSIONS) == set(TRAINER_PERMISSIONS)
    # Coordinators and partners are given nothing.
    for role in (Role.COORDINATOR, Role.PARTNER):
        assert _granted(role_group(role)) == set()

    migration.revoke_trainers(apps, None)
    assert _granted(trainers) == set()
