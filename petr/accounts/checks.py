from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def second_factor_enforced(app_configs, **kwargs):
    if settings.TWO_FACTOR_ENFORCED:
        return []
    return [Error("TWO_FACTOR_ENFORCED est désactivé : réservé au développement.", id="petr.E001")]
