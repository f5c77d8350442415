from .data import Commune, DataImport, Epci, TerritoryMap
from .pages import PetrPage, TerritoryPage
from .settings import TerritorySettings

__all__ = [
    "Commune",
    "DataImport",
    "Epci",
    "PetrPage",
    "TerritoryMap",
    "TerritoryPage",
    "TerritorySettings",
]
