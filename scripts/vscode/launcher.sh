#!/bin/sh
# Executable stand-in for VS Code, given to @vscode/test-electron runTests({ vscodeExecutablePath }).
exec node "$(dirname "$0")/launcher.mjs" "$@"
