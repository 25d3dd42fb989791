; Inno Setup script for the Windows installer: build with PyInstaller first (dist\FrontDesk),
; then `iscc installer\frontdesk.iss`. The AppId never changes, so upgrades replace the old version.
#define AppVersion "0.1.0"

[Setup]
AppId={{5E0C2F7A-3B1D-4F0E-9A4C-FD0C1A2B3C4D}
AppName=FrontDesk
AppVersion={#AppVersion}
AppPublisher=FrontDesk
DefaultDirName={autopf}\FrontDesk
DefaultGroupName=FrontDesk
PrivilegesRequired=admin
OutputBaseFilename=FrontDesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\FrontDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\FrontDesk"; Filename: "{app}\FrontDesk.exe"
Name: "{autodesktop}\FrontDesk"; Filename: "{app}\FrontDesk.exe"

[Run]
Filename: "{app}\FrontDesk.exe"; Description: "{cm:LaunchProgram,FrontDesk}"; Flags: nowait postinstall skipifsilent
