"""Gunicorn settings for one Samenspel app instance (`gunicorn -c deploy/gunicorn.conf.py`).

Several instances run side by side behind nginx (systemd: samenspel@8001, samenspel@8002, ...),
each on its own port. A request is Python work on one core, so an instance has as many sync
workers as the machine has cores (threads do not help); set SAMENSPEL_WORKERS to divide the
cores between instances.
"""

import gc
import os

wsgi_app = "samenspel.wsgi:application"
bind = os.environ.get("SAMENSPEL_BIND", "127.0.0.1:8001")
worker_class = "sync"
workers = int(os.environ.get("SAMENSPEL_WORKERS", "0")) or (os.cpu_count() or 1)

# Load the application once in the master, then fork: the workers share its memory pages.
preload_app = True
# Recycle each worker after a number of requests (memory that grows slowly is given back); the
# jitter keeps the workers from restarting all at the same moment.
max_requests = 2000
max_requests_jitter = 400

# A sync worker closes the connection after each response (no keep-alive behind nginx).
timeout = 30
graceful_timeout = 25

# The application writes its own access line (JSON, with the request id); gunicorn reports only
# its own errors, on standard error for journald.
accesslog = None
errorlog = "-"
loglevel = "warning"
control_socket_disable = True


def pre_fork(server, worker):
    """Move everything the master has loaded out of the collector's sight before forking.

    A collection in a worker would otherwise write to every object it inspects (the reference
    counts and GC headers), copying the shared pages into each worker (the copy-on-write that
    `gc.freeze()` exists for).
    """
    gc.freeze()
