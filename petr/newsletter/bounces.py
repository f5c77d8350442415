"""Bounces that come back later by e-mail (RFC 3464 delivery status notifications): the
address the server gave up on is marked refused, and the delivery the bounce names (by our
Message-ID, in the returned headers) is marked failed, with the server's words."""

import email
import re
from email import policy

from django.db import transaction
from django.utils import timezone

from petr.newsletter.models import Delivery, Subscriber

OUR_MESSAGE_ID = re.compile(r"<(?:lettre|alertes)\.(\d+)\.(\d+)@")


def failures(raw):
    """[(address, status, diagnostic, (mailing id, subscriber id) or None)] of a bounce's
    permanent failures; [] for anything else (an auto-reply, a delay notice, junk)."""
    message = email.message_from_bytes(raw, policy=policy.compat32)
    if message.get_content_type() != "multipart/report":
        return []
    found, ours = [], None
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            for fields in part.get_payload()[1:]:  # the first group is about the whole message
                action = (fields.get("Action") or "").strip().lower()
                status = (fields.get("Status") or "").strip()
                recipient = (fields.get("Final-Recipient") or "").rpartition(";")[2].strip()
                if action == "failed" and status.startswith("5") and recipient:
                    found.append(
                        (recipient.lower(), status, _one_line(fields.get("Diagnostic-Code")))
                    )
        elif kind in ("text/rfc822-headers", "message/rfc822"):
            text = part.as_string()
            match = OUR_MESSAGE_ID.search(text)
            ours = ours or (match and (int(match.group(1)), int(match.group(2))))
    return [(address, status, diagnostic, ours) for address, status, diagnostic in found]


def record(raw):
    """Record a bounce; returns the addresses marked refused."""
    marked = []
    for address, status, diagnostic, ours in failures(raw):
        error = f"Retour du serveur de courriel : {status} {diagnostic}".strip()[:2000]
        with transaction.atomic():
            count = Subscriber.objects.filter(email=address, failed_at=None).update(
                failed_at=timezone.now(), failure=error
            )
            if ours:
                Delivery.objects.filter(
                    mailing_id=ours[0], subscriber_id=ours[1], subscriber__email=address
                ).update(status=Delivery.Status.FAILED, error=error)
        if count:
            marked.append(address)
    return marked


def _one_line(value):
    return " ".join(str(value or "").split())
