"""The accusé de réception as a PDF, made in pure Python (fpdf2, a shipped DejaVu font): the
number, the date and time of receipt, what was declared, the SHA-256 of what was received, and
what the receipt means in law."""

from pathlib import Path

from django.utils import timezone
from django.utils.formats import date_format
from fpdf import FPDF

from petr.core.french.numbers import fr_value

FONTS = Path(__file__).parent / "fonts"
LEGAL = (
    "Cet accusé de réception fixe la date à partir de laquelle les dépenses du projet peuvent "
    "devenir éligibles : une dépense engagée avant cette date ne l'est pas. Il ne vaut ni "
    "promesse ni attribution d'une aide : le projet sera instruit puis examiné par le comité de "
    "programmation."
)


def received_at_text(declaration):
    moment = timezone.localtime(declaration.created_at)
    return f"{date_format(moment, 'j F Y')} à {moment:%H:%M:%S} (heure de Paris)"


def euros(amount):
    return f"{fr_value(amount)} €"


def facts(declaration):
    """(label, text) lines of the receipt, shared by its page and its PDF."""
    received = declaration.received
    project = received["projet"]
    lines = [
        ("Numéro", declaration.number),
        ("Reçue le", received_at_text(declaration)),
        ("Structure", f"{received['structure']['nom']} ({received['structure']['nature']})"),
    ]
    if received["structure"]["siret"]:
        lines.append(("SIRET", received["structure"]["siret"]))
    lines += [
        ("Projet", project["titre"]),
        ("Communes", ", ".join(project["communes"])),
        ("Fiche action", project["fiche_action"] or "à déterminer avec l'équipe"),
        ("Coût total estimé", euros(project["cout_total"])),
        ("Aide LEADER sollicitée", euros(project["aide_leader"])),
        ("Début prévu", date_format(declaration.start_date, "j F Y")),
    ]
    attachments = received["pieces_jointes"]
    if attachments:
        lines.append(("Pièces jointes", ", ".join(a["nom"] for a in attachments)))
    return lines


def receipt_pdf(declaration, issuer, verify_url):
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_font("DejaVu", "", FONTS / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_title(f"Accusé de réception {declaration.number}")
    pdf.set_author(issuer)
    pdf.set_creation_date(declaration.created_at)
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 5, issuer, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, "Accusé de réception\nDéclaration d'intention LEADER",
                   new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(4)
    for label, text in facts(declaration):
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(50, 6, label)
        pdf.set_font("DejaVu", "", 10)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "B", 10)
    pdf.multi_cell(0, 6, "Empreinte SHA-256 de la déclaration reçue", new_x="LMARGIN",
                   new_y="NEXT")  # fmt: skip
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 6, declaration.digest, new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, f"Vérifiez cet accusé avec son numéro et son empreinte : {verify_url}",
                   new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(0, 5, LEGAL, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
