"""Calling the JSON API as a user, reading its answers, and the route table of an access test."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.test import Client

from keywork.accounts.models import ApiToken


def bearer_headers(user) -> dict[str, str]:
    """Request headers carrying a freshly issued bearer token for `user`."""
    _, token = ApiToken.issue(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


class Api:
    """get/post/patch on the JSON API as `user` with a fresh bearer token (no token if `user` is None).

    `tolerant=True` answers a crash with a 500 response, as in production, instead of raising;
    `headers` are sent with every request (e.g. REMOTE_ADDR)."""

    def __init__(self, user=None, tolerant: bool = False, **headers):
        self.user = user
        self.client = Client(raise_request_exception=not tolerant)
        self.headers = (bearer_headers(user) if user else {}) | headers

    def get(self, path, **params):
        return self.client.get(path, params, **self.headers)

    def post(self, path, body):
        return self.client.post(path, body, content_type="application/json", **self.headers)

    def patch(self, path, body):
        return self.client.patch(path, body, content_type="application/json", **self.headers)

    def put(self, path, body):
        return self.client.put(path, body, content_type="application/json", **self.headers)

    def upload(self, path, files: dict):
        """A multipart POST, as a browser sends a file."""
        return self.client.post(path, files, **self.headers)

    def send(self, method, path, body=None):
        if method == "get":
            return self.get(path, **(body or {}))
        return getattr(self, method)(path, body)


def created(response) -> dict:
    """The JSON of a 201 answer."""
    assert response.status_code == 201, response.content
    return response.json()


def ok(response):
    """The JSON of a 200 answer."""
    assert response.status_code == 200, response.content
    return response.json()


def errors(response) -> dict[str, list[str]]:
    """The field errors of a 422 answer."""
    assert response.status_code == 422, response.content
    return response.json()["errors"]


# Route tables -------------------------------------------------------------------------------------


class World(SimpleNamespace):
    """The records an access test calls its routes on; a route's `{name}` is the id of record `name`."""

    @property
    def ids(self) -> dict[str, int]:
        return {name: record.pk for name, record in vars(self).items() if hasattr(record, "pk")}


@dataclass(frozen=True)
class Route:
    """One route of the JSON API in an access test's table: how to call it on a World, the
    permission it should need and the status a permitted call answers."""

    name: str
    method: str  # get, post, patch, or upload (a multipart post)
    path: str  # {name} stands for the id of the world's record `name`
    permission: object = None  # what the route should need
    success: int = 200
    body: Callable[[World], object] = lambda world: None  # the world → the request body
    router_path: str = ""  # as declared on the app's router

    def url(self, world: World) -> str:
        return self.path.format(**world.ids)

    def call(self, api: Api, world: World):
        return api.send(self.method, self.url(world), self.body(world))


def route_params(routes):
    """Parametrize a test over `routes`, each test id the route's name."""
    routes = list(routes)
    return pytest.mark.parametrize("route", routes, ids=[route.name for route in routes])


def declared_operations(router) -> dict[tuple[str, str], object]:
    """(path, method) → the view function `router` runs for it, as the router declares them."""
    return {
        (path, method.lower()): operation.view_func
        for path, path_view in router.path_operations.items()
        for operation in path_view.operations
        for method in operation.methods
    }


def _shape(path: str) -> str:
    """A path with each {parameter} as {}: a table's "/{person}/x" and a router's "/{int:person_id}/x" agree."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def uncovered(router, routes, mounted_at: str) -> set[tuple[str, str]]:
    """The (path, method) operations `router` (mounted at `mounted_at`) declares that no route of
    `routes` calls: a route added to an app's API but missing from its access tests."""
    called = {(_shape(route.path.removeprefix(mounted_at)), route.method) for route in routes}
    return {(path, method) for path, method in declared_operations(router) if (_shape(path), method) not in called}


def guard_of(router, route: Route, mounted_at: str):
    """The permission guarding the view `route` calls on `router` (mounted at `mounted_at`)."""
    views = {(_shape(path), method): view for (path, method), view in declared_operations(router).items()}
    view = views[(_shape(route.path.removeprefix(mounted_at)), route.method)]
    return getattr(view, "required_permission", None)


def required_permission(router, route: Route):
    """The permission the view behind `route` on `router` is guarded by (None if unguarded)."""
    view = declared_operations(router)[(route.router_path, route.method)]
    return getattr(view, "required_permission", None)
