"""What changed between two versions of a journey, in terms a reviewer cares about.

Pure: it compares two models. Steps are matched by id (an explicit ``- id:`` survives a
title change); a step without a match whose position and most lanes are unchanged
counts as renamed rather than removed and added.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from generator.draw.layout import MAP_ROW_OF
from generator.model import Journey, Persona, Step

__all__ = ["Change", "JourneyDiff", "diff_journeys", "diff_personas", "summarise", "visual_diff"]


@dataclass(frozen=True, slots=True)
class Change:
    """One change: its kind, the step (or stage) it concerns, and before and after; by id
    too: the stage's and step's ids and the lane's key (empty where they do not apply)."""

    kind: str
    subject: str = ""
    before: str = ""
    after: str = ""
    delta: float | None = None
    stage: str = ""
    step: str = ""
    lane: str = ""

    def as_data(self, journey: str = "") -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "journey": journey,
            "stage": self.stage,
            "step": self.step,
            "lane": self.lane,
            "subject": self.subject,
            "before": self.before,
            "after": self.after,
        }
        if self.delta is not None:
            data["delta"] = self.delta
        return data


@dataclass
class JourneyDiff:
    """Everything that changed in one journey (or persona) file."""

    path: str
    title: str
    status: str  # added, removed, renamed, changed
    old_path: str = ""
    changes: list[Change] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The journey's (or persona's) id: its file name without ``.md``."""
        return self.path.rsplit("/", 1)[-1].removesuffix(".md")

    def as_data(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "id": self.id,
            "old_path": self.old_path,
            "title": self.title,
            "status": self.status,
            "changes": [change.as_data(self.id) for change in self.changes],
        }


def _lane_share(a: Step, b: Step) -> float:
    """The share of lanes two steps have in common."""
    left = {(lane.key, lane.value) for lane in a.lanes}
    right = {(lane.key, lane.value) for lane in b.lanes}
    if not left and not right:
        return 1.0
    return len(left & right) / max(len(left), len(right))


def _positions(journey: Journey) -> list[tuple[str, Step]]:
    return [(stage.id, step) for stage in journey.stages for step in stage.steps]


def _longest_increasing(values: list[int]) -> set[int]:
    """Indexes (into ``values``) of one longest increasing subsequence."""
    best: list[list[int]] = []
    for index, value in enumerate(values):
        chain: list[int] = []
        for candidate in best:
            if values[candidate[-1]] < value and len(candidate) > len(chain):
                chain = candidate
        best.append([*chain, index])
    longest: list[int] = []
    for candidate in best:
        if len(candidate) > len(longest):
            longest = candidate
    return set(longest)


def _match_steps(old: Journey, new: Journey) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """(pairs of matched positions, unmatched old positions, unmatched new positions)."""
    before, after = _positions(old), _positions(new)
    by_id = {step.id: i for i, (_, step) in enumerate(before)}
    pairs = [(by_id[step.id], j) for j, (_, step) in enumerate(after) if step.id in by_id]
    taken_old = {i for i, _ in pairs}
    taken_new = {j for _, j in pairs}
    # A step with a new title (so a new derived id) in the same stage, keeping at least
    # half of its lanes, was renamed: pair the closest such steps, best match first.
    candidates = sorted(
        (-_lane_share(before[i][1], after[j][1]), abs(i - j), i, j)
        for j in range(len(after))
        if j not in taken_new
        for i in range(len(before))
        if i not in taken_old and before[i][0] == after[j][0]
    )
    for share, _, i, j in candidates:
        if -share >= 0.5 and i not in taken_old and j not in taken_new:
            pairs.append((i, j))
            taken_old.add(i)
            taken_new.add(j)
    pairs.sort(key=lambda pair: pair[1])
    lost = [i for i in range(len(before)) if i not in taken_old]
    found = [j for j in range(len(after)) if j not in taken_new]
    return pairs, lost, found


def _name(number: int, step: Step) -> str:
    return f"{number}. {step.title}"


def _step_changes(old: Step, new: Step, subject: str, stage: str) -> list[Change]:
    changes = _bare_step_changes(old, new, subject)
    return [replace(c, stage=stage, step=new.id, lane=c.lane or _LANE_OF.get(c.kind, "")) for c in changes]


_LANE_OF = {
    "feeling": "feeling",
    "feeling-up": "feeling",
    "feeling-down": "feeling",
    "pain-added": "pain",
    "pain-resolved": "pain",
    "owner": "owner",
    "type": "type",
    "moment-of-truth": "moment-of-truth",
}


def _bare_step_changes(old: Step, new: Step, subject: str) -> list[Change]:
    changes: list[Change] = []
    if old.emotion != new.emotion:
        before = old.emotion.score_text if old.emotion else ""
        after = new.emotion.score_text if new.emotion else ""
        if old.emotion and new.emotion and old.emotion.score != new.emotion.score:
            delta = new.emotion.score - old.emotion.score
            kind = "feeling-up" if delta > 0 else "feeling-down"
            changes.append(
                Change(
                    kind, subject, f"{before} {old.emotion.word}".strip(), f"{after} {new.emotion.word}".strip(), delta
                )
            )
        else:
            before_text = f"{before} {old.emotion.word}".strip() if old.emotion else ""
            after_text = f"{after} {new.emotion.word}".strip() if new.emotion else ""
            changes.append(Change("feeling", subject, before_text, after_text))
    old_pains, new_pains = set(old.values("pain")), set(new.values("pain"))
    changes.extend(Change("pain-added", subject, after=p) for p in new.values("pain") if p not in old_pains)
    changes.extend(Change("pain-resolved", subject, before=p) for p in old.values("pain") if p not in new_pains)
    if old.values("owner") != new.values("owner"):
        changes.append(Change("owner", subject, ", ".join(old.values("owner")), ", ".join(new.values("owner"))))
    if old.type != new.type:
        changes.append(Change("type", subject, old.type, new.type))
    if old.moment_of_truth != new.moment_of_truth:
        changes.append(
            Change("moment-of-truth", subject, str(old.moment_of_truth).lower(), str(new.moment_of_truth).lower())
        )
    skip = {"feeling", "pain", "owner", "type", "moment-of-truth"}
    keys = sorted({lane.key for lane in (*old.lanes, *new.lanes)} - skip)
    for key in keys:
        before_values, after_values = old.values(key), new.values(key)
        if before_values != after_values:
            changes.append(
                Change(f"lane:{key}", subject, " | ".join(before_values), " | ".join(after_values), lane=key)
            )
    return changes


def diff_journeys(old: Journey | None, new: Journey | None, *, path: str, old_path: str = "") -> JourneyDiff | None:
    """The changes from ``old`` to ``new`` (either may be missing), or ``None`` if none."""
    if old is None and new is None:
        return None
    if old is None:
        assert new is not None
        return JourneyDiff(path, new.title, "added", changes=[Change("journey-added", after=new.title)])
    if new is None:
        return JourneyDiff(path, old.title, "removed", changes=[Change("journey-removed", before=old.title)])
    status = "renamed" if old_path and old_path != path else "changed"
    result = JourneyDiff(path, new.title, status, old_path=old_path if status == "renamed" else "")
    changes = result.changes
    for key in ("title", "persona", "owner", "state", "expectations"):
        before, after = getattr(old, key), getattr(new, key)
        if before != after:
            changes.append(Change(key, "", str(before), str(after)))
    if old.reviewed != new.reviewed:
        changes.append(
            Change(
                "reviewed",
                "",
                old.reviewed.isoformat() if old.reviewed else "",
                new.reviewed.isoformat() if new.reviewed else "",
            )
        )
    old_stages = {stage.id: stage for stage in old.stages}
    new_stages = {stage.id: stage for stage in new.stages}
    changes.extend(Change("stage-added", s.title, stage=sid) for sid, s in new_stages.items() if sid not in old_stages)
    changes.extend(
        Change("stage-removed", s.title, stage=sid) for sid, s in old_stages.items() if sid not in new_stages
    )
    for sid, stage in new_stages.items():
        if sid in old_stages and old_stages[sid].title != stage.title:
            changes.append(Change("stage-renamed", stage.title, old_stages[sid].title, stage.title, stage=sid))
    before, after = _positions(old), _positions(new)
    pairs, lost, found = _match_steps(old, new)
    in_order = _longest_increasing([i for i, _ in pairs])
    for index, (i, j) in enumerate(pairs):
        old_stage, old_step = before[i]
        new_stage, new_step = after[j]
        subject = _name(j + 1, new_step)
        if old_step.title != new_step.title:
            changes.append(
                Change("step-renamed", subject, old_step.title, new_step.title, stage=new_stage, step=new_step.id)
            )
        if old_stage != new_stage or index not in in_order:
            moved = (f"{old_stage} #{i + 1}", f"{new_stage} #{j + 1}")
            changes.append(Change("step-moved", subject, *moved, stage=new_stage, step=new_step.id))
        changes.extend(_step_changes(old_step, new_step, subject, new_stage))
    changes.extend(
        Change("step-added", _name(j + 1, after[j][1]), after=after[j][0], stage=after[j][0], step=after[j][1].id)
        for j in found
    )
    changes.extend(
        Change(
            "step-removed", _name(i + 1, before[i][1]), before=before[i][0], stage=before[i][0], step=before[i][1].id
        )
        for i in lost
    )
    return result if changes or status == "renamed" else None


def diff_personas(old: Persona | None, new: Persona | None, *, path: str, old_path: str = "") -> JourneyDiff | None:
    """Changes to a persona file: added, removed, renamed, or which fields changed."""
    if old is None and new is None:
        return None
    if old is None:
        assert new is not None
        return JourneyDiff(path, new.name, "added", changes=[Change("persona-added", after=new.name)])
    if new is None:
        return JourneyDiff(path, old.name, "removed", changes=[Change("persona-removed", before=old.name)])
    status = "renamed" if old_path and old_path != path else "changed"
    result = JourneyDiff(path, new.name, status, old_path=old_path if status == "renamed" else "")
    for key in (
        "name",
        "role",
        "quote",
        "age",
        "location",
        "segment",
        "photo",
        "goals",
        "needs",
        "frustrations",
        "behaviours",
        "channels",
        "narrative",
    ):
        before, after = getattr(old, key), getattr(new, key)
        if before != after:
            if isinstance(before, tuple):
                before, after = " | ".join(before), " | ".join(after)
            result.changes.append(Change(f"persona:{key}", "", str(before), str(after)))
    return result if result.changes or status == "renamed" else None


_SUMMARY = (
    ("journey-added", "journey created", "journey created"),
    ("feeling-down", "feeling worse at {n} step", "feeling worse at {n} steps"),
    ("feeling-up", "feeling better at {n} step", "feeling better at {n} steps"),
    ("pain-added", "{n} new pain point", "{n} new pain points"),
    ("pain-resolved", "{n} pain point resolved", "{n} pain points resolved"),
    ("step-added", "{n} step added", "{n} steps added"),
    ("step-removed", "{n} step removed", "{n} steps removed"),
    ("step-moved", "{n} step moved", "{n} steps moved"),
    ("step-renamed", "{n} step renamed", "{n} steps renamed"),
    ("owner", "{n} new owner", "{n} new owners"),
    ("stage-added", "{n} stage added", "{n} stages added"),
    ("stage-removed", "{n} stage removed", "{n} stages removed"),
    ("reviewed", "validated again", "validated again"),
)


def summarise(diff: JourneyDiff | None) -> str:
    """One line a reader can scan: ``feeling worse at 2 steps, 1 new pain point``."""
    if diff is None:
        return "no change to the journey's content"
    counts: dict[str, int] = {}
    for change in diff.changes:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    parts = [
        (one if counts[kind] == 1 else many).format(n=counts[kind]) for kind, one, many in _SUMMARY if kind in counts
    ]
    others = sum(n for kind, n in counts.items() if kind not in {k for k, _, _ in _SUMMARY})
    if others:
        parts.append(f"{others} other change{'s' if others != 1 else ''}")
    return ", ".join(parts) or "no change to the journey's content"


def visual_diff(old: Journey, new: Journey) -> tuple[Journey, dict[str, str], dict[str, set[str]]]:
    """The new journey with removed steps put back as ghosts, each step's status, and
    which map lanes of each step changed — what a visual diff map draws."""
    from dataclasses import replace

    before, after = _positions(old), _positions(new)
    pairs, lost, found = _match_steps(old, new)
    in_order = _longest_increasing([i for i, _ in pairs])
    status: dict[str, str] = {after[j][1].id: "added" for j in found}
    changed: dict[str, set[str]] = {}
    for index, (i, j) in enumerate(pairs):
        (old_stage, old_step), (new_stage, new_step) = before[i], after[j]
        lanes = {
            MAP_ROW_OF[lane.key]
            for lane in (*old_step.lanes, *new_step.lanes)
            if old_step.values(lane.key) != new_step.values(lane.key) and lane.key in MAP_ROW_OF
        }
        if "feeling" in lanes:
            lanes.add("steps")  # the curve has no cell to outline: the step's header says it changed
        if old_step.title != new_step.title:
            lanes.add("steps")
            status[new_step.id] = "renamed"
        if old_stage != new_stage or index not in in_order:
            status[new_step.id] = "moved"
        if lanes:
            changed[new_step.id] = lanes
            status.setdefault(new_step.id, "changed")
    # Ghost columns: each removed step goes back after the step that preceded it before.
    stages = {stage.id: list(stage.steps) for stage in new.stages}
    used = {step.id for _, step in after}
    for i in lost:
        stage_id, step = before[i]
        ghost_id = step.id if step.id not in used else f"removed-{step.id}"
        used.add(ghost_id)
        ghost = replace(step, id=ghost_id)
        status[ghost_id] = "removed"
        target = stage_id if stage_id in stages else (new.stages[-1].id if new.stages else stage_id)
        steps = stages.setdefault(target, [])
        previous = before[i - 1][1].id if i > 0 else None
        position = next((k + 1 for k, s in enumerate(steps) if s.id == previous), 0 if previous is None else len(steps))
        steps.insert(position, ghost)
    known = {stage.id for stage in new.stages}
    extra = [replace(stage, steps=()) for stage in old.stages if stage.id in stages and stage.id not in known]
    merged = tuple(replace(stage, steps=tuple(stages[stage.id])) for stage in (*new.stages, *extra))
    return replace(new, stages=merged), status, changed
