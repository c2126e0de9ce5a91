"""Synthetic journeys and sites for the benchmarks: realistic text, fixed seed, any size."""

from __future__ import annotations

import random

WORDS = [
    "customer",
    "booking",
    "website",
    "filter",
    "price",
    "country",
    "order",
    "invoice",
    "support",
    "agent",
    "chat",
    "phone",
    "wait",
    "answer",
    "confirmation",
    "e-mail",
    "delivery",
    "return",
    "refund",
    "account",
    "password",
    "portal",
    "team",
    "process",
    "system",
    "checkout",
    "payment",
    "review",
    "survey",
    "follow-up",
    "loyalty",
    "renewal",
    "contract",
    "appointment",
    "visit",
]
LANES = ("channel", "touchpoint", "doing", "thinking", "pain", "opportunity", "owner", "backstage", "kpi")
CHANNELS = ("Website", "Phone", "E-mail", "Chat", "App", "Store", "Letter", "Chatbot", "Self-service portal")


def _sentence(rng: random.Random, low: int = 4, high: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def journey_text(steps: int = 30, *, seed: int = 1, persona: str = "tester", stages: int = 6) -> str:
    """A valid journey of ``steps`` steps with all ten lanes filled (feeling included)."""
    rng = random.Random(seed)
    lines = [
        "---",
        f"title: Synthetic journey {seed}",
        f"persona: {persona}",
        "owner: Benchmark team",
        "reviewed: 2026-09-01",
        f"expectations: {_sentence(rng)}",
        "---",
        "",
        _sentence(rng, 20, 40),
    ]
    per_stage = max(1, steps // stages)
    for index in range(steps):
        if index % per_stage == 0 and index // per_stage < stages:
            lines += ["", f"## Stage {index // per_stage + 1}", f"- goal: {_sentence(rng)}"]
        lines += ["", f"### Step {index + 1} {_sentence(rng, 2, 5)}"]
        for lane in LANES:
            value = rng.choice(CHANNELS) if lane == "channel" else _sentence(rng)
            lines.append(f"- {lane}: {value}")
        lines.append(f"- feeling: {rng.randint(-2, 2)} {rng.choice(['happy', 'worried', 'calm', 'annoyed'])}")
        lines.append(f"- type: {rng.choice(['critical', 'supplementary', 'superfluous'])}")
    return "\n".join(lines) + "\n"
