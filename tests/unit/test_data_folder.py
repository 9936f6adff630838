"""Only files inside the data folder are read: links out of it are refused by name."""

from pathlib import Path

import pytest

from pipeline.domain.files.data_folder import inside_data_folder
from pipeline.domain.files.delimited_files import UnreadableFile
from pipeline.domain.files.sources import find_policy_file


def test_a_file_and_a_link_within_the_folder_are_read(tmp_path: Path):
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    real = data / "raw" / "a.csv"
    real.write_text("x\n")
    link = data / "raw" / "b.csv"
    link.symlink_to(real)
    assert inside_data_folder(real, data) == real
    assert inside_data_folder(link, data) == link


@pytest.mark.parametrize("how", ["link", "dot-dot"])
def test_a_path_leaving_the_folder_is_refused_naming_it_not_its_target(tmp_path: Path, how):
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0\n")
    if how == "link":
        path = data / "raw" / "83648NED_2025.csv"
        path.symlink_to(secret)
    else:
        path = data / "raw" / ".." / ".." / "passwd"
    with pytest.raises(UnreadableFile, match="outside the data folder") as refused:
        inside_data_folder(path, data)
    assert "root:x" not in str(refused.value) and str(secret) not in str(refused.value)


def test_a_policy_list_linked_from_elsewhere_is_refused(tmp_path: Path):
    data = tmp_path / "data"
    (data / "raw" / "policy").mkdir(parents=True)
    elsewhere = tmp_path / "list.csv"
    elsewhere.write_text("municipality_code\nGM0363\n")
    (data / "raw" / "policy" / "preventie_met_gezag.csv").symlink_to(elsewhere)
    with pytest.raises(UnreadableFile, match="outside the data folder"):
        find_policy_file(data, "preventie_met_gezag")
