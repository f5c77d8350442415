import io
from pathlib import Path

from django.core.management import call_command

FIXTURES = Path(__file__).parent / "fixtures"
WXR = FIXTURES / "site.wxr"
UPLOADS = FIXTURES / "uploads"
OLD = "https://ancien.petr-exemple.fr"


def import_wordpress(*args, **options):
    out = io.StringIO()
    call_command("import_wordpress", *args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def import_fixture(tmp_path, *args):
    return import_wordpress(
        "--wxr", str(WXR), "--uploads", str(UPLOADS), "--csv", str(tmp_path / "adresses.csv"),
        "--no-input", *args,
    )  # fmt: skip
