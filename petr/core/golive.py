"""What the law or a visitor needs and the site still lacks: shown to staff on the dashboard and
by `manage.py check --deploy --database default` before going live. The public pages hide each
empty fact; this is where its absence is told."""

from dataclasses import dataclass

from django.core import checks
from django.db import DatabaseError
from django.urls import reverse
from wagtail.models import Site


@dataclass(frozen=True)
class Missing:
    label: str
    why: str
    setting: str  # the setting's model name, for the link to its form
    site_id: int

    @property
    def url(self):
        return reverse("wagtailsettings:edit", args=["core", self.setting, self.site_id])


def missing_facts(site):
    from petr.core.models import AccessibilitySettings, SiteIdentity

    identity = SiteIdentity.for_site(site)
    accessibility = AccessibilitySettings.for_site(site)
    wanted = [
        (identity.address, "Adresse postale de l'éditeur", "mentions légales (loi pour la "
         "confiance dans l'économie numérique, art. 6)", "siteidentity"),
        (identity.publication_director, "Directeur ou directrice de la publication",
         "mentions légales (LCEN, art. 6)", "siteidentity"),
        (identity.host_details, "Nom, adresse et téléphone de l'hébergeur",
         "mentions légales (LCEN, art. 6)", "siteidentity"),
        (identity.email or identity.phone, "Adresse électronique ou téléphone du PETR",
         "pour que les habitants vous joignent (page Contact)", "siteidentity"),
        (accessibility.contact_email or identity.email, "Contact pour signaler un défaut "
         "d'accessibilité", "déclaration d'accessibilité (RGAA)", "accessibilitysettings"),
        (identity.data_protection_officer, "Délégué à la protection des données",
         "données personnelles (RGPD, art. 37)", "siteidentity"),
        (identity.siret, "SIRET du siège", "publication des délibérations au format national "
         "(SCDL)", "siteidentity"),
    ]  # fmt: skip
    return [Missing(label, why, setting, site.pk) for value, label, why, setting in wanted
            if not value]  # fmt: skip


@checks.register(checks.Tags.compatibility, deploy=True)
def check_go_live(app_configs=None, databases=None, **kwargs):
    """Only with `--database`: the deployment's own check runs before any content exists."""
    if not databases:
        return []
    try:
        sites = list(Site.objects.all())
        found = [(site, missing) for site in sites for missing in missing_facts(site)]
    except DatabaseError:
        return []  # not migrated yet: nothing to say about content
    return [
        checks.Warning(
            f"{site.site_name or site.hostname} : « {missing.label} » est vide ({missing.why}).",
            hint="Paramètres › Identité et coordonnées, ou Accessibilité, dans l'administration.",
            id="petr.W001",
        )
        for site, missing in found
    ]
