#!/usr/bin/env python3
"""Writes a synthetic JSON-lines event file for load tests: `rapport ingest` benchmarks.

Usage: scripts/generate_events.py OUT.jsonl [--events 100000] [--users 1000] [--seed 7]

The file is deterministic for a seed. Messages are short first-person chat turns built from
templates (some carry facts, most are small talk), with ~10% assistant turns and ~5% actions.
"""
import argparse
import json
import random
from datetime import datetime, timedelta, timezone

CITIES = ["Denver", "Lisbon", "Osaka", "Nairobi", "Toronto", "Leeds", "Austin", "Porto"]
JOBS = ["nurse", "teacher", "software engineer", "chef", "pilot", "accountant", "electrician"]
PETS = ["dog", "cat", "parrot", "rabbit"]
LIKES = ["jazz", "hiking", "sushi", "chess", "gardening", "sci-fi novels", "yoga", "baking"]
SMALL_TALK = [
    "What do you think about that?",
    "That sounds great, thanks for the help.",
    "Can you give me a few more ideas?",
    "Honestly it was a long day at work.",
    "I will try that tomorrow morning.",
    "Could you make it a bit shorter?",
]


def turn(rng):
    kind = rng.random()
    if kind < 0.08:
        return f"I live in {rng.choice(CITIES)} now."
    if kind < 0.14:
        return f"I work as a {rng.choice(JOBS)}."
    if kind < 0.20:
        return f"I have a {rng.choice(PETS)} named {rng.choice(['Rex', 'Luna', 'Milo', 'Kiwi'])}."
    if kind < 0.32:
        return f"I really love {rng.choice(LIKES)}."
    if kind < 0.36:
        return f"I don't like {rng.choice(LIKES)} anymore."
    return rng.choice(SMALL_TALK)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    with open(args.out, "w") as out:
        for n in range(args.events):
            user = f"user-{rng.randrange(args.users):05d}"
            time = (start + timedelta(seconds=n * 37)).isoformat().replace("+00:00", "Z")
            event = {"user": user, "id": f"ev-{n}", "time": time}
            r = rng.random()
            if r < 0.05:
                event.update(type="action", verb="rate", item=f"item-{rng.randrange(2000)}",
                             value=rng.randint(1, 5))
            elif r < 0.15:
                event.update(type="message", role="assistant", text=rng.choice(SMALL_TALK))
            else:
                event.update(type="message", role="user", session=f"s{n // 500}", text=turn(rng))
            out.write(json.dumps(event) + "\n")


if __name__ == "__main__":
    main()
