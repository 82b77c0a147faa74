"""The library's rows of the URL x role matrix (tests/security/matrix.py explains the columns).

One document per access level is planted nationally, in Bretagne (OWN) and in Normandie (OTHER): {doc_<place>_<access>}
names its id, {media_<place>_<access>} the address its file would have if its storage were served (a guessed media
URL: 404 for everyone, the national team included, since no URL serves that storage)."""

from tests.security.matrix import ADMIN_REFUSED, LOGIN, OK, OTHER, OWN, row

HIDDEN = 404
PLACES = {"national": None, OWN: OWN, OTHER: OTHER}
ACCESSES = ("public", "members", "region", "trainers")


def placeholders(people) -> dict:
    from documents.tests.factories import bulk_documents, make_document
    from people.models import Region

    template = make_document(title="Planté", access="public")
    values = {}
    for place, code in PLACES.items():
        region = Region.objects.get(code=code) if code else None
        for access in ACCESSES:
            document = template if (place, access) == ("national", "public") else bulk_documents(
                1, template=template, regions=(region,), accesses=(access,))[0]
            values[f"doc_{place}_{access}"] = document.pk
            values[f"media_{place}_{access}"] = template.file.file.url.lstrip("/")
    values["media_under_media_root"] = "media/" + template.file.file.name
    return values


# What each role (coordinator, partner, trainer of Bretagne; national) gets, per place and access.
EXPECTED = {
    ("national", "public"): (OK, OK, OK, OK, OK),
    ("national", "members"): (LOGIN, OK, OK, OK, OK),
    ("national", "region"): (LOGIN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("national", "trainers"): (LOGIN, HIDDEN, HIDDEN, OK, OK),
    (OWN, "public"): (OK, OK, OK, OK, OK),
    (OWN, "members"): (LOGIN, OK, OK, OK, OK),
    (OWN, "region"): (LOGIN, OK, OK, OK, OK),
    (OWN, "trainers"): (LOGIN, HIDDEN, HIDDEN, OK, OK),
    (OTHER, "public"): (OK, OK, OK, OK, OK),
    (OTHER, "members"): (LOGIN, OK, OK, OK, OK),
    (OTHER, "region"): (LOGIN, HIDDEN, HIDDEN, HIDDEN, OK),
    (OTHER, "trainers"): (LOGIN, HIDDEN, HIDDEN, HIDDEN, OK),
}

ROWS = []
for (place, access), expected in EXPECTED.items():
    region = PLACES[place]
    ROWS += [
        row(f"/fr/library/{{doc_{place}_{access}}}/", region, *expected),
        row(f"/fr/library/{{doc_{place}_{access}}}/download/", region, *expected),
        row(f"/en/library/{{doc_{place}_{access}}}/download/", region, *expected),
        row(f"/{{media_{place}_{access}}}", region, HIDDEN),
    ]
ROWS += [
    row("/{media_under_media_root}", None, HIDDEN),
    row("/fr/library/999999/", None, LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    row("/fr/library/999999/download/", None, LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
]

# The admin's chooser offers a trainer what they may use: national documents and their regions' (not another's).
ADMIN = (LOGIN, LOGIN, LOGIN, OK, OK)
ROWS += [
    row("/admin/library_document_chooser/", None, *ADMIN),
    row("/admin/library_document_chooser/results/", None, *ADMIN),
    row("/admin/library_document_chooser/chosen/{doc_national_members}/", None, *ADMIN),
    row("/admin/library_document_chooser/chosen/{doc_bretagne_trainers}/", OWN, *ADMIN),
    row("/admin/library_document_chooser/chosen/{doc_normandie_public}/", OTHER, LOGIN, LOGIN, LOGIN, ADMIN_REFUSED, OK),
]

# The library's admin screens: a trainer changes their regions' documents, not national ones nor another region's.
ROWS += [
    row("/fr/library/", None, OK),
    row("/en/library/?theme=quality&sort=recent&page=2", None, OK),
    row("/admin/library/", None, *ADMIN),
    row("/admin/library/add/", None, *ADMIN),
]
for document, region, trainer in (
    ("{doc_bretagne_members}", OWN, OK),
    ("{doc_normandie_members}", OTHER, ADMIN_REFUSED),
    ("{doc_national_members}", None, ADMIN_REFUSED),
):
    for view in ("edit", "delete", "usage", "history", "history-results"):
        ROWS.append(row(f"/admin/library/{view}/{document}/", region, LOGIN, LOGIN, LOGIN, trainer, OK))
    # wagtail-localize's *Translate* screen, behind cms.translation_admin (which mounts its own view of it).
    ROWS.append(row(f"/admin/localize/submit/snippet/documents/librarydocument/{document}/", region,
                    LOGIN, LOGIN, LOGIN, trainer, OK))
