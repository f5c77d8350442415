from .data import Commune, DataImport, Epci
from .pages import PetrPage

__all__ = ["Commune", "DataImport", "Epci", "PetrPage"]
