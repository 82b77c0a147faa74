from django.core.management.base import BaseCommand, CommandError

from cms import conf
from cms.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo people and content (development only; refused when PACTE_DEMO_ENABLED is off)."

    def handle(self, *args, **options):
        if not conf.demo_enabled():
            raise CommandError("Demo content is disabled by these settings (PACTE_DEMO_ENABLED is False).")
        accounts = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content ready. Demo accounts (password: %s):" % conf.demo_password()))
        for email, first, last, role, region, *_ in accounts:
            self.stdout.write(f"  {email:<36} {role.label} {('– ' + region) if region else ''}")
