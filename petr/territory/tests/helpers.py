from petr.territory.models import Commune, Epci


def add_communes(count):
    """A fifth communauté with `count` communes, outlines included, beside the real ones."""
    epci = Epci.objects.create(siren="200000000", name="CC de test", slug="cc-de-test")
    Commune.objects.bulk_create(
        Commune(
            code_insee=f"99{i:03d}",
            name=f"Commune {i}",
            slug=f"commune-{i}",
            epci=epci,
            population=100,
            surface_ha=1000,
            map_path="M1 1l1 0 0 1z",
        )
        for i in range(count)
    )
