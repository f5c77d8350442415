from .page import DeclarationPage
from .records import (
    Declaration,
    DeclarationAttachment,
    DeclarationCounter,
    DeclarationSettings,
    Status,
    StatusChange,
)

__all__ = [
    "Declaration",
    "DeclarationAttachment",
    "DeclarationCounter",
    "DeclarationPage",
    "DeclarationSettings",
    "Status",
    "StatusChange",
]
