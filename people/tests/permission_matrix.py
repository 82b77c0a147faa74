"""The people app's rows of the URL x role matrix (tests/security/matrix.py explains the columns)."""

from tests.security.matrix import ADMIN_REFUSED, LOGIN, OK, row, url

# fmt: off
ROWS = [
    #   URL                                          region  anonymous coordinator partner  trainer  national
    row(url("accounts:login"),                        None,   OK),
    row(url("accounts:logout"),                       None,   405),  # POST only
    row(url("accounts:profile"),                      None,   LOGIN,    OK,        OK,      OK,      OK),
    row(url("accounts:password_change"),              None,   LOGIN,    OK,        OK,      OK,      OK),
    row(url("accounts:password_change_done"),         None,   LOGIN,    OK,        OK,      OK,      OK),
    row(url("accounts:password_reset"),               None,   OK),
    row(url("accounts:password_reset_done"),          None,   OK),
    row(url("accounts:password_reset_confirm", uidb64="x", token="y"), None, OK),  # "this link is invalid"
    row(url("accounts:password_reset_complete"),      None,   OK),
    row(url("accounts:accept_invitation", token="never-issued"), None, 404),
    # The people screens of the Wagtail admin
    row(url("people_import"),                         None,   LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row(url("people_import_example"),                 None,   LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/users/new/",                          None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),  # trainers invite by CSV import
    row("/admin/users/",                              None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),  # by name, in French order
    row("/admin/users/results/",                      None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
    row(url("people_import_confirm"),                 None,   LOGIN,    LOGIN,     LOGIN,   405,     405),  # POST only
    # An import's page: its importer (here the Bretagne trainer) and the national team, nobody else
    row("/admin/people/import/{own_import}/",         None,   LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/people/import/{other_import}/",       None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
    row("/admin/people/import/999999/",               None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, ADMIN_REFUSED),  # none
    # The Django admin: the national team only (is_staff)
    row("/django-admin/people/user/",                 None,   LOGIN,    LOGIN,     LOGIN,   LOGIN,   OK),
]
# fmt: on


def placeholders(people):
    """Two finished imports: one by the Bretagne trainer (the matrix's trainer), one by the Normandie trainer."""
    from people.enums import ImportStatus
    from people.models import PeopleImport

    def made_by(importer):
        return PeopleImport.objects.create(
            importer=importer, file_name="people.csv", language="fr", status=ImportStatus.DONE
        ).pk

    return {"own_import": made_by(people["trainer_bretagne"]), "other_import": made_by(people["trainer_normandie"])}
