"""How the test processes (pytest-xdist) share out the tests: as `--dist loadscope` does (a
module's tests in one process, so that its fixtures are made once; a class's tests too, which lets
a module share out its work), except that the modules that use one of the shared builds below go
to one process together. Each process makes its own copy of a session fixture, so a build used by
modules in two processes would be made twice."""

from __future__ import annotations

# The session builds (fixtures of conftest.py) that more than one module uses, and those modules.
SHARED_BUILDS = {
    "hostile_build": ("tests/build/test_escaping.py", "tests/browser/test_injection.py"),
    "renamed_builds": ("tests/build/test_link_contract.py", "tests/browser/test_deep_links.py"),
    "offline_copy": ("tests/build/test_offline_copy.py", "tests/browser/test_offline_in_browser.py"),
    "subpath_site": ("tests/build/test_subpath.py", "tests/build/test_links_checked.py",
                     "tests/build/test_citations.py", "tests/build/test_reproducible.py",
                     "tests/browser/test_published.py"),
}
GROUP_OF_MODULE = {module: build for build, modules in SHARED_BUILDS.items() for module in modules}


def module_of(nodeid: str) -> str:
    """'tests/build/test_subpath.py' for 'tests/build/test_subpath.py::test_x[a]'."""
    return nodeid.split("::")[0]


def shared_build_scheduler(config, log):
    """The scheduler for `--dist loadscope`; None (pytest-xdist's own) for any other mode. (Its
    `xdist_group` mark would do this, but pytest 9 no longer takes a node id from the attribute
    that the mark sets.)"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedBuildScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return GROUP_OF_MODULE.get(module_of(nodeid)) or super()._split_scope(nodeid)

    return SharedBuildScheduling(config, log)
