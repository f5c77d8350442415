"""How what residents type meets a name: accents, hyphens, capitals and abbreviations (« st »,
« ste ») folded away, each word typed the start of a word, or a typo or two away. Pure text:
the search, « Trouver ma commune » and the territory's list share it."""

import difflib
import re

from petr.core.french.sorting import french_sort_key

# What residents abbreviate in commune names, folded.
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
TYPO_CUTOFF = 0.8  # difflib's ratio: « Saint-Mihel » finds Saint-Mihiel, « Lion » not Lisle


def fold(text):
    """« St-Mihiel » → « saint mihiel », « Èvres » → « evres »."""
    words = re.sub(r"[^a-z0-9]+", " ", french_sort_key(text)).split()
    return " ".join(ABBREVIATIONS.get(word, word) for word in words)


def starts_every(terms, haystack):
    """Whether each folded term starts some word of the haystack."""
    words = fold(haystack).split()
    return all(any(word.startswith(term) for word in words) for term in terms)


def closeness(wanted, name):
    """How close a folded query is to a name, whole or on as many words as typed (« saint
    mihel » against « Saint-Mihiel », « fresnes » against « Fresnes-en-Woëvre »): 0 to 1."""
    name = fold(name)
    start = " ".join(name.split()[: len(wanted.split())])
    return max(difflib.SequenceMatcher(None, wanted, text).ratio() for text in (name, start))


def select(query, items, haystack, name, postcodes):
    """What a query finds among items: (found, approximate, by_code). A whole five-digit code:
    the items of that postcode, or else of that INSEE code; otherwise those whose words start
    with every word typed; nothing so, the names a typo or two away. haystack(item) is its
    searchable text, name(item) its name, postcodes(item) its list of postcodes."""
    terms = fold(query).split()
    wanted = " ".join(terms)
    if re.fullmatch(r"\d{5}", wanted):
        by_postcode = [item for item in items if wanted in postcodes(item)]
        by_insee = [item for item in items if wanted in haystack(item).split()]
        return by_postcode or by_insee, False, True
    found = [item for item in items if terms and starts_every(terms, haystack(item))]
    if found or not terms:
        return found, False, False
    return [item for item in items if closeness(wanted, name(item)) >= TYPO_CUTOFF], True, False
