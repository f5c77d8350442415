"""The API's page for partners, for the site-wide checks (accessibility, valid HTML)."""


def publish():
    return ["/api/"]
