from petr.newsletter.models.pages import NewsletterIndexPage, NewsletterPage, SubscriptionPage
from petr.newsletter.models.sending import Delivery, Mailing
from petr.newsletter.models.subscribers import SignupRequest, Subscriber

__all__ = [
    "Delivery",
    "Mailing",
    "NewsletterIndexPage",
    "NewsletterPage",
    "SignupRequest",
    "Subscriber",
    "SubscriptionPage",
]
