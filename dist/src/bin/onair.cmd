@echo off
rem OnAir @project.version@ for Windows: runs lib\onair.jar with a Java 17 or later.
rem   bin\onair.cmd --help                  every command
rem   bin\onair.cmd publisher setup         first run on the work PC
rem Environment: JAVA_HOME (a Java 17+), ONAIR_JAVA_OPTS (JVM flags instead of the ones below), ONAIR_* (any option).
setlocal
set "ONAIR_HOME=%~dp0.."

rem Java discovery (JAVA_HOME, PATH, the Temurin and Microsoft install folders) is in lib\find-java.cmd.
call "%ONAIR_HOME%\lib\find-java.cmd"
if errorlevel 1 exit /b 1

rem The JVM flags the build filled in from the parent pom: the publisher's are also the ones that
rem "onair publisher install" writes into the Task Scheduler task (bench/README.md, "Publisher idle").
set "opts="
if /i "%~1"=="publisher" set "opts=@onair.publisher.jvm.flags@"
if /i "%~1"=="set" set "opts=@onair.publisher.jvm.flags@"
if /i "%~1"=="pi" set "opts=@onair.pi.jvm.flags@"
if defined ONAIR_JAVA_OPTS set "opts=%ONAIR_JAVA_OPTS%"

"%ONAIR_JAVA%" %opts% -jar "%ONAIR_HOME%\lib\onair.jar" %*
exit /b %ERRORLEVEL%
