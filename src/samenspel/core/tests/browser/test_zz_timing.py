import time
import pytest
from samenspel.core.tests.browser import conftest as cf
pytestmark = pytest.mark.browser

@pytest.mark.parametrize("i", range(3))
def test_t(i, transactional_db, live_server, chromium):
    from samenspel.demo.data import load_demo
    t=time.perf_counter(); cf._restore_municipalities(); t1=time.perf_counter()
    load_demo("x-demo-wachtwoord"); t2=time.perf_counter()
    ctx = cf._new_context(chromium, live_server.url, bypass_csp=True); p = ctx.new_page(); t3=time.perf_counter()
    p.goto("/account/inloggen/"); t4=time.perf_counter()
    from samenspel.core.tests.browser.helpers import run_axe
    run_axe(p); t5=time.perf_counter()
    print(f"muni {t1-t:.2f} demo {t2-t1:.2f} ctx {t3-t2:.2f} goto {t4-t3:.2f} axe {t5-t4:.2f}")
    ctx.close()
