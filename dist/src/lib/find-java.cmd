@echo off
rem Finds a Java 17 or later for OnAir on Windows and sets ONAIR_JAVA to its java.exe, for bin\onair.cmd.
rem Exit code 0 when found; 1, with one line to install Temurin 17 through winget, when not.
rem
rem Where it looks, in this order (the first Java 17 or later wins):
rem   1. %JAVA_HOME%\bin\java.exe
rem   2. java.exe on the PATH (where.exe lists each one)
rem   3. the folders the installers use, for Java 17 and any later version:
rem        Eclipse Temurin (Adoptium):  %ProgramFiles%\Eclipse Adoptium\jdk-17* and jre-17* (jdk-21*, jre-25*, ...)
rem                                     %LOCALAPPDATA%\Programs\Eclipse Adoptium\jdk-* and jre-* (a per-user install)
rem        Microsoft Build of OpenJDK:  %ProgramFiles%\Microsoft\jdk-17* (jdk-21*, ...)
rem A candidate counts only when its java.specification.version is 17 or more (an old Java 8 on the PATH is skipped).
rem No file is written and nothing is installed here.

setlocal EnableDelayedExpansion
set "found="

if defined JAVA_HOME call :try "%JAVA_HOME%\bin\java.exe"

if not defined found (
  for /f "delims=" %%j in ('where java.exe 2^>nul') do (
    if not defined found call :try "%%~j"
  )
)

rem "for /d" expands the wildcards to the installed folders, sorted by name; jdk-* and jre-* cover 17 and later.
if not defined found (
  for /d %%d in ("%ProgramFiles%\Eclipse Adoptium\jdk-*" "%ProgramFiles%\Eclipse Adoptium\jre-*" "%LOCALAPPDATA%\Programs\Eclipse Adoptium\jdk-*" "%LOCALAPPDATA%\Programs\Eclipse Adoptium\jre-*" "%ProgramFiles%\Microsoft\jdk-*") do (
    if not defined found call :try "%%~d\bin\java.exe"
  )
)

if not defined found (
  echo onair: no Java 17 or later found in JAVA_HOME, on the PATH, or in the Eclipse Adoptium and Microsoft folders. Install one with: 1>&2
  echo winget install --id EclipseAdoptium.Temurin.17.JRE -e 1>&2
  endlocal
  exit /b 1
)
endlocal & set "ONAIR_JAVA=%found%"
exit /b 0

rem :try "C:\path\to\java.exe" sets found when that file exists and is Java 17 or later.
:try
if not exist "%~1" exit /b 0
set "spec="
rem -XShowSettings prints "    java.specification.version = 17" (or "1.8" for Java 8) among the properties, on stderr.
for /f "tokens=2 delims==" %%v in ('^""%~1" -XshowSettings:properties -version 2^>^&1 ^| findstr /c:"java.specification.version"^"') do set "spec=%%v"
if not defined spec exit /b 0
set "spec=!spec: =!"
for /f "tokens=1 delims=." %%m in ("!spec!") do set "major=%%m"
if !major! GEQ 17 set "found=%~1"
exit /b 0
