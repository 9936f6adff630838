"""Layers as folders: assets/<layer>/ names its layer once, every asset it defines carries that
prefix, and the whole asset graph matches its snapshot."""

import importlib
import types

import pytest

from pipeline.definitions import defs
from pipeline.plumbing.layers import layer_name, load_layer
from pipeline.plumbing.sql_runner import SQL_DIR
from tests.assets.snapshot import SNAPSHOT, describe

LAYERS = ("reference", "raw", "staging", "indicators", "report")


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_folder_is_its_key_prefix_and_its_sql_folder(layer):
    package = importlib.import_module(f"assets.{layer}")
    assert layer_name(package) == layer
    assert (SQL_DIR / layer).is_dir()
    layer_assets, layer_checks = load_layer(package)
    assert layer_assets
    assert {key.path[0] for a in layer_assets for key in a.keys} == {layer}
    # A check guards an asset of its own layer.
    assert {key.asset_key.path[0] for c in layer_checks for key in c.check_keys} <= {layer}


def test_every_asset_of_the_definitions_comes_from_its_layer_folder():
    prefixes = {key.path[0] for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert prefixes == set(LAYERS)


def test_a_package_whose_layer_is_not_its_folder_is_refused():
    package = types.ModuleType("assets.staging")
    package.LAYER = "stage"
    with pytest.raises(ValueError, match="declares LAYER='stage'; its folder is 'staging'"):
        layer_name(package)


def test_the_asset_graph_matches_its_snapshot():
    # After an intended change: python -m tests.assets.snapshot, and review the diff.
    assert describe(defs) == SNAPSHOT.read_text(encoding="utf-8")
