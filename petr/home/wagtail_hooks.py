from wagtail import hooks

from .dashboard import TasksPanel


@hooks.register("construct_homepage_panels")
def add_tasks_panel(request, panels):
    panels.insert(0, TasksPanel())
