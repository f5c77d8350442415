"""An audit trail of what changes who may do what: users, groups (and their permissions) and
every site setting, recorded in Wagtail's log with the administrator who did it. Administrators
read it in *Rapports › Historique du site*. Changes made outside the admin (commands, seeding)
have no user and are not recorded here."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.log_actions import get_active_log_context, log

from petr.users.models import User


def _record(instance, action):
    if get_active_log_context().user is not None:
        log(instance, action)


def _saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _record(instance, "wagtail.create" if created else "wagtail.edit")


def _deleted(sender, instance, **kwargs):
    _record(instance, "wagtail.delete")


def _relations_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _record(instance, "wagtail.edit")


def audited_models():
    from django.apps import apps

    settings = [m for m in apps.get_models() if issubclass(m, BaseGenericSetting | BaseSiteSetting)]
    return [User, Group, *settings]


def connect():
    for model in audited_models():
        post_save.connect(_saved, sender=model, dispatch_uid=f"audit-save-{model._meta.label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"audit-del-{model._meta.label}")
    for relation in (Group.permissions.through, User.groups.through,
                     User.user_permissions.through):  # fmt: skip
        m2m_changed.connect(_relations_changed, sender=relation, weak=False)
