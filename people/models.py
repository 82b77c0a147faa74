import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people import permissions
from people.collation import french_order
from people.enums import ImportStatus, RegionCode, Role, StructureType


class RegionQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The regions whose people `user` may manage (see people.permissions)."""
        if permissions.is_national(user):
            return self.all()
        return self.filter(pk__in=permissions.trainer_region_ids(user))


class Region(models.Model):
    """One of the 18 regions; its name is the translated label of its code."""

    code = models.CharField(_("code"), max_length=40, choices=RegionCode.choices, unique=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return RegionCode(self.code).label


class UserQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_region(self, region):
        return self.filter(regions=region)

    def with_role(self, *roles):
        return self.filter(role__in=roles)

    def manageable_by(self, user):
        """People `user` may edit or invite: see people.permissions.user_can_manage_person."""
        if permissions.is_national(user):
            return self.all()
        if not permissions.has_role(user, Role.TRAINER):
            return self.none()
        mine = user.regions.values("pk")
        outside = Region.objects.exclude(pk__in=mine)
        return (
            self.exclude(role=Role.NATIONAL)
            .exclude(is_superuser=True)
            .filter(regions__in=mine)
            .exclude(regions__in=outside)
            .distinct()
        )


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("role", Role.NATIONAL)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person on the platform. The email address is the login."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.COORDINATOR)
    structure_type = models.CharField(_("type of structure"), max_length=10, choices=StructureType.choices, blank=True)
    structure_name = models.CharField(_("name of the structure"), max_length=200, blank=True)
    structure_town = models.CharField(_("town"), max_length=120, blank=True)
    regions = models.ManyToManyField(Region, verbose_name=_("regions"), related_name="members", blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = [french_order("last_name"), french_order("first_name")]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def structure_label(self):
        # The enum's label, not get_structure_type_display(): that one rebuilds every choice's label per call.
        kind = str(StructureType(self.structure_type).label) if self.structure_type else ""
        parts = [kind, self.structure_name, self.structure_town]
        return " – ".join(p for p in parts if p)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())

    def for_token(self, token: str):
        return self.filter(token_hash=hash_token(token))


class Invitation(models.Model):
    """A single-use link that lets an invited person choose a password. Only the token's hash is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("person"))
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("invited by")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    @property
    def is_usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


class PeopleImportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The imports whose page `user` may see: see people.permissions.user_can_view_people_import."""
        if permissions.is_national(user):
            return self.all()
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(importer=user)


class PeopleImport(models.Model):
    """One confirmed CSV import, run by the worker (people.services.people_import.run_import). The checked file
    is kept until it has run; then only the outcome, line by line, remains."""

    importer = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, related_name="people_imports", verbose_name=_("importer")
    )
    file_name = models.CharField(_("file name"), max_length=255)
    # The language of the importer's screens: the outcome's messages are written in it.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    content = models.TextField(_("file content"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    rows = models.JSONField(_("outcome, line by line"), default=list, blank=True)
    created_at = models.DateTimeField(_("confirmed at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = PeopleImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("people import")
        verbose_name_plural = _("people imports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_finished(self):
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)

    @property
    def summary(self):
        return {name: getattr(self, name) for name in ("created", "updated", "unchanged", "skipped")}


class GroupKey(models.Model):
    """The stable key by which the code finds a Wagtail group it manages ("role:trainer", "region:bretagne"):
    the national team may rename a group in the admin without breaking the roles."""

    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="pacte_key", verbose_name=_("group")
    )
    key = models.CharField(_("key"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("group key")
        verbose_name_plural = _("group keys")

    def __str__(self):
        return self.key
