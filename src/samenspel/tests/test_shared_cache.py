"""The shared cache and the throttle that must hold across app instances.

The Redis tests run against SAMENSPEL_TEST_REDIS_URL (default: the local Redis on 6379) under a
key prefix of their own, and are skipped when no Redis answers there.
"""

import os
import threading
import uuid

import pytest
import redis
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from samenspel.accounts.tests.factories import UserFactory
from samenspel.conf.base import cache_settings
from samenspel.core.cache import CacheUnavailable, SharedCache
from samenspel.core.throttling import SlotRateThrottle

REDIS_URL = os.environ.get("SAMENSPEL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
CLOSED_PORT_URL = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except redis.exceptions.ConnectionError:
        return False


needs_redis = pytest.mark.skipif(not redis_answers(), reason=f"no Redis at {REDIS_URL}")


def shared_cache(url: str, prefix: str) -> SharedCache:
    return SharedCache(url, {"KEY_PREFIX": prefix, "OPTIONS": {"socket_connect_timeout": 0.5}})


def throttle_on(cache, rate: str = "10/min") -> SlotRateThrottle:
    class Limited(SlotRateThrottle):
        scope = "test"

        def get_cache_key(self, request, view):
            return "limited"

    Limited.rate = rate
    throttle = Limited()
    throttle.cache = cache
    return throttle


def ask(throttle: SlotRateThrottle) -> bool:
    return throttle.allow_request(APIRequestFactory().get("/"), None)


def test_without_a_url_each_process_keeps_its_own_memory():
    assert cache_settings("")["default"]["BACKEND"].endswith("LocMemCache")
    shared = cache_settings("redis://cache:6379/1")
    assert {entry["BACKEND"] for entry in shared.values()} == {"samenspel.core.cache.SharedCache"}
    assert shared["default"]["KEY_PREFIX"] != shared["analysis"]["KEY_PREFIX"]


def test_the_limit_holds_for_a_full_period_and_tells_how_long_to_wait(time_machine):
    time_machine.move_to("2026-12-01 10:00:00Z", tick=False)
    throttle = throttle_on(LocMemCache("throttle-test", {}), "3/min")
    assert [ask(throttle) for _ in range(5)] == [True, True, True, False, False]
    assert throttle.wait() == pytest.approx(60)
    time_machine.move_to("2026-12-01 10:00:59Z", tick=False)
    assert not ask(throttle)
    assert throttle.wait() == pytest.approx(1)
    time_machine.move_to("2026-12-01 10:01:01Z", tick=False)
    assert [ask(throttle) for _ in range(4)] == [True, True, True, False]


class PerAddress(SlotRateThrottle):
    """The throttle's own key: the client's address, whoever is signed in."""

    scope = "per-address-test"
    rate = "2/min"


def ask_from(address: str, user) -> bool:
    throttle = PerAddress()
    throttle.cache = LocMemCache("per-address-test", {})
    request = Request(APIRequestFactory().get("/", REMOTE_ADDR=address))
    request.user = user
    return throttle.allow_request(request, None)


@pytest.fixture
def fresh_budget():
    LocMemCache("per-address-test", {}).clear()


def test_two_addresses_have_a_budget_each(fresh_budget):
    person = UserFactory.build()
    first = [ask_from("192.0.2.10", person) for _ in range(3)]
    second = [ask_from("192.0.2.20", person) for _ in range(3)]
    assert first == [True, True, False]
    assert second == [True, True, False]


def test_one_address_shares_its_budget_over_accounts(fresh_budget):
    one, other = UserFactory.build(), UserFactory.build()
    assert [ask_from("198.51.100.7", one), ask_from("198.51.100.7", other)] == [True, True]
    assert not ask_from("198.51.100.7", other)
    assert not ask_from("198.51.100.7", one)
    assert ask_from("198.51.100.8", one)


def test_an_unreachable_cache_is_a_miss_for_reads_and_a_refusal_for_coordination():
    cache = shared_cache(CLOSED_PORT_URL, "gone")
    cache.set("key", 1)
    assert cache.set_many({"key": 1, "other": 2}) == ["key", "other"]  # none kept, no error
    assert cache.get("key", "missing") == "missing"
    assert cache.get_many(["key"]) == {}
    assert cache.get_or_set("key", lambda: "computed") == "computed"
    with pytest.raises(CacheUnavailable):
        cache.add("key", 1)
    with pytest.raises(CacheUnavailable):
        cache.incr("key")


def test_the_throttle_lets_requests_through_while_the_cache_is_unreachable():
    throttle = throttle_on(shared_cache(CLOSED_PORT_URL, "gone"), "1/min")
    assert [ask(throttle) for _ in range(3)] == [True, True, True]


@needs_redis
def test_two_instances_sharing_redis_never_let_more_than_the_limit_through():
    """Two cache clients (two app instances), four threads each, all at once."""
    prefix = f"throttle-test-{uuid.uuid4().hex}"
    instances = [shared_cache(REDIS_URL, prefix) for _ in range(2)]
    allowed: list[bool] = []
    start = threading.Barrier(8)

    def client(cache: SharedCache) -> None:
        throttle = throttle_on(cache, "10/min")
        start.wait()
        allowed.extend(ask(throttle) for _ in range(10))

    threads = [threading.Thread(target=client, args=(instances[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len(allowed) == 80
        assert allowed.count(True) == 10
    finally:
        instances[0].delete_many([f"limited:{slot}" for slot in range(10)])


@needs_redis
def test_cached_values_are_shared_between_instances():
    prefix = f"shared-test-{uuid.uuid4().hex}"
    first, second = shared_cache(REDIS_URL, prefix), shared_cache(REDIS_URL, prefix)
    try:
        first.set("figures", {"wijken": 3}, 30)
        assert second.get("figures") == {"wijken": 3}
        assert second.add("lock", 1, 30)
        assert not first.add("lock", 1, 30)
    finally:
        first.delete_many(["figures", "lock"])
