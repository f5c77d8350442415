"""Who runs the PETR and whom to call: elected members in its bodies (the instances of the
register of acts: comité syndical, bureau, conférence des maires, conseil de développement) and
the team, each team member the named contact of their missions. A person's e-mail and phone are
shown only when staff tick that they are public."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable

from petr.core.french.sorting import french_sort_key
from petr.core.phones import tel_uri
from petr.missions.models import MissionPage
from petr.territory.matching import fold
from petr.territory.models import PetrPage
from petr.web.shared_lookups import public

PORTRAIT = "fill-120x120"  # as people/includes/person.html shows it


class Person(ClusterableModel):
    # « Le PETR » lists everyone; each mission names its contacts (web/invalidation.py).
    shown_on = ("territory.PetrPage", "missions.MissionPage")
    page_parts = {"petr": 1, "mission.contact": 1}  # (core/parts.py)

    name = models.CharField("prénom et nom", max_length=150)
    function = models.CharField(
        "fonction",
        max_length=200,
        blank=True,
        help_text="Telle qu'elle s'affiche, par exemple « Maire de … » ou « Chargée de mission "
        "santé ».",
    )
    photo = models.ForeignKey(
        "core.CustomImage",
        verbose_name="photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Son texte alternatif est celui de l'image, par exemple « Portrait de … ».",
    )
    in_team = models.BooleanField(
        "membre de l'équipe du PETR",
        default=False,
        help_text="Un agent ou une agente : cité dans « L'équipe » et, pour ses missions, dans "
        "« Pour agir ».",
    )
    missions = ParentalManyToManyField(
        MissionPage,
        blank=True,
        verbose_name="missions suivies",
        help_text="La personne est le contact de ces missions sur leur page.",
    )
    email = models.EmailField("adresse électronique", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    contact_public = models.BooleanField(
        "coordonnées publiques",
        default=False,
        help_text="Cochez seulement si la personne accepte que son adresse et son téléphone "
        "soient affichés sur le site. Sinon, ils restent dans l'administration.",
    )
    order = models.PositiveSmallIntegerField(
        "ordre d'affichage", default=100, help_text="Les plus petits d'abord : 1 pour la "
        "présidence."
    )  # fmt: skip

    panels = [
        FieldPanel("name"),
        FieldPanel("function"),
        FieldPanel("photo"),
        InlinePanel("memberships", heading="Instances du PETR", label="instance"),
        MultiFieldPanel([FieldPanel("in_team"), FieldPanel("missions")], heading="Équipe"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("contact_public")],
            heading="Coordonnées",
        ),
        FieldPanel("order"),
    ]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "personne"
        verbose_name_plural = "personnes"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.contact_public and not (self.email or self.phone):
            raise ValidationError(
                {"contact_public": "Indiquez une adresse ou un téléphone à rendre public."}
            )

    @property
    def anchor(self):
        return f"personne-{self.pk}-{slugify(self.name)[:40]}"

    @property
    def public_email(self):
        return self.email if self.contact_public else ""

    @property
    def public_phone(self):
        return self.phone if self.contact_public else ""

    @property
    def phone_uri(self):
        return tel_uri(self.public_phone)

    @classmethod
    def with_photos(cls):
        """Their portraits' renditions come with them: one query, however many people."""
        images = get_image_model().objects.prefetch_renditions(PORTRAIT)
        return cls.objects.prefetch_related(Prefetch("photo", queryset=images))

    @classmethod
    def listed(cls):
        return cls.with_photos().prefetch_related("memberships__body")

    @classmethod
    def page_part(cls, slot, page):
        if slot == "mission.contact":
            people = list(cls.with_photos().filter(in_team=True, missions=page))
            return {"template": "people/mission_contact.html", "people": people} if people else None
        people = list(cls.listed().prefetch_related("missions"))
        bodies = {}
        for person in people:
            for membership in person.memberships.all():
                bodies.setdefault(membership.body, []).append((membership.role, person))
        seen = set()  # a person in several bodies: the search's link goes to the first

        def anchored(person):
            anchor = "" if person.pk in seen else person.anchor
            seen.add(person.pk)
            return anchor

        governance = [
            (body, [(role, person, anchored(person)) for role, person in members])
            for body, members in sorted(bodies.items(), key=lambda item: (item[0].order,
                                                                           item[0].name))
        ]  # fmt: skip
        team = [(person, anchored(person)) for person in people if person.in_team]
        if not (governance or team):
            return None
        return {"template": "people/petr_part.html", "governance": governance, "team": team}

    @classmethod
    def site_search(cls, query):
        """The people whose name, function or role starts with every word typed, for the site's
        search (few rows: matched in Python, whatever the accents)."""
        terms = fold(query).split()
        petr = public(PetrPage.objects.live()).first()
        if not terms or petr is None:
            return []
        found = []
        for person in cls.listed():
            roles = " ".join(f"{m.role} {m.body.name}" for m in person.memberships.all())
            words = fold(f"{person.name} {person.function} {roles}").split()
            if all(any(word.startswith(term) for word in words) for term in terms):
                found.append(person)
        for person in found:
            person.url = f"{petr.url}#{person.anchor}"
        return sorted(found, key=lambda p: (p.order, french_sort_key(p.name)))


class Membership(Orderable):
    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(
        "library.Body", on_delete=models.CASCADE, related_name="members", verbose_name="instance"
    )
    role = models.CharField(
        "rôle",
        max_length=100,
        blank=True,
        help_text="Par exemple « Président », « Vice-présidente chargée de la mobilité », "
        "« Membre ». Vide : membre.",
    )

    panels = [FieldPanel("body"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "instance"
        verbose_name_plural = "instances"

    def __str__(self):
        return f"{self.body} — {self.role or 'membre'}"
