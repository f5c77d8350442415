from django.conf import settings
from django.core.checks import Error, Tags, register

from petr.web.public_address import LOCAL_HOSTS, problem


@register(Tags.security, deploy=True)
def public_address(app_configs, **kwargs):
    """Production links, e-mails and the sitemap must carry the public address, not this machine."""
    errors = [problem(settings.SITE_URL), problem(settings.WAGTAILADMIN_BASE_URL)]
    local = sorted(set(settings.ALLOWED_HOSTS) & (LOCAL_HOSTS | {"*"}))
    if local:
        errors.append(f"ALLOWED_HOSTS contient {', '.join(local)} : seule l'adresse publique.")
    return [Error(message, id="petr.E002") for message in dict.fromkeys(filter(None, errors))]


@register(Tags.security, deploy=True)
def mail_through_the_worker(app_configs, **kwargs):
    """No request may wait on the mail server: in production every e-mail is queued."""
    if settings.EMAIL_BACKEND == "petr.web.mail.QueuedEmailBackend":
        return []
    return [
        Error(
            "EMAIL_BACKEND doit être petr.web.mail.QueuedEmailBackend : sinon les notifications "
            "de Wagtail font attendre la requête sur le serveur de courriel.",
            id="petr.E003",
        )
    ]
