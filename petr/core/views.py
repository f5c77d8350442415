from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    """Render 500.html without context processors: the database may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
