"""The sign-up page and the archive of letters, empty of letters (those are the staff's to
write), and what the « Données personnelles » page says of subscriptions (once each)."""

from petr.core.starter import pack, seed_once, seed_page

from .models import NewsletterIndexPage, SubscriptionPage


def seed_newsletter(home, pages):
    texts = pack().get("newsletter")
    subscription = seed_page("page.abonnement", home, SubscriptionPage(**texts["subscription"]))
    archive = seed_page("page.lettres", home, NewsletterIndexPage(**texts["archive"]))

    def tell_privacy():
        privacy = pages.get("personal_data")
        if privacy:
            privacy.body = [*privacy.body.raw_data, *texts["privacy_body"]]
            privacy.save_revision().publish()

    seed_once("privacy.newsletter", tell_privacy)
    return {"subscription": subscription, "letters": archive}
