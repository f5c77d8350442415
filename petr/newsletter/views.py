"""The footer's shortcut to the sign-up form, and the pages a subscriber's links open:
confirm (a button, so that mail scanners opening links confirm nothing), change topics, leave
(also in one click from the mail client, RFC 8058)."""

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from petr.newsletter.footer import subscription_url
from petr.newsletter.forms import PreferencesForm
from petr.newsletter.models import Subscriber, SubscriptionPage
from petr.newsletter.subscription import subscriber_from_token
from petr.web.shared_lookups import public

HEADINGS = {
    "link_problem": "Ce lien ne fonctionne plus",
    "confirm": "Confirmer votre abonnement",
    "confirmed": "Abonnement confirmé",
    "manage": "Votre abonnement",
    "unsubscribe": "Vous désabonner",
    "unsubscribed": "Désabonnement",
}


@csrf_exempt  # changes nothing: it only opens the sign-up form with the address typed in
@require_http_methods(["GET", "POST"])
def start(request):
    """The footer's form: the sign-up page, its address field filled in."""
    page = public(SubscriptionPage.objects.live()).first()
    if page is None:
        raise Http404
    if request.method == "GET":
        return redirect(page.get_url(request))
    return page.form_response(request, prefill=request.POST.get("email", ""))


def _page(request, template, status=200, **context):
    context.update(heading=HEADINGS[template], subscription_url=subscription_url())
    response = TemplateResponse(request, f"newsletter/{template}.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriber_from_token(token)
    except signing.SignatureExpired:
        return _page(request, "link_problem", 410, problem="expired")
    except signing.BadSignature:
        return _page(request, "link_problem", 400, problem="invalid")
    if subscriber is None:
        return _page(request, "link_problem", 410, problem="gone")
    if subscriber.confirmed_at:
        return _page(request, "confirmed", subscriber=subscriber, already=True)
    if request.method == "POST":
        subscriber.confirm()
        return _page(request, "confirmed", subscriber=subscriber)
    return _page(request, "confirm", subscriber=subscriber)


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, key):
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return _page(request, "link_problem", 404, problem="gone")
    if request.method == "POST" and "leave" in request.POST:
        subscriber.delete()
        return _page(request, "unsubscribed")
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial=PreferencesForm.initial_for(subscriber),
    )
    if request.method == "POST" and form.is_valid():
        form.apply(subscriber)
        return _page(request, "manage", subscriber=subscriber, form=form, saved=True)
    status = 400 if form.errors else 200
    return _page(request, "manage", status, subscriber=subscriber, form=form)


@csrf_exempt  # RFC 8058: the mail client posts « List-Unsubscribe=One-Click », without cookies
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, key):
    subscriber = Subscriber.objects.filter(key=key).first()
    if request.method == "GET":
        if subscriber is None:
            return _page(request, "unsubscribed", already=True)
        return _page(request, "unsubscribe", subscriber=subscriber)
    if subscriber is not None:
        subscriber.delete()  # nothing of them is kept
    return _page(request, "unsubscribed", already=subscriber is None)
