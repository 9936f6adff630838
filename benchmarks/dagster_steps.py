"""A run's time per asset, from Dagster's own events (pipeline/plumbing/run_timings.py), with each
step named by the asset or check it ran (a step key alone, ``financial``, does not say which)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunSummary:
    run_id: str
    started: float  # epoch seconds of the run's first event
    seconds: float  # first event to last
    steps: dict[str, float]  # asset or check name -> seconds

    def to_json(self) -> dict:
        return {
            "run_id": self.run_id,
            "started": self.started,
            "seconds": self.seconds,
            "steps": self.steps,
        }


def step_names(instance, run_id: str) -> dict[str, str]:
    """Step key -> ``layer/asset`` (or ``layer/asset:check``) from the run's events."""
    from dagster import DagsterEventType

    names: dict[str, str] = {}
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None or not event.step_key:
            continue
        if event.event_type == DagsterEventType.ASSET_MATERIALIZATION and event.asset_key:
            names.setdefault(event.step_key, event.asset_key.to_user_string())
        elif event.event_type == DagsterEventType.ASSET_CHECK_EVALUATION:
            key = event.asset_check_evaluation_data.asset_check_key
            names.setdefault(event.step_key, key.to_user_string())
    return names


def step_windows(instance, run_id: str) -> dict[str, tuple[float, float]]:
    """Step name -> (start, end) in epoch seconds, from the step's start and end events."""
    from dagster import DagsterEventType

    names = step_names(instance, run_id)
    started: dict[str, float] = {}
    windows: dict[str, tuple[float, float]] = {}
    ends = (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE)
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None or not event.step_key:
            continue
        if event.event_type == DagsterEventType.STEP_START:
            started[event.step_key] = record.timestamp
        elif event.event_type in ends and event.step_key in started:
            name = names.get(event.step_key, event.step_key)
            windows[name] = (started.pop(event.step_key), record.timestamp)
    return windows


def summarise_run(instance, run_id: str) -> RunSummary:
    from pipeline.plumbing.run_timings import run_timings

    timings = run_timings(instance, run_id)
    names = step_names(instance, run_id)
    first = next(
        (r.timestamp for r in instance.all_logs(run_id) if r.dagster_event is not None), 0.0
    )
    steps = {names.get(step, step): seconds for step, seconds in timings.steps.items()}
    return RunSummary(run_id, first, timings.run_seconds, steps)


def slowest_steps(steps: dict[str, float], count: int = 8) -> list[tuple[str, float]]:
    """The ``count`` slowest steps, then the rest summed as one line."""
    ordered = sorted(steps.items(), key=lambda item: -item[1])
    rest = ordered[count:]
    shown = ordered[:count]
    if rest:
        shown.append((f"{len(rest)} other steps", sum(seconds for _, seconds in rest)))
    return shown
