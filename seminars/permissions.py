"""Who may see and do what with seminars, built on people.permissions. Each rule is a predicate on one object
and a Q for querysets (`*_q`); seminars/tests/test_permissions.py checks that they agree for every role.

- A seminar page is public; its **cohort** is its region's members (coordinators, trainers, partners) and the
  national team; a national seminar's cohort is every regional trainer and the national team.
- **Materials**: what the library lets the person read, and only public documents outside the cohort.
- **Managing** a seminar (registrations, attendance, assignments, the report): its region's trainers and the
  national team; a national seminar, the national team.
- **Assignments** are read by the cohort; coordinators of the cohort hand in work.
- **Submissions** (and their files and reviews): their author, the trainers of the seminar's region, the national
  team. Trainers and the national team review.
- **Follow-up journal**: the trainers of the coordinator's regions and the national team; never the coordinator.
- **COPIL report**: the region's trainers and partners, the national team.
- **Diploma record**: the coordinator themself, the trainers of their regions, the national team.
"""

from django.db.models import Q

from people import permissions as people
from people.enums import Role

NOTHING = Q(pk__in=[])
EVERYTHING = Q(pk__isnull=False)


def _auth(user):
    return people._authenticated(user)


# Seminars ---------------------------------------------------------------------------------------------------------
def cohort_q(user, prefix=""):
    """Seminars whose cohort includes `user`, as a Q on SeminarPage (or through `prefix`, e.g. "seminar__")."""
    if not _auth(user):
        return NOTHING
    if people.is_national(user):
        return EVERYTHING
    where = Q(**{f"{prefix}region_id__in": people.member_region_ids(user)})
    if people.has_role(user, Role.TRAINER):
        where |= Q(**{f"{prefix}region__isnull": True})
    return where


def user_is_in_cohort(user, seminar) -> bool:
    if not _auth(user):
        return False
    if people.is_national(user):
        return True
    if seminar.region_id is None:
        return people.has_role(user, Role.TRAINER)
    return seminar.region_id in people.member_region_ids(user)


def manage_q(user, prefix=""):
    if people.is_national(user):
        return EVERYTHING
    regions = people.trainer_region_ids(user)
    return Q(**{f"{prefix}region_id__in": regions}) if regions else NOTHING


def user_can_manage_seminar(user, seminar) -> bool:
    """Registrations, attendance, assignments and the report of a seminar."""
    if people.is_national(user):
        return True
    return seminar.region_id is not None and seminar.region_id in people.trainer_region_ids(user)


def user_can_view_materials(user, seminar) -> bool:
    """Restricted materials are for the cohort; public ones for everyone (still filtered by the library)."""
    return user_is_in_cohort(user, seminar)


def user_can_download_material(user, seminar, document) -> bool:
    from documents.enums import Access
    from documents.permissions import user_can_download_document

    if not user_can_download_document(user, document):
        return False
    return document.access == Access.PUBLIC or user_is_in_cohort(user, seminar)


def downloadable_materials(user, seminar, documents):
    """Those of the seminar's `documents` that `user` may download: user_can_download_material for each, with the
    cohort worked out once (the seminar page filters its cached list of materials with it, query-free)."""
    from documents.enums import Access
    from documents.permissions import user_can_download_document

    in_cohort = user_is_in_cohort(user, seminar)
    # The library's rule reads a document's access and region only: asked once per pair, not once per document.
    allowed = {}

    def may(doc):
        key = (doc.access, doc.region_id)
        if key not in allowed:
            allowed[key] = (in_cohort or doc.access == Access.PUBLIC) and user_can_download_document(user, doc)
        return allowed[key]

    return [doc for doc in documents if may(doc)]


def materials_visible_to(user, seminar, document_ids):
    """The seminar's documents among `document_ids` that `user` may download."""
    from documents.enums import Access
    from documents.models import LibraryDocument

    documents = LibraryDocument.objects.visible_to(user).filter(pk__in=list(document_ids))
    if not user_is_in_cohort(user, seminar):
        documents = documents.filter(access=Access.PUBLIC)
    return documents


# Registrations and attendance ---------------------------------------------------------------------------------------
def registration_q(user):
    if not _auth(user):
        return NOTHING
    return Q(person_id=user.pk) | manage_q(user, "seminar__")


def user_can_view_registration(user, registration) -> bool:
    return _auth(user) and (registration.person_id == user.pk or user_can_manage_seminar(user, registration.seminar))


def attendance_q(user):
    return registration_q(user)


def user_can_view_attendance_record(user, record) -> bool:
    return _auth(user) and (record.person_id == user.pk or user_can_manage_seminar(user, record.seminar))


def user_can_record_attendance(user, seminar) -> bool:
    return user_can_manage_seminar(user, seminar)


# Assignments and submissions ----------------------------------------------------------------------------------------
def assignment_q(user):
    return cohort_q(user, "seminar__")


def user_can_view_assignment(user, assignment) -> bool:
    return user_is_in_cohort(user, assignment.seminar)


def user_can_create_assignment(user, seminar) -> bool:
    return user_can_manage_seminar(user, seminar)


def assignment_change_q(user):
    """Assignments `user` may edit and delete: those of the seminars they manage."""
    if not _auth(user):
        return NOTHING
    return manage_q(user, "seminar__")


def user_can_change_assignment(user, assignment) -> bool:
    """Edit an assignment, or delete it while no work was handed in: the trainers who manage its seminar."""
    return _auth(user) and user_can_manage_seminar(user, assignment.seminar)


def user_can_delete_assignment(user, assignment) -> bool:
    return user_can_change_assignment(user, assignment)


def user_can_submit(user, assignment) -> bool:
    """Hand in work: a coordinator of the seminar's cohort."""
    return people.has_role(user, Role.COORDINATOR) and user_is_in_cohort(user, assignment.seminar)


def submission_q(user):
    if not _auth(user):
        return NOTHING
    return Q(author_id=user.pk) | manage_q(user, "assignment__seminar__")


def user_can_view_submission(user, submission) -> bool:
    if not _auth(user):
        return False
    return submission.author_id == user.pk or user_can_manage_seminar(user, submission.assignment.seminar)


def user_can_revise_submission(user, submission) -> bool:
    """Its author, until it is accepted (a review asking for changes opens it again)."""
    from seminars.enums import SubmissionStatus

    return (_auth(user) and submission.author_id == user.pk and submission.status != SubmissionStatus.ACCEPTED
            and user_can_submit(user, submission.assignment))


def user_can_review_submission(user, submission) -> bool:
    return _auth(user) and submission.author_id != user.pk and user_can_manage_seminar(
        user, submission.assignment.seminar)


# The coordinators' follow-up -----------------------------------------------------------------------------------------
def _coordinators_followed_q(user, prefix=""):
    """Coordinators whom `user` follows, as a Q on User (or through `prefix`)."""
    from people.models import User

    if people.is_national(user):
        return Q(**{f"{prefix}role": Role.COORDINATOR})
    regions = people.trainer_region_ids(user)
    if not regions:
        return NOTHING
    followed = User.regions.through.objects.filter(region_id__in=regions).values("user_id")
    return Q(**{f"{prefix}role": Role.COORDINATOR, f"{prefix}pk__in": followed})


def user_follows_coordinator(user, person) -> bool:
    if person.role != Role.COORDINATOR:
        return False
    if people.is_national(user):
        return True
    return bool({region.pk for region in person.regions.all()} & people.trainer_region_ids(user))


def journal_q(user):
    return _coordinators_followed_q(user, "coordinator__")


def user_can_view_journal(user, coordinator) -> bool:
    return user_follows_coordinator(user, coordinator)


def user_can_view_journal_entry(user, entry) -> bool:
    return user_follows_coordinator(user, entry.coordinator)


def diploma_q(user):
    """The people whose diploma record `user` may read, as a Q on User."""
    if not _auth(user):
        return NOTHING
    own = Q(pk=user.pk, role=Role.COORDINATOR)
    return own | _coordinators_followed_q(user)


def user_can_view_diploma_record(user, person) -> bool:
    if not _auth(user) or person.role != Role.COORDINATOR:
        return False
    return person.pk == user.pk or user_follows_coordinator(user, person)


# COPIL reports -------------------------------------------------------------------------------------------------------
def report_q(user, prefix="seminar__"):
    if people.is_national(user):
        return EVERYTHING
    regions = people.trainer_region_ids(user) | people.partner_region_ids(user)
    return Q(**{f"{prefix}region_id__in": regions}) if regions else NOTHING


def user_can_view_report(user, seminar) -> bool:
    if people.is_national(user):
        return True
    regions = people.trainer_region_ids(user) | people.partner_region_ids(user)
    return seminar.region_id is not None and seminar.region_id in regions


def user_can_edit_report(user, seminar) -> bool:
    return user_can_manage_seminar(user, seminar)


# Calendars -----------------------------------------------------------------------------------------------------------
def user_can_have_calendar(user) -> bool:
    return _auth(user)
