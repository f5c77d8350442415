"""People on « Le PETR » and a mission, for the site-wide checks (accessibility, valid HTML)."""


def publish():
    from petr.library.models import Body
    from petr.missions.models import MissionPage
    from petr.people.models import Membership, Person

    body = Body.objects.order_by("order").first()
    president = Person.objects.create(name="Dominique Exemple", function="Maire d'Exemple", order=1)
    Membership.objects.create(person=president, body=body, role="Président")
    mission = MissionPage.objects.live().order_by("path").first()  # the page type's sample
    officer = Person.objects.create(
        name="Alex Modèle", function="Chargé de mission", phone="03 00 00 00 07",
        contact_public=True, in_team=True,
    )  # fmt: skip
    officer.missions.add(mission)
    officer.save()
    # The first mission is already the mission page type's sample: it now shows its contact.
    return ["/recherche/?q=pr%C3%A9sident"]
