"""sql/reference/*.sql: the harm weight sets, given and derived (harm matrix, statutory maxima)."""

from __future__ import annotations

from .reference_queries import scalar


def test_real_harm_weight_sets_cover_every_phenomenon_once(real):
    sets = {
        row[0]
        for row in real.execute("select weight_set from reference.harm_weight_sets").fetchall()
    }
    assert {"default_v0", "paoli_greenfield_v1", "statutory_maximum_v1"} <= sets
    missing = real.execute(
        "select s.weight_set, p.phenomenon_code "
        "from (select distinct weight_set from reference.harm_weight_sets) as s "
        "cross join reference.phenomena as p "
        "anti join reference.harm_weight_sets as w using (weight_set, phenomenon_code)"
    ).fetchall()
    assert missing == []
    assert (
        real.execute(
            "select weight_set, phenomenon_code from reference.harm_weight_sets "
            "group by all having count(*) > 1 or min(weight) <= 0"
        ).fetchall()
        == []
    )
    # Every phenomenon is rated for each of the four bearers, on the scale's levels.
    assert (
        real.execute(
            "select phenomenon_code, list(bearer order by bearer) from reference.harm_matrix "
            "group by 1 having list(bearer order by bearer) <> "
            "['businesses', 'environment', 'government', 'individuals']"
        ).fetchall()
        == []
    )
    assert (
        real.execute(
            "select severity from reference.harm_matrix "
            "where severity not in (select severity from reference.harm_severity_scale)"
        ).fetchall()
        == []
    )
    assert scalar(
        real, "select count(*) from reference.harm_weights where weight_set = 'default_v0'"
    ) == scalar(real, "select count(*) from reference.phenomena")


def test_the_derived_weight_sets_follow_their_rules(warehouse):
    got = warehouse.execute(
        "select weight_set, phenomenon_code, weight, method from reference.harm_weight_sets "
        "where weight_set <> 'alt_v1' and weight_set <> 'default_v0' order by all"
    ).fetchall()
    assert got == [
        # harm matrix: fraud moderate (2) to businesses + serious (4) to individuals = 6;
        # violence none (0) + catastrophic (16) = 16
        ("paoli_greenfield_v1", "fraud", 6.0, "harm_matrix"),
        ("paoli_greenfield_v1", "violence", 16.0, "harm_matrix"),
        # statutory maximum in days: 4 years and 15 years; Sr 225 represents nothing
        ("statutory_maximum_v1", "fraud", 4 * 365.0, "statutory_maximum"),
        ("statutory_maximum_v1", "violence", 15 * 365.0, "statutory_maximum"),
    ]
    rationale = warehouse.execute(
        "select rationale from reference.harm_weight_sets "
        "where weight_set = 'statutory_maximum_v1' order by phenomenon_code"
    ).fetchall()
    assert rationale == [("Sr art. 326: 4.0 years",), ("Sr art. 287: 15.0 years (UNVERIFIED)",)]
    # The given sets pass through unchanged.
    assert scalar(
        warehouse, "select count(*) from reference.harm_weight_sets where method = 'given'"
    ) == scalar(warehouse, "select count(*) from reference.harm_weights")
