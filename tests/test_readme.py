"""Every setting camket reads from the environment, and every `camket` command it defines, is
documented in README.md (settings in the "Configuration (environment variables)" table)."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "camket"
README = (ROOT / "README.md").read_text(encoding="utf-8")
ENV_HELPERS = {"env_str", "env_int", "env_bool", "env_list"}


def _name_of(node: ast.expr) -> str:
    """`os.environ.get` → "os.environ.get", `env_str` → "env_str" (other callees: "")."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _name_of(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _first_string(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def environment_variables_read(source: str) -> set[str]:
    """Names read through the env helpers, `os.environ.get`, `os.getenv` or `os.environ[…]`."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            callee = _name_of(node.func)
            if callee.split(".")[-1] in ENV_HELPERS or callee.endswith(("environ.get", "getenv")):
                name = _first_string(node)
                if name:
                    found.add(name)
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and _name_of(node.value).endswith("environ")
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            found.add(node.slice.value)
    return found


def camket_settings() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "env" in source:  # parse only files that may read the environment
            found |= environment_variables_read(source)
    return found


def camket_commands() -> set[str]:
    return {
        path.stem
        for path in PACKAGE.glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    }


def configuration_table() -> str:
    start = README.index("## Configuration (environment variables)")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def test_the_scanner_finds_each_kind_of_read():
    source = (
        'import os\nfrom os import environ\nA = env_int("A_INT", 1)\nB = os.environ.get("B_GET")\n'
        'C = os.getenv("C_GETENV")\nD = environ["D_ITEM"]\nos.environ.setdefault("NOT_READ", "x")\n'
    )
    assert environment_variables_read(source) == {"A_INT", "B_GET", "C_GETENV", "D_ITEM"}


def test_every_setting_read_from_the_environment_is_in_the_configuration_table():
    settings = camket_settings()
    assert {"CAMKET_DATA_DIR", "DATABASE_URL", "CAMKET_SECRET_KEY"} <= settings
    table = configuration_table()
    missing = sorted(name for name in settings if f"`{name}`" not in table)
    assert not missing, f"add these to README.md's configuration table: {missing}"


def test_every_camket_command_is_in_the_readme():
    commands = camket_commands()
    assert {"demo", "import", "remind"} <= commands
    missing = sorted(
        name for name in commands if not re.search(rf"camket {re.escape(name)}\b", README)
    )
    assert not missing, f"document these commands in README.md as `camket NAME`: {missing}"
