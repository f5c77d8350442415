"""French text helpers."""

import unicodedata


def french_sort_key(text):
    """« Évres » sorts with the E's, not after « Z » as a byte-wise ORDER BY would put it."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
