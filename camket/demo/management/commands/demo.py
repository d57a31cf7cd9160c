from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from camket.demo.data import FRAMEWORK
from camket.demo.guard import NotADemoDatabase
from camket.demo.loader import load_demo
from camket.frameworks.models import Framework
from camket.tagging import runs
from camket.tagging.tagger import newest_version


class Command(BaseCommand):
    help = "Load demo agencies, users and recommendations (and the UPR Info export if present)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-upr-info",
            action="store_true",
            help="do not import the UPR Info export from ../shared/data",
        )

    def handle(self, *args, skip_upr_info, **options):
        call_command("migrate", interactive=False, verbosity=0)
        try:
            with transaction.atomic():
                users = load_demo(today=date.today())
        except NotADemoDatabase as error:
            raise CommandError(str(error)) from None
        shared = Path(settings.BASE_DIR).parent.parent / "shared" / "data" / "upr-info"
        if not skip_upr_info and shared.is_dir():
            for path in sorted(shared.glob("*.csv")):
                self.stdout.write(f"Importing {path.name} …")
                call_command("import", str(path), publish=True, json=True, stdout=self.stdout)
        self.tag_demo_framework()
        self.stdout.write(self.style.SUCCESS("Demo ready. Sign in with:"))
        for username, password, role in users:
            self.stdout.write(f"  {username:<16} {password:<18} {role}")

    def tag_demo_framework(self) -> None:
        """Train the tagging model on the imported labels (once) and suggest tags."""
        if newest_version() is None:
            self.stdout.write(
                "Training the tagging model on the imported recommendations (a minute or two) …"
            )
            try:
                self.stdout.write(runs.retrain_from_database())
            except runs.TooFewLabels as error:
                self.stdout.write(f"No tag suggestions in the demo: {error}")
                return
        framework = Framework.objects.get(slug=FRAMEWORK["slug"])
        self.stdout.write(runs.suggest_for(framework))
