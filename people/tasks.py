"""The people app's background work, run by the django-tasks worker (`manage.py db_worker`). Arguments are ids and
addresses (JSON); each task reads the database again and leaves the work to a service."""

from django_tasks import task

from people.services import accounts, invitations


@task
def send_invitation(invitation_id: int):
    invitations.send_invitation_email(invitation_id)


@task
def send_password_reset(email: str):
    accounts.send_password_reset(email)
