"""Where a run's time went, from Dagster's own events: each step's duration, and the rest."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dagster import DagsterEventType, DagsterInstance


@dataclass(frozen=True)
class RunTimings:
    steps: dict[str, float]  # step key -> seconds between its start and its end
    run_seconds: float  # from the run's start event to its end event

    @property
    def outside_steps(self) -> float:
        """The run's time not spent in steps: Dagster's planning, events and hand-overs."""
        return max(0.0, self.run_seconds - sum(self.steps.values()))


_STEP_ENDS = (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE)


def run_timings(instance: DagsterInstance, run_id: str) -> RunTimings:
    started: dict[str, float] = {}
    steps: dict[str, float] = defaultdict(float)
    first = last = None
    for record in instance.all_logs(run_id):
        event = record.dagster_event
        if event is None:
            continue
        first = record.timestamp if first is None else first
        last = record.timestamp
        step = event.step_key
        if event.event_type == DagsterEventType.STEP_START and step:
            started[step] = record.timestamp
        elif event.event_type in _STEP_ENDS and step in started:
            steps[step] += record.timestamp - started.pop(step)
    return RunTimings(dict(steps), (last or 0.0) - (first or 0.0))


def timing_table(timings: list[RunTimings], rows: int = 12) -> str:
    """The slowest steps over the runs, and the time outside steps, as text."""
    total: dict[str, float] = defaultdict(float)
    for run in timings:
        for step, seconds in run.steps.items():
            total[step] += seconds
    slowest = sorted(total.items(), key=lambda item: -item[1])
    lines = [f"{seconds:7.2f} s  {step}" for step, seconds in slowest[:rows]]
    rest = sum(seconds for _, seconds in slowest[rows:])
    lines.append(f"{rest:7.2f} s  {len(slowest) - rows} other steps" if rest else "")
    outside = sum(run.outside_steps for run in timings)
    lines.append(f"{outside:7.2f} s  Dagster between steps (planning, events)")
    return "\n".join(line for line in lines if line)
