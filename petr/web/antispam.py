"""Spam and abuse defences for the public forms, without a third party: a honeypot field that
people never see, a signed timestamp (too fast is a robot, too old is an expired form), a form
that serves once, and a limit per e-mail address and per client in an hour."""

import hashlib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import timezone

from petr.web.locks import database_lock

MIN_SECONDS = 3  # a person does not fill a form faster
MAX_AGE = timedelta(days=1)
EXPIRED = "Le formulaire a expiré : vérifiez ce que vous avez saisi et envoyez-le de nouveau."


class GuardedForm(forms.Form):
    """A public form with the defences; a subclass sets `salt` (one per form, so a token of one
    form is worth nothing in another) and calls `check_limits()` from its clean()."""

    salt = "petr.forms"
    too_fast = "Le formulaire a été envoyé trop vite pour avoir été rempli : envoyez-le de nouveau."
    # Invisible to people (hidden by CSS and from assistive technologies); robots fill it.
    website = forms.CharField(label="Ne pas remplir", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, client="", **kwargs):
        super().__init__(*args, **kwargs)
        self.client_hash = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.initial["token"] = self.new_token()

    @classmethod
    def signer(cls):
        return signing.TimestampSigner(salt=cls.salt)

    @classmethod
    def new_token(cls):
        return cls.signer().sign(str(timezone.now().timestamp()))

    def refresh_token(self):
        """After an error, the form goes back with everything typed kept and a fresh token that
        keeps the moment the form was first shown: a person who has been at it since then may
        send the correction at once (it is not a robot's haste)."""
        try:
            shown = self.signer().unsign(self.data.get("token", ""), max_age=MAX_AGE)
        except signing.BadSignature:
            shown = str(timezone.now().timestamp())
        self.data = self.data.copy()
        self.data["token"] = self.signer().sign(shown)

    @property
    def is_robot(self):
        return bool(self.data.get("website"))

    def clean_token(self):
        try:
            started = float(self.signer().unsign(self.cleaned_data["token"], max_age=MAX_AGE))
        except (signing.BadSignature, ValueError) as exc:
            raise forms.ValidationError(EXPIRED) from exc
        elapsed = timezone.now().timestamp() - started
        if elapsed > MAX_AGE.total_seconds():
            raise forms.ValidationError(EXPIRED)
        if elapsed < MIN_SECONDS:
            raise forms.ValidationError(self.too_fast)
        self.token_hash = hashlib.sha256(self.cleaned_data["token"].encode()).hexdigest()
        return self.cleaned_data["token"]

    def check_single_use(self, rows, refusal, /, **same):
        """A form serves once: posted again as it was (a double click), the caller finds what it
        stored (`rows` have a `token_hash`); with other content (`same`, the lookups that must
        match), a form error asks for a freshly displayed form."""
        used = rows.filter(token_hash=getattr(self, "token_hash", None))
        if used.exclude(**same):
            raise forms.ValidationError(refusal)

    def one_at_a_time(self):
        """Validate and store inside one transaction, one submission of this form at a time:
        otherwise simultaneous posts all pass the count before any is stored."""
        return database_lock(self.salt)

    def check_limits(self, recent, email, per_hour, message):
        """`recent`: the model's rows, with `created_at`, `client_hash` and an `email` field;
        a form error when this address or this client sent `per_hour` of them in the hour."""
        hour_ago = timezone.now() - timedelta(hours=1)
        recent = recent.filter(created_at__gte=hour_ago)
        if email and (
            recent.filter(email__iexact=email).count() >= per_hour
            or recent.filter(client_hash=self.client_hash).count() >= per_hour
        ):
            raise forms.ValidationError(message)
