from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness check; also the trivial view the benchmarks compare against."""
    return HttpResponse("ok", content_type="text/plain")
