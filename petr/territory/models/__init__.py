from .data import Commune, DataImport, Epci, TerritoryMap, in_served_perimeter
from .pages import PetrPage, TerritoryPage
from .settings import TerritorySettings
from .town_halls import TownHall

__all__ = [
    "in_served_perimeter",
    "Commune",
    "DataImport",
    "Epci",
    "PetrPage",
    "TerritoryMap",
    "TerritoryPage",
    "TerritorySettings",
    "TownHall",
]
