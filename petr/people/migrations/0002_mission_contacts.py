"""Each mission's contact, typed until now on the mission page, becomes a person of the team
attached to it, with public details (they were public on the page)."""

from django.db import migrations


def move_contacts(apps, schema_editor):
    MissionPage = apps.get_model("missions", "MissionPage")
    Person = apps.get_model("people", "Person")
    for mission in MissionPage.objects.all():
        if not (mission.contact_name or mission.contact_phone or mission.contact_email):
            continue
        person = Person.objects.create(
            name=mission.contact_name or f"Contact {mission.title}",
            function=mission.contact_role,
            email=mission.contact_email,
            phone=mission.contact_phone,
            contact_public=True,
            in_team=True,
        )
        person.missions.add(mission)
        person.save()  # a parental relation is written with its person


def restore_contacts(apps, schema_editor):
    MissionPage = apps.get_model("missions", "MissionPage")
    Person = apps.get_model("people", "Person")
    for person in Person.objects.filter(in_team=True, contact_public=True):
        for mission in MissionPage.objects.filter(pk__in=person.missions.values("pk")):
            MissionPage.objects.filter(pk=mission.pk).update(
                contact_name=person.name[:100], contact_role=person.function[:100],
                contact_email=person.email, contact_phone=person.phone,
            )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("missions", "0003_mission_side_column"),
    ]

    operations = [migrations.RunPython(move_contacts, restore_contacts)]
