"""Real PDF files for tests, made without Django (CI's stack check uses them too)."""

import datetime

from fpdf import FPDF


def make_pdf(text="Délibération", padding=0):
    """A real one-page PDF whose bytes show `text` (uncompressed); `padding` bytes of comment
    make it as large as a test needs, still a valid PDF."""
    document = FPDF()
    document.set_compression(False)
    document.set_creation_date(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text.encode("latin-1", "replace").decode("latin-1"))
    data = bytes(document.output())
    return data.replace(b"\n", b"\n%" + b"0" * padding + b"\n", 1) if padding else data
