"""A polite HTTP client for the importers: timeouts, retries with exponential backoff on network
errors and on 429/5xx (waiting as long as Retry-After asks, within reason), and a User-Agent that
says who is calling."""

import urllib3


class CappedRetry(urllib3.Retry):
    """Honours Retry-After, but never lets a server park an import for hours."""

    MAX_RETRY_AFTER = 120

    def get_retry_after(self, response):
        delay = super().get_retry_after(response)
        return None if delay is None else min(delay, self.MAX_RETRY_AFTER)


def polite_pool(*, timeout, retries, backoff_factor, user_agent, accept="application/json"):
    retry = CappedRetry(
        total=retries,
        backoff_factor=backoff_factor,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET", "HEAD"),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    return urllib3.PoolManager(
        retries=retry,
        timeout=urllib3.Timeout(connect=timeout, read=timeout),
        headers={"User-Agent": user_agent, "Accept": accept},
    )
