import datetime
from django.core import mail
from samenspel.scans.tests.test_rounds import create_url, make_round, open_, detail_url, people, _today  # noqa

def test_peek(coordinator_client, coalition, people, django_capture_on_commit_callbacks):
    r = make_round(coalition, people)
    open_(r, django_capture_on_commit_callbacks)
    print(mail.outbox[0].subject); print(mail.outbox[0].body)
    html = coordinator_client.get(detail_url(r)).content.decode()
    print(html[html.index("<main"):html.index("</main>")])
