"""Log records anyone on the internet can cause are kept to one short line."""

import logging

MAX_CHARACTERS = 300


class OneShortLine(logging.Filter):
    """No traceback, no line break, at most 300 characters: a bad `Host` header (Django's
    DisallowedHost, logged at every such request) cannot inflate the logs."""

    def filter(self, record):
        message = record.getMessage().replace("\r", " ").replace("\n", " ")
        record.msg, record.args = message[:MAX_CHARACTERS], ()
        record.exc_info = record.exc_text = record.stack_info = None
        return True
