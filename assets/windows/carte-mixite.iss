; The Windows installer of Carte Mixité (Inno Setup 6), built by the release workflow:
;   ISCC.exe /DVersion=0.1.0 /DSource=<checkout> assets\windows\carte-mixite.iss
; It installs for the current user (no administrator rights needed), adds a Start menu entry,
; and makes a double click on a .cartemixite project open it.
#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef Source
  #define Source "..\.."
#endif

[Setup]
AppId={{8C0E5E0B-3E4B-4C55-9A2B-CA57E0C0A1E7}
AppName=Carte Mixité
AppVersion={#Version}
AppPublisher=Carte Mixité
DefaultDirName={autopf}\Carte Mixite
DefaultGroupName=Carte Mixité
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#Source}\dist
OutputBaseFilename=carte-mixite-{#Version}-windows-setup
SetupIconFile={#Source}\assets\windows\carte-mixite.ico
UninstallDisplayIcon={app}\carte-mixite.exe
ChangesAssociations=yes
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
LicenseFile={#Source}\LICENSE

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Source}\target\download\carte-mixite.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Source}\assets\windows\carte-mixite.ico"; DestDir: "{app}"
Source: "{#Source}\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"
Source: "{#Source}\assets\fonts\LICENSE-DejaVu.txt"; DestDir: "{app}"
Source: "{#Source}\README.md"; DestDir: "{app}"

[Icons]
Name: "{group}\Carte Mixité"; Filename: "{app}\carte-mixite.exe"; IconFilename: "{app}\carte-mixite.ico"
Name: "{autodesktop}\Carte Mixité"; Filename: "{app}\carte-mixite.exe"; IconFilename: "{app}\carte-mixite.ico"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
; the .cartemixite file type, opened by a double click
Root: HKA; Subkey: "Software\Classes\.cartemixite"; ValueType: string; ValueName: ""; ValueData: "CarteMixite.Project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\CarteMixite.Project"; ValueType: string; ValueName: ""; ValueData: "Projet Carte Mixité"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\CarteMixite.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\carte-mixite.ico"
Root: HKA; Subkey: "Software\Classes\CarteMixite.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\carte-mixite.exe"" ""%1"""

[Run]
Filename: "{app}\carte-mixite.exe"; Description: "{cm:LaunchProgram,Carte Mixité}"; Flags: nowait postinstall skipifsilent
