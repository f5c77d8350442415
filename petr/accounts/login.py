"""The admin's login form: Wagtail's, with its password field named in French (Wagtail gives it
no label, so Django shows the field's name, « Password »)."""

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Mot de passe"
