"""The API is open to other sites' scripts for reading only: GET from any origin, preflight
requests answered for GET alone, nothing else allowed (no credentials are ever sent)."""

from django.http import HttpResponse

PREFIX = "/api/v1/"


class ReadOnlyCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        return response
