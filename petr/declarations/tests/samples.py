"""Sample content the site-wide checks publish: the declaration page, a declaration, and the
addresses of its receipt and of a check of it."""

from django.http import QueryDict

from petr.declarations.forms import DeclarationForm
from petr.declarations.tests.helpers import declaration_page, fields


def publish():
    page = declaration_page()
    data = QueryDict(mutable=True)
    for name, value in fields().items():
        data.setlist(name, value if isinstance(value, list) else [value])
    form = DeclarationForm(data, actions=page.actions(), client="127.0.0.1")
    assert form.is_valid(), form.errors
    declaration, _ = form.save_declaration()
    return [
        f"{page.url}accuse/{declaration.receipt_token}/",
        f"{page.url}verifier/?numero={declaration.number}&empreinte={declaration.digest}",
        f"{page.url}verifier/?numero=DI-2000-0001&empreinte=0",
    ]
