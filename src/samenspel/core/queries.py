from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def related_count(related: QuerySet, link: str) -> Coalesce:
    """The number of `related` rows pointing at each outer row (through the foreign key `link`),
    as a correlated subquery: it uses the foreign key's index, does not multiply rows, and a
    `.count()` of the outer list (pagination) leaves it out."""
    counted = related.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(
        Subquery(counted.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0
    )
