; Inno Setup script for the Windows installer. On Windows, build the bundle first from the project's
; virtualenv (`pyinstaller installer\frontdesk.spec` makes dist\FrontDesk with FrontDesk.exe, the window,
; and frontdesk-cli.exe, the command line), then `iscc installer\frontdesk.iss`.
; The version is pyproject.toml's: its [project] version read as an INI key (Windows drops the quotes);
; `iscc /DAppVersion=X` overrides it. The AppId never changes, so upgrades replace the old version.
; The database, backups, settings and logs live in each user's AppData folder, never under {app}: the
; uninstaller removes the program only (no [UninstallDelete] section, on purpose).
#ifndef AppVersion
  #define AppVersion ReadIni(AddBackslash(SourcePath) + "..\pyproject.toml", "project", "version", "")
#endif
#if AppVersion == ""
  #error No version: pyproject.toml has no [project] version
#endif

[Setup]
AppId={{5E0C2F7A-3B1D-4F0E-9A4C-FD0C1A2B3C4D}
AppName=FrontDesk
AppVersion={#AppVersion}
AppPublisher=FrontDesk
DefaultDirName={autopf}\FrontDesk
DefaultGroupName=FrontDesk
PrivilegesRequired=admin
OutputBaseFilename=FrontDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\frontdesk.ico
UninstallDisplayIcon={app}\FrontDesk.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
; The whole bundle: FrontDesk.exe and, beside it, frontdesk-cli.exe sharing its _internal folder.
Source: "..\dist\FrontDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\FrontDesk"; Filename: "{app}\FrontDesk.exe"
Name: "{group}\FrontDesk (ligne de commande)"; Filename: "{cmd}"; Parameters: "/k ""{app}\frontdesk-cli.exe"" --help"; WorkingDir: "{userdocs}"; IconFilename: "{app}\frontdesk-cli.exe"
Name: "{autodesktop}\FrontDesk"; Filename: "{app}\FrontDesk.exe"

[Run]
Filename: "{app}\FrontDesk.exe"; Description: "{cm:LaunchProgram,FrontDesk}"; Flags: nowait postinstall skipifsilent
