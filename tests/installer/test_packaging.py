"""The packaging files agree with each other and with pyproject.toml, without building anything (a Windows
installer cannot be built on Linux; scripts/check_bundle.py starts a real Linux build in CI).

The PyInstaller spec and the Inno Setup script are read as text: two programs (the window and the
console one) in one folder, the version taken from pyproject.toml, the AppId unchanged, nothing of the
user's data removed at uninstall, the icon referenced and present. The Linux installer is run for real
into a scratch folder: the desktop entry's Exec and Icon name files it installed."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "frontdesk.spec"
ISS = INSTALLER / "frontdesk.iss"
DESKTOP_ENTRY = INSTALLER / "frontdesk.desktop"
#: Windows knows an installed program by this id: changing it would install a second FrontDesk beside
#: the first instead of upgrading it.
APP_ID = "{{5E0C2F7A-3B1D-4F0E-9A4C-FD0C1A2B3C4D}"


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


# ---------------------------------------------------------------- the PyInstaller spec


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def spec_constants(tree: ast.Module) -> dict[str, object]:
    """The spec's top-level NAME = literal assignments."""
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


def calls(tree: ast.Module, function: str) -> list[ast.Call]:
    """Every call of ``function`` in the spec, wherever it stands."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function
    ]


def keyword(call: ast.Call, name: str, constants: dict[str, object]) -> object:
    for argument in call.keywords:
        if argument.arg == name:
            if isinstance(argument.value, ast.Name) and argument.value.id in constants:
                return constants[argument.value.id]
            try:
                return ast.literal_eval(argument.value)
            except ValueError:
                return ast.unparse(argument.value)
    raise AssertionError(f"{name}= missing from {ast.unparse(call)}")


def spec_programs() -> dict[str, bool]:
    """Each executable the spec builds: its name and whether it has a console."""
    tree = spec_tree()
    constants = spec_constants(tree)
    programs = {}
    for call in calls(tree, "EXE"):
        name, console = keyword(call, "name", constants), keyword(call, "console", constants)
        assert isinstance(name, str) and isinstance(console, bool)
        programs[name] = console
    return programs


def test_the_spec_builds_a_windowed_and_a_console_program_into_one_folder():
    tree = spec_tree()
    programs = spec_programs()
    assert programs == {"FrontDesk": False, "frontdesk-cli": True}  # no console flashing behind the window

    text = SPEC.read_text(encoding="utf-8")
    # Both in the same folder, sharing its libraries; on Linux the console program is a link to the window's.
    assert "programs = [windowed, console] if console is not None else [windowed]" in text
    [collect] = calls(tree, "COLLECT")
    assert ast.unparse(collect.args[0]) == "*programs"
    assert keyword(collect, "name", spec_constants(tree)) == "FrontDesk"
    assert '(Path(DISTPATH) / "FrontDesk" / CONSOLE_NAME).symlink_to(WINDOWED_NAME)' in text


def test_the_spec_takes_its_version_from_pyproject():
    text = SPEC.read_text(encoding="utf-8")
    version_lines = [line for line in text.splitlines() if line.startswith("VERSION =")]
    assert len(version_lines) == 1
    assert "pyproject.toml" in version_lines[0] and '["project"]["version"]' in version_lines[0]
    assert f'"{project_version()}"' not in text  # no copy of it to forget at the next release


def test_every_program_of_the_spec_carries_the_icon_and_the_icon_is_there():
    tree = spec_tree()
    for call in calls(tree, "EXE"):
        assert keyword(call, "icon", spec_constants(tree)) == "str(ICON)"
    [icon_line] = [
        line for line in SPEC.read_text(encoding="utf-8").splitlines() if line.startswith("ICON =")
    ]
    assert '"resources" / "icons" / "frontdesk.ico"' in icon_line
    with Image.open(ROOT / "resources" / "icons" / "frontdesk.ico") as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(icon.info["sizes"])


def test_the_spec_leaves_out_no_qt_module_the_program_imports():
    constants = spec_constants(spec_tree())
    unused = constants["UNUSED_QT"]
    assert isinstance(unused, list) and unused
    imported = set()
    for tree in ("ui", "desktop"):
        for source in (ROOT / tree).rglob("*.py"):
            imported |= set(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    assert not imported & set(unused), "the bundle would lack a Qt module the program imports"


def test_the_bundle_carries_the_compiled_translations_and_the_icons():
    text = SPEC.read_text(encoding="utf-8")
    assert '(str(root / "resources"), "resources")' in text
    assert '"desktop" / "db" / "migrations"' in text
    assert (ROOT / "resources" / "translations" / "frontdesk_fr.qm").stat().st_size > 0
    for size in (16, 32, 48, 256):
        with Image.open(ROOT / "resources" / "icons" / f"frontdesk-{size}.png") as png:
            assert png.size == (size, size)


# ---------------------------------------------------------------- the Inno Setup script


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def setup_directives() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"])


def windows_ini_value(path: Path, section: str, key: str) -> str:
    """What Windows' GetPrivateProfileString (Inno Setup's ReadIni) answers: the key's value in that
    section, blanks trimmed, and one pair of enclosing quotes dropped."""
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("[") and "]" in line:
            current = line[1 : line.index("]")].strip()
        elif current == section and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            if name.lower() == key.lower():
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                return value
    return ""


def test_the_installer_keeps_its_app_id_and_installs_per_machine():
    setup = setup_directives()
    assert setup["AppId"] == APP_ID
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"] == r"{autopf}\FrontDesk"
    assert setup["DefaultGroupName"] == "FrontDesk"


def test_the_installer_version_is_read_from_pyproject():
    preamble = iss_sections()[""]
    [define] = [line for line in preamble if line.startswith("#define AppVersion")]
    match = re.fullmatch(
        r'#define AppVersion ReadIni\(AddBackslash\(SourcePath\) \+ "([^"]+)", "(\w+)", "(\w+)", ""\)', define
    )
    assert match, define
    relative, section, key = match.groups()
    pyproject = (INSTALLER / relative.replace("\\", "/")).resolve()
    assert pyproject == ROOT / "pyproject.toml"
    assert windows_ini_value(pyproject, section, key) == project_version()
    setup = setup_directives()
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]


def test_the_installer_installs_both_programs_with_the_icon():
    sections = iss_sections()
    [files] = sections["Files"]
    assert files.startswith(r'Source: "..\dist\FrontDesk\*"') and "recursesubdirs" in files
    icons = "\n".join(sections["Icons"])
    programs = spec_programs()
    for name in programs:
        assert rf"{{app}}\{name}.exe" in icons, name  # both are in the folder [Files] copies
    assert r'Name: "{group}\FrontDesk"; Filename: "{app}\FrontDesk.exe"' in icons  # the Start menu entry
    setup = setup_directives()
    assert (
        INSTALLER / setup["SetupIconFile"].replace("\\", "/")
    ).resolve() == ROOT / "resources/icons/frontdesk.ico"
    assert setup["UninstallDisplayIcon"] == r"{app}\FrontDesk.exe"


def test_uninstalling_removes_nothing_of_the_users_data():
    sections = iss_sections()
    assert not {"UninstallDelete", "InstallDelete", "UninstallRun"} & set(sections)
    text = ISS.read_text(encoding="utf-8").lower()
    for folder in ("{localappdata}", "{userappdata}", "{commonappdata}", "{app}\\data"):
        assert folder not in text


# ---------------------------------------------------------------- the Linux desktop entry


def test_the_desktop_entry_starts_the_installed_bundle_with_its_icon(tmp_path: Path):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_ENTRY, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert Path(desktop["Exec"]).name in spec_programs()
    assert spec_programs()[Path(desktop["Exec"]).name] is False  # the window, not the console program

    # A bundle as scripts/build.sh lays it out, holding the committed icons, installed for real.
    bundle = tmp_path / "FrontDesk"
    shutil.copytree(ROOT / "resources" / "icons", bundle / "_internal" / "resources" / "icons")
    for name in spec_programs():
        program = bundle / name
        program.write_text("#!/bin/sh\n")
        program.chmod(0o755)
    root = tmp_path / "root"
    done = subprocess.run(
        [str(INSTALLER / "install-linux.sh"), str(bundle)],
        env={**os.environ, "DESTDIR": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr

    installed = root / desktop["Exec"].lstrip("/")
    assert installed.is_file() and os.access(installed, os.X_OK)
    applications = root / "usr/local/share/applications"
    assert (applications / DESKTOP_ENTRY.name).read_bytes() == DESKTOP_ENTRY.read_bytes()
    for size in (16, 32, 48, 256):
        icon = root / f"usr/local/share/icons/hicolor/{size}x{size}/apps/{desktop['Icon']}.png"
        with Image.open(icon) as png:
            assert png.size == (size, size)
    command = root / "usr/local/bin/frontdesk"
    assert os.readlink(command) == str(Path(desktop["Exec"]).parent / "frontdesk-cli")


def test_the_linux_installer_refuses_a_missing_bundle(tmp_path: Path):
    done = subprocess.run(
        [str(INSTALLER / "install-linux.sh"), str(tmp_path / "nothing")],
        env={**os.environ, "DESTDIR": str(tmp_path / "root")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "build it first with scripts/build.sh" in done.stderr
    assert not (tmp_path / "root").exists()


@pytest.mark.usefixtures("qapp")
def test_the_window_carries_the_application_icon():
    from ui.shell.app import create_application

    app = create_application()
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {16, 32, 48, 256} <= {size.width() for size in icon.availableSizes()}
    assert app.desktopFileName() == Path(DESKTOP_ENTRY).stem  # Wayland finds the entry, and its icon, by it
