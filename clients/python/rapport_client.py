"""A thin client for the Rapport REST API (docs/API.md), standard library only.

    from rapport_client import Rapport
    rapport = Rapport("http://127.0.0.1:7420", key="rpk_...")
    rapport.ingest([{"user": "ana", "type": "message", "text": "I moved to Denver."}])
    print(rapport.context("ana", "Where do I live?")["block"])

Every method returns the decoded JSON answer of its route. An error answer raises
`RapportError` with the envelope's `status`, `code` (a stable code from docs/API.md),
`type` and `message`; a server that cannot be reached raises `RapportUnavailable`.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Iterable, Optional

__all__ = ["Rapport", "RapportError", "RapportUnavailable"]

Json = Any


class RapportError(Exception):
    """The server answered with an error envelope."""

    def __init__(self, status: int, code: str, type_: str, message: str):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.type = type_
        self.message = message


class RapportUnavailable(Exception):
    """The server could not be reached or did not answer in time."""


def _segment(value: str) -> str:
    return urllib.parse.quote(str(value), safe="")


class Rapport:
    """One tenant's (or one user's) view of a Rapport server, through its API key."""

    def __init__(self, base_url: str, key: str, timeout: float = 30.0):
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.timeout = timeout

    # -- events ---------------------------------------------------------------------------

    def ingest(self, events: Iterable[dict]) -> Json:
        """Stores a batch of events, all or none; answers {"accepted","duplicates","users"}."""
        return self._call("POST", "/v1/events", {"events": list(events)})

    def say(self, user: str, text: str, role: str = "user", **fields: Any) -> Json:
        """Stores one chat message of `user` (fields: id, time, session, ...)."""
        event = {"user": user, "type": "message", "role": role, "text": text, **fields}
        return self.ingest([event])

    def events(self, user: str, after: int = 0, limit: int = 100) -> list:
        """One page of the user's event log, oldest first, after sequence number `after`."""
        query = urllib.parse.urlencode({"after": after, "limit": limit})
        return self._call("GET", f"/v1/users/{_segment(user)}/events?{query}")["events"]

    def events_by_id(self, user: str, ids: Iterable[str]) -> list:
        """The user's events with these ids (a fact's evidence), in log order; at most 1,000."""
        body = {"ids": list(ids)}
        return self._call("POST", f"/v1/users/{_segment(user)}/events/lookup", body)["events"]

    # -- users and their profile ----------------------------------------------------------

    def me(self) -> Json:
        return self._call("GET", "/v1/me")

    def users(self) -> list:
        return self._call("GET", "/v1/users")["users"]

    def user(self, user: str) -> Json:
        return self._call("GET", f"/v1/users/{_segment(user)}")

    def profile(self, user: str) -> Json:
        """Structured profile (`facts`, `past`) and its rendered `text`."""
        return self._call("GET", f"/v1/users/{_segment(user)}/profile")

    def facts(self, user: str, history: bool = False) -> list:
        path = f"/v1/users/{_segment(user)}/facts"
        if history:
            path += "?history=true"
        return self._call("GET", path)["facts"]

    def edit_fact(self, user: str, fact_id: str, value: str) -> Json:
        """Corrects a fact's value; the edited fact wins over anything learned later."""
        return self._patch_fact(user, fact_id, {"value": value})

    def pin_fact(self, user: str, fact_id: str, pinned: bool = True) -> Json:
        return self._patch_fact(user, fact_id, {"pinned": pinned})

    def delete_fact(self, user: str, fact_id: str) -> None:
        self._call("DELETE", f"/v1/users/{_segment(user)}/facts/{_segment(fact_id)}")

    def forbid(self, user: str, category: str) -> Json:
        """Forbids a category for the user: its facts are removed and never learned again."""
        return self._call("POST", f"/v1/users/{_segment(user)}/forbidden", {"category": category})

    def forbidden(self, user: str) -> list:
        return self._call("GET", f"/v1/users/{_segment(user)}/forbidden")["forbidden"]

    def export(self, user: str) -> Json:
        """Everything held about the user: summary, settings, facts with history, events."""
        return self._call("GET", f"/v1/users/{_segment(user)}/export")

    def forget(self, user: str) -> None:
        """Deletes everything about the user."""
        self._call("DELETE", f"/v1/users/{_segment(user)}")

    # -- serving --------------------------------------------------------------------------

    def context(self, user: str, query: str, budget: Optional[int] = None,
                time: Optional[str] = None) -> Json:
        """The user's context for `query`: `block` (for a system prompt), `facts`, `turns`."""
        body: dict = {"query": query}
        if budget is not None:
            body["budget"] = budget
        if time is not None:
            body["time"] = time
        return self._call("POST", f"/v1/users/{_segment(user)}/context", body)

    def search(self, user: str, query: str, limit: int = 10) -> list:
        body = {"query": query, "limit": limit}
        return self._call("POST", f"/v1/users/{_segment(user)}/search", body)["hits"]

    def add_items(self, items: Iterable[dict]) -> Json:
        """Adds or updates catalog items ({"item_id", "title", "text"?, "tags"?})."""
        return self._call("POST", "/v1/items", {"items": list(items)})

    def recommend(self, user: str, k: int = 10, tags: Optional[list] = None) -> list:
        body: dict = {"k": k}
        if tags:
            body["tags"] = tags
        return self._call("POST", f"/v1/users/{_segment(user)}/recommend", body)["items"]

    def rank(self, user: str, candidates: Iterable[dict], context: Optional[str] = None) -> list:
        """Ranks candidates ({"item_id"} or {"text"}) for the user, best first."""
        body: dict = {"candidates": list(candidates)}
        if context is not None:
            body["context"] = context
        return self._call("POST", f"/v1/users/{_segment(user)}/rank", body)["ranked"]

    def audit(self, user: Optional[str] = None, limit: int = 100) -> list:
        params: dict = {"limit": limit}
        if user is not None:
            params["user"] = user
        return self._call("GET", "/v1/audit?" + urllib.parse.urlencode(params))["entries"]

    # -- transport ------------------------------------------------------------------------

    def _patch_fact(self, user: str, fact_id: str, change: dict) -> Json:
        return self._call("PATCH", f"/v1/users/{_segment(user)}/facts/{_segment(fact_id)}", change)

    def _call(self, method: str, path: str, body: Optional[dict] = None) -> Json:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.key}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            raise _error_from(error) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise RapportUnavailable(f"{method} {self.base_url}{path}: {error}") from None
        return json.loads(raw) if raw else None


def _error_from(error: urllib.error.HTTPError) -> RapportError:
    raw = error.read()
    try:
        envelope = json.loads(raw)["error"]
        return RapportError(error.code, envelope["code"], envelope["type"], envelope["message"])
    except (ValueError, KeyError, TypeError):
        text = raw.decode("utf-8", "replace")[:200]
        return RapportError(error.code, "unknown", "unknown", text or error.reason)
