"""The search app's settings."""

# The PostgreSQL text-search configuration created by migration 0001 (unaccent, then french_stem).
POSTGRES_FRENCH_CONFIG = "pacte_french"
