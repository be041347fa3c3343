"""End-to-end tests of the Python client against a running Rapport server.

Run by the Rust test `python_client` (crates/server/tests/api/python_client.rs), which starts a
real server on a loopback port with the built-in learner and sets RAPPORT_URL and RAPPORT_KEY
(a fresh tenant's key). By hand, against your own server:

    RAPPORT_URL=http://127.0.0.1:7420 RAPPORT_KEY=rpk_... python3 -m unittest discover -s clients/python/tests
"""

import os
import socket
import sys
import unittest
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from rapport_client import Rapport, RapportError, RapportUnavailable  # noqa: E402

URL = os.environ.get("RAPPORT_URL")
KEY = os.environ.get("RAPPORT_KEY")


def fresh_user() -> str:
    return "py-" + uuid.uuid4().hex[:8]


@unittest.skipUnless(URL and KEY, "set RAPPORT_URL and RAPPORT_KEY to a running server")
class ClientTest(unittest.TestCase):
    def setUp(self):
        self.rapport = Rapport(URL, KEY)

    def learn(self, user, *texts):
        events = [
            {"user": user, "id": f"{user}-{i}", "type": "message", "text": text,
             "time": f"2024-03-{i + 1:02}T09:00:00Z", "session": "s1"}
            for i, text in enumerate(texts)
        ]
        return self.rapport.ingest(events)

    def fact(self, user, key):
        found = [fact for fact in self.rapport.facts(user) if fact["key"] == key]
        self.assertEqual(len(found), 1, self.rapport.facts(user))
        return found[0]

    def test_what_is_said_becomes_profile_and_context(self):
        user = fresh_user()
        answer = self.learn(user, "I live in Denver.", "I have a dog named Rex.")
        self.assertEqual(answer["accepted"], 2)
        self.assertEqual(self.learn(user, "I live in Denver.")["duplicates"], 1)
        city = self.fact(user, "location.city")
        self.assertEqual(city["value"], "Denver")
        self.assertEqual(city["source"], "stated")
        self.assertEqual(city["evidence"], [f"{user}-0"])
        self.assertIn("Denver", self.rapport.profile(user)["text"])
        context = self.rapport.context(user, "Where do I live?", budget=300)
        self.assertIn("Denver", context["block"])
        self.assertLessEqual(context["tokens"], 300)
        first = self.rapport.events(user, limit=1)
        self.assertEqual([e["body"]["text"] for e in first], ["I live in Denver."])
        cited = self.rapport.events_by_id(user, city["evidence"] + ["nope"])
        self.assertEqual([e["body"]["text"] for e in cited], ["I live in Denver."])
        self.assertIn(user, [summary["user"] for summary in self.rapport.users()])

    def test_the_user_corrects_pins_and_deletes(self):
        user = fresh_user()
        self.learn(user, "I live in Denver.")
        city = self.fact(user, "location.city")
        edited = self.rapport.edit_fact(user, city["id"], "Boulder")
        self.assertEqual((edited["value"], edited["source"]), ("Boulder", "edited"))
        history = self.rapport.facts(user, history=True)
        self.assertIn("Denver", [fact["value"] for fact in history if fact.get("valid_to")])
        pinned = self.rapport.pin_fact(user, edited["id"])
        self.assertTrue(pinned["pinned"])
        self.rapport.delete_fact(user, pinned["id"])
        self.assertNotIn("location.city", [fact["key"] for fact in self.rapport.facts(user)])
        actions = [entry["action"] for entry in self.rapport.audit(user=user)]
        self.assertIn("fact.edit", actions)
        self.assertIn("fact.delete", actions)

    def test_export_and_forget(self):
        user = fresh_user()
        self.learn(user, "I live in Denver.")
        exported = self.rapport.export(user)
        self.assertEqual(len(exported["events"]), 1)
        self.rapport.forget(user)
        with self.assertRaises(RapportError) as raised:
            self.rapport.user(user)
        self.assertEqual((raised.exception.status, raised.exception.code), (404, "unknown_user"))

    def test_errors_carry_the_envelope(self):
        with self.assertRaises(RapportError) as raised:
            self.rapport.ingest([{"user": "ana", "type": "message"}])
        self.assertEqual((raised.exception.status, raised.exception.code), (400, "invalid_event"))
        self.assertIn("events[0]", raised.exception.message)
        with self.assertRaises(RapportError) as raised:
            Rapport(URL, "rpk_not_a_key").users()
        self.assertEqual((raised.exception.status, raised.exception.code), (401, "unauthorized"))
        with self.assertRaises(RapportError) as raised:
            self.rapport.forbid(fresh_user(), "not-a-category")
        self.assertEqual(raised.exception.status // 100, 4)

    def test_items_are_ranked_for_the_user(self):
        user = fresh_user()
        self.learn(user, "I love jazz.", "I hate heavy metal.")
        self.rapport.add_items([
            {"item_id": "py-jazz", "title": "Late night jazz", "tags": ["jazz"]},
            {"item_id": "py-metal", "title": "Heavy metal hour", "tags": ["heavy metal"]},
        ])
        ranked = self.rapport.rank(user, [{"item_id": "py-metal"}, {"item_id": "py-jazz"}])
        self.assertEqual([entry["item_id"] for entry in ranked], ["py-jazz", "py-metal"])

    def test_an_unreachable_server_is_reported(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with self.assertRaises(RapportUnavailable):
            Rapport(f"http://127.0.0.1:{port}", KEY, timeout=2).users()


if __name__ == "__main__":
    unittest.main()
