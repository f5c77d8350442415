"""Rows that belong to one site of the installation. Several PETRs can be served from one
database (Wagtail sites): each has its own perimeter, map, imports and starter marks."""

from django.apps import apps
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from petr.web.shared_lookups import current_site_id


class OfServedSite(models.Manager):
    """The rows of the site being served (web/shared_lookups.current_site_id). `everywhere`,
    the default manager, has them all (backups, relations)."""

    def get_queryset(self):
        return super().get_queryset().filter(site_id=current_site_id())


class OfASite(models.Model):
    """A row of one site: created for the site being served unless told."""

    # A deleted site leaves its rows unattached; a new first site adopts them (below).
    site = models.ForeignKey(
        Site, on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.site_id is None:
            self.site_id = current_site_id()
        super().save(*args, **kwargs)


@receiver(post_save, sender=Site)
def first_site_adopts_the_rows(sender, instance, created, raw=False, **kwargs):
    """Rows written before the installation had a site (`seed_site` and `new_site` import the
    territory and mark the home page first) become the first site's."""
    if created and not raw and instance.is_default_site:
        for model in apps.get_models():
            if issubclass(model, OfASite):
                model._base_manager.filter(site=None).update(site=instance)


class ServedSiteSetting(BaseSiteSetting):
    """A setting each site has its own of (perimeter, recipients), read for the site being
    served: the request's, or the one a command, a task or a build names."""

    class Meta:
        abstract = True

    @classmethod
    def load(cls, request_or_site=None):
        site = request_or_site if isinstance(request_or_site, Site) else current_site_id()
        if site is None:
            raise cls.DoesNotExist(f"{cls.__name__} : l'installation n'a pas encore de site.")
        return cls.base_queryset().get_or_create(site_id=getattr(site, "pk", site))[0]


def rows_of(queryset, site):
    """`site`'s rows; the default site also keeps those whose site was deleted."""
    own = models.Q(site=site)
    return queryset.filter(own | models.Q(site=None) if site.is_default_site else own)
