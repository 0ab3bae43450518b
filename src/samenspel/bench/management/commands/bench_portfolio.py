"""Times the advisor's portfolio over every coalition of the national scale, and the yearly
report's PDF of the largest coalition.

One person advises all generated coalitions (350 by default). The first request computes and
caches every row (reported as the cold time); then the page's queries are counted with 2 and with
all coalitions, and its server time is compared with the trivial page in the same run. The PDF
of this year's report of the coalition with the most partners is timed from a cold cache (the
report is computed, rendered and written), three times.
"""

from __future__ import annotations

import statistics
import time
import warnings
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.cache import caches
from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.models import Membership, Role, User
from samenspel.bench import measure, synthetic
from samenspel.bench.management.commands.bench import ThrowawayDatabase, _refresh_statistics
from samenspel.coalitions.models import Coalition


class Command(BaseCommand):
    help = "Meet de portefeuille van een adviseur over alle coalities (landelijke schaal)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--coalitions", type=int, default=350)
        parser.add_argument("--partners", type=int, default=15_000)
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args: Any, **options: Any) -> None:
        warnings.filterwarnings("ignore", message="No directory at")
        with ThrowawayDatabase(self.stdout.write):
            generated = synthetic.generate(options["coalitions"], options["partners"])
            _refresh_statistics()
            self.stdout.write(f"generated in {generated.seconds:.1f} s")
            few = self._advisor("twee@example.nl", generated.coalition_ids[:2])
            all_ = self._advisor("alle@example.nl", generated.coalition_ids)
            url = reverse("portfolio:overview")
            started = time.perf_counter()
            all_.get(url)
            self.stdout.write(f"cold (computes every row): {time.perf_counter() - started:.1f} s")
            counts = {
                name: measure.count_queries(client, name, url).queries
                for name, client in (("2 coalitions", few), ("all coalitions", all_))
            }
            self.stdout.write(f"queries: {counts}")
            times = measure.server_times(
                measure.Clients(member=all_, visitor=all_),
                {"portfolio": url, "trivial": "/over/"},
                options["repeat"],
                warmup=2,
            )
            pdf_seconds = self._time_pdf(all_)
        ratio = times["portfolio"]["median_ms"] / times["trivial"]["median_ms"]
        for label, row in times.items():
            self.stdout.write(f"{label}: median {row['median_ms']:.1f} ms, p90 {row['p90_ms']:.1f}")
        self.stdout.write(f"ratio portfolio / trivial: {ratio:.2f}")
        median = statistics.median(pdf_seconds)
        self.stdout.write(
            f"yearly report PDF of the largest coalition: {[round(s, 2) for s in pdf_seconds]} s, "
            f"median {median:.2f} s = {median / 5:.2f} of the 5 s limit, "
            f"{median * 1000 / times['trivial']['median_ms']:.0f}x the trivial page"
        )

    def _time_pdf(self, client: Client) -> list[float]:
        largest = (
            Coalition.objects.across_coalitions()
            .annotate(n=Count("partners"))
            .order_by("-n", "pk")
            .first()
        )
        assert largest is not None
        self.stdout.write(f"largest coalition: {largest.name}, {largest.n} partners")  # type: ignore[attr-defined]
        url = reverse(
            "reporting:year_report_file", args=[largest.uuid, timezone.localdate().year, "pdf"]
        )
        seconds = []
        for _ in range(3):
            caches["analysis"].clear()
            started = time.perf_counter()
            response = client.get(url)
            seconds.append(time.perf_counter() - started)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered HTTP {response.status_code}")
        return seconds

    def _advisor(self, email: str, coalition_ids: list[int]) -> Client:
        user = User.objects.create(email=email, full_name="Adviseur", password=make_password(None))
        Membership.objects.bulk_create(
            Membership(user=user, coalition_id=cid, role=Role.ADVISOR) for cid in coalition_ids
        )
        client = Client()
        client.force_login(user)
        return client
