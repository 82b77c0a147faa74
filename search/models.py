"""One table of search entries for every kind of content: what the database backend searches (Elasticsearch keeps
the same entries in its index). Each entry carries the fields its readers are chosen by (search.permissions)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from search.enums import Access


class SearchEntry(models.Model):
    # "page:12", "document:3", "topic:8", "post:55": the content this entry stands for.
    source = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=80, db_index=True)
    title = models.CharField(max_length=300)
    # Accent-folded lower-case title, for suggestions.
    title_folded = models.CharField(max_length=300)
    # Titles that only label the entry (a post shows its topic's title) are not searched as titles.
    title_searched = models.BooleanField(default=True)
    body = models.TextField(blank=True)
    language = models.CharField(max_length=2, db_index=True)
    region = models.ForeignKey("people.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    theme = models.CharField(max_length=60, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    url = models.CharField(max_length=500)
    access = models.CharField(max_length=20, choices=Access.choices)
    # False when the regional partners may not read it (forums not opened to partners).
    partners = models.BooleanField(default=True)
    # For Access.GROUPS: "|3|7|", the ids of the groups that may read it (Wagtail's group view restrictions).
    groups = models.CharField(max_length=200, blank=True)
    # PostgreSQL only: weighted title (A) and body (B) in the configuration of the entry's language.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "search entry"
        verbose_name_plural = "search entries"
        indexes = [models.Index(fields=["access", "region"], name="search_entry_access")]

    def __str__(self):
        return self.source
