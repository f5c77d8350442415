from .plans import ActionPage, ProgrammeAxis, ProgrammePage
from .projects import ProjectFunding, ProjectIndexPage, ProjectPage

__all__ = [
    "ActionPage",
    "ProgrammeAxis",
    "ProgrammePage",
    "ProjectFunding",
    "ProjectIndexPage",
    "ProjectPage",
]
