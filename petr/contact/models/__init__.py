from petr.contact.models.page import ContactPage
from petr.contact.models.records import ContactSettings, ContactSubmission

__all__ = ["ContactPage", "ContactSettings", "ContactSubmission"]
