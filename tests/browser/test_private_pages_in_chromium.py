"""Private pages on a shared phone (issue 15, finding 7), in Chromium: the service worker keeps
no copy of anything a signed-in person saw, even when it installs while they are signed in."""

from __future__ import annotations

import pytest
from django.test import Client

from portal.people.models import User

pytestmark = pytest.mark.browser

SAVED_PAGES = """async () => {
    const out = {};
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            out[new URL(request.url).pathname] = await (await cache.match(request)).text();
        }
    }
    return out;
}"""


def test_the_service_worker_keeps_nothing_a_signed_in_person_saw(chromium, live_server, demo):
    # Signed in before the first page loads, so the worker installs while they are signed in.
    django_client = Client()
    django_client.force_login(User.objects.get(username=demo["young_person"]["username"]))
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": django_client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/offer/money/setting-up-home-grant/")
    assert page.get_by_role("link", name="My page").is_visible()
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the service worker
    page.wait_for_load_state("load")
    kept = page.evaluate(SAVED_PAGES)
    assert "/offer/money/setting-up-home-grant/" not in kept
    offline_copy = kept["/offline/"]
    assert "My page" not in offline_copy and "Sign out" not in offline_copy
    context.close()
