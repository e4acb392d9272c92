import importlib.metadata
import re

import bestvalue


def test_the_version_comes_from_cmakelists_everywhere(root):
    cmake = (root / "CMakeLists.txt").read_text(encoding="utf-8")
    declared = re.search(r"project\(bestvalue VERSION ([0-9.]+)", cmake).group(1)
    assert bestvalue.__version__ == declared
    assert importlib.metadata.version("bestvalue") == declared
