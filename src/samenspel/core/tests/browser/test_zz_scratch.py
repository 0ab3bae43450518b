import pytest, json
from samenspel.core.tests.browser.helpers import url, run_axe, AXE_JS
from samenspel.core.tests.browser.test_accessibility import SCREENS
pytestmark = pytest.mark.browser

def test_sanity(coordinator_page, demo):
    page = coordinator_page
    page.goto(url("partners:list", demo.coalition.uuid))
    page.evaluate("() => { const i=document.createElement('img'); i.src='/x.png'; document.querySelector('main').append(i); const p=document.createElement('p'); p.textContent='low'; p.style.color='#ccc'; document.querySelector('main').append(p);}")
    v = run_axe(page)
    print("SANITY", [(x['id'], x['impact']) for x in v])

@pytest.mark.parametrize("name", list(SCREENS))
def test_incomplete(name, page, demo, login_as):
    s = SCREENS[name]
    if s.user: login_as(getattr(demo, s.user))
    page.goto(s.path(demo))
    if s.prepare: s.prepare(page)
    page.add_script_tag(path=str(AXE_JS))
    r = page.evaluate("async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice']}})")
    print("PAGE", name, "violations:", [(x['id'], x['impact'], [n['target'] for n in x['nodes']][:5]) for x in r['violations']])
    print("   incomplete:", [(x['id'], x['impact'], len(x['nodes']), [ (n['target'], (n.get('any') or [{}])[0].get('message','')[:120]) for n in x['nodes']][:3]) for x in r['incomplete']])
    print("   contrast passes:", sum(len(x['nodes']) for x in r['passes'] if x['id']=='color-contrast'))
