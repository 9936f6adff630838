"""A layer's assets and checks, loaded from its folder under its one key prefix.

``assets/<layer>/__init__.py`` names the layer once (``LAYER``); the modules in the folder name
their own assets without it and name other layers' assets in full. The prefix is the folder's
name, the ``sql/<layer>/`` folder and the DuckDB schema.
"""

from __future__ import annotations

from types import ModuleType

from dagster import (
    AssetChecksDefinition,
    AssetsDefinition,
    load_asset_checks_from_package_module,
    load_assets_from_package_module,
)


def layer_name(package: ModuleType) -> str:
    """The layer a package of assets declares, checked to be its folder's name."""
    layer = getattr(package, "LAYER", None)
    folder = package.__name__.rsplit(".", 1)[-1]
    if layer != folder:
        raise ValueError(f"{package.__name__} declares LAYER={layer!r}; its folder is {folder!r}")
    return folder


def load_layer(package: ModuleType) -> tuple[list[AssetsDefinition], list[AssetChecksDefinition]]:
    """Every asset and asset check defined in the package's modules, under the layer's prefix."""
    layer = layer_name(package)
    assets = load_assets_from_package_module(package, key_prefix=layer)
    checks = load_asset_checks_from_package_module(package, asset_key_prefix=layer)
    return [a for a in assets if isinstance(a, AssetsDefinition)], list(checks)
