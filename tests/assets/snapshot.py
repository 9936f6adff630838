"""The asset graph as text: every asset with its group, partitions, kinds, inputs and partition
mappings, description and config fields; every check; the jobs, schedules and sensors. A change
to the wiring shows in review as a change to tests/assets/definitions.snapshot.txt.

Write it again after an intended change: ``python -m tests.assets.snapshot``."""

from __future__ import annotations

from pathlib import Path

from dagster import Definitions

SNAPSHOT = Path(__file__).with_name("definitions.snapshot.txt")


def _mapping(graph, key, parent) -> str:
    mapping = graph.get_partition_mapping(key, parent)
    offset = getattr(mapping, "start_offset", None)
    return type(mapping).__name__ + (f" start_offset={offset}" if offset is not None else "")


def _config_fields(node) -> list[str]:
    schema = node.assets_def.node_def.config_schema
    if schema is None:
        return []
    return sorted(getattr(schema.as_field().config_type, "fields", None) or {})


def describe(defs: Definitions) -> str:
    graph = defs.resolve_asset_graph()
    lines = []
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        partitions = type(node.partitions_def).__name__ if node.partitions_def else "none"
        policy = node.backfill_policy
        backfill = policy.policy_type.value if policy else "none"
        lines.append(
            f"asset {key.to_user_string()} group={node.group_name} partitions={partitions} "
            f"backfill={backfill} "
            f"kinds={','.join(sorted(node.kinds))} pools={','.join(sorted(node.pools or []))} "
            f"config={','.join(_config_fields(node))}"
        )
        for parent in sorted(node.parent_keys, key=lambda k: k.to_user_string()):
            lines.append(f"  input {parent.to_user_string()} {_mapping(graph, key, parent)}")
        lines.append(f"  description {node.description or ''}")
    for check_key in sorted(graph.asset_check_keys, key=lambda c: c.to_user_string()):
        check = graph.get(check_key)
        lines.append(f"check {check_key.to_user_string()} blocking={check.blocking}")
    lines += [f"job {job.name}" for job in sorted(defs.jobs or [], key=lambda j: j.name)]
    lines += [
        f"schedule {s.name} {s.cron_schedule} {s.execution_timezone}" for s in defs.schedules or []
    ]
    lines += [f"sensor {s.name}" for s in defs.sensors or []]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    from pipeline.definitions import defs

    SNAPSHOT.write_text(describe(defs), encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
