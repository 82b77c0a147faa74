from django.core.management.base import BaseCommand

from cms.services.site_setup import setup_site


class Command(BaseCommand):
    help = "Create the site's structure (home, regions, legal pages, their English translations, role groups)."

    def handle(self, *args, **options):
        home = setup_site()
        self.stdout.write(self.style.SUCCESS(f"Site ready: {home.title} and its sections."))
