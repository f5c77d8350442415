"""The territory's generated pages, for the site-wide checks (accessibility, valid HTML)."""


def publish():
    return ["/territoire/communautes/cc-du-sammiellois/", "/territoire/saint-mihiel/"]
