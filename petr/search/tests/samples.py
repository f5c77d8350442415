"""The search page's states, for the site-wide checks (accessibility, valid HTML)."""


def publish():
    return [
        "/recherche/",  # empty
        "/recherche/?q=mobilit%C3%A9",  # results
        "/recherche/?q=zzyzx&type=inconnu",  # no result, unknown kind
    ]
