"""Read-only pages of the guide. Any logged-in user may read them (LoginRequiredMiddleware)."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from samenspel.guide.content import get_guide, get_item, get_section, search

T = TypeVar("T")
MAX_QUERY_LENGTH = 100


def _or_404(lookup: Callable[..., T], *keys: str) -> T:
    try:
        return lookup(*keys)
    except KeyError as error:
        raise Http404(_("Dit onderdeel van de gids bestaat niet.")) from error


class GuideIndexView(TemplateView):
    template_name = "guide/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["sections"] = get_guide().sections
        return context


class SectionView(TemplateView):
    template_name = "guide/section.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["section"] = _or_404(get_section, self.kwargs["section"])
        return context


class ItemView(TemplateView):
    template_name = "guide/item.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = _or_404(get_item, self.kwargs["section"], self.kwargs["item"])
        section = get_section(item.section_key)
        index = section.items.index(item)
        context.update(
            section=section,
            item=item,
            previous_item=section.items[index - 1] if index > 0 else None,
            next_item=section.items[index + 1] if index + 1 < len(section.items) else None,
        )
        return context


class SearchView(TemplateView):
    template_name = "guide/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
        context.update(query=query, hits=search(query) if query else [])
        return context
