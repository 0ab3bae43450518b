from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class Pagination(PageNumberPagination):
    """Pages of 50, up to `max_page_size` on request. A page size that is not a whole number in
    range is refused (400), not silently replaced by the default."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int | None:
        raw = request.query_params.get(self.page_size_query_param or "")
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= (self.max_page_size or 0):
            raise exceptions.ValidationError(
                {
                    self.page_size_query_param: [
                        _("Geef een heel getal van 1 tot en met %(max)s.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return int(raw)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update(minimum=1)
        return parameters
