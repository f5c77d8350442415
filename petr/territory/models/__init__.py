from .data import IN_PERIMETER, Commune, DataImport, Epci, TerritoryMap
from .pages import PetrPage, TerritoryPage
from .settings import TerritorySettings
from .town_halls import TownHall

__all__ = [
    "IN_PERIMETER",
    "Commune",
    "DataImport",
    "Epci",
    "PetrPage",
    "TerritoryMap",
    "TerritoryPage",
    "TerritorySettings",
    "TownHall",
]
