"""The people app's background work, run by the django-tasks worker (`manage.py db_worker`). Arguments are ids and
addresses (JSON); each task reads the database again and leaves the work to a service. The services queue these
tasks, so the tasks import them when they run."""

from django_tasks import task


@task
def send_invitation(invitation_id: int):
    from people.services import invitations

    invitations.send_invitation_email(invitation_id)


@task
def send_password_reset(email: str):
    from people.services import accounts

    accounts.send_password_reset(email)


@task
def run_people_import(job_id: int):
    from people.services import people_import

    people_import.run_import(job_id)
