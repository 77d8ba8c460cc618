"""The test processes make each shared build once: every module that uses one is in its group."""

from __future__ import annotations

from scheduling import SHARED_BUILDS, module_of


def test_every_module_that_uses_a_shared_build_is_in_its_group(request):
    users: dict[str, set[str]] = {build: set() for build in SHARED_BUILDS}
    for item in request.session.items:
        for build in SHARED_BUILDS:
            if build in item.fixturenames:
                users[build].add(module_of(item.nodeid))
    for build, modules in users.items():
        missing = modules - set(SHARED_BUILDS[build])
        assert not missing, f"add these modules to SHARED_BUILDS[{build!r}] in tests/scheduling.py: {sorted(missing)}"
