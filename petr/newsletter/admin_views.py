"""The « Envoi » screen of a letter: how many will receive it, a test to oneself, send now or
at a chosen time, then the progress and every failure."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.auth import permission_denied

from petr.core.admin.dates import ERRORS, FrenchInput
from petr.newsletter import emails
from petr.newsletter.models import Delivery, NewsletterPage
from petr.newsletter.sending import config, create_newsletter_mailing, letter_recipients
from petr.web.mail import background_task, deliver


class ScheduleForm(forms.Form):
    send_after = forms.DateTimeField(
        label="Envoyer le",
        required=False,
        widget=FrenchInput("datetime"),
        error_messages={"invalid": ERRORS["datetime"]},
        help_text="Vide : tout de suite.",
    )

    def clean_send_after(self):
        moment = self.cleaned_data["send_after"]
        if moment and moment < timezone.now():
            raise forms.ValidationError("Ce moment est passé : choisissez une date à venir.")
        return moment


def send_view(request, page_id):
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        return permission_denied(request)
    mailing = getattr(page, "mailing", None)
    form = ScheduleForm(request.POST if request.POST.get("action") == "send" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            return _test(request, page)
        if action == "send" and form.is_valid():
            refusal = _refusal(page, mailing)
            if refusal:
                messages.error(request, refusal)
            else:
                moment = form.cleaned_data["send_after"] or timezone.now()
                create_newsletter_mailing(page, request.user, moment)
                messages.success(
                    request,
                    f"Envoi de « {page.title} » "
                    f"{'lancé' if moment <= timezone.now() else 'programmé'}.",
                )
            return redirect("newsletter_send", page.pk)
    recipients = letter_recipients(page).count()
    context = {
        "page": page, "mailing": mailing, "form": form, "recipients": recipients,
        "now": timezone.now(), "rate": int(config("RATE_PER_MINUTE")),
        "refusal": _refusal(page, mailing),
        "counts": mailing.counts() if mailing else None,
        "failures": mailing.deliveries.filter(status=Delivery.Status.FAILED)
        .select_related("subscriber")[:200] if mailing else [],
    }  # fmt: skip
    return TemplateResponse(request, "newsletter/admin/send.html", context)


def _refusal(page, mailing):
    if mailing:
        return "Cette lettre a déjà été envoyée ou programmée : une lettre ne part qu'une fois."
    if not page.live:
        return "Publiez d'abord la lettre : sa page sur le site en est l'archive."
    if page.has_unpublished_changes:
        return "La lettre a des modifications non publiées : publiez-les, ou abandonnez-les."
    return None


def _test(request, page):
    if not request.user.email:
        messages.error(request, "Votre compte n'a pas d'adresse électronique : ajoutez-la à "
                       "votre profil pour recevoir un essai.")  # fmt: skip
    else:
        send_test.enqueue(page.pk, request.user.email)
        messages.success(request, f"Un essai part vers {request.user.email}.")
    return redirect("newsletter_send", page.pk)


@background_task
def send_test(page_id, address):
    page = NewsletterPage.objects.filter(pk=page_id).first()
    if page is not None:
        html, text = emails.render(
            "newsletter/email/letter.html", emails.letter_context(page, emails.KEY)
        )
        deliver(emails.message(f"[Essai] {page.title}", html, text, address, emails.KEY))
