"""The library: documents, and the register of acts. The pages of items and the index pages
that list them are separate modules, so that the filters can import the first and be imported
by the second."""

from .acts import ActPage, Body, Meeting
from .documents import DocumentPage
from .indexes import ActIndexPage, DocumentIndexPage
from .private_file import private_storage  # named by the migrations

__all__ = [
    "ActIndexPage",
    "ActPage",
    "Body",
    "DocumentIndexPage",
    "DocumentPage",
    "Meeting",
    "private_storage",
]
