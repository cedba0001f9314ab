#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when translations/*.ts would change under `cmake --build . --target update_translations`:
# the committed .ts files must list every tr() string of the sources.
set -euo pipefail
build_dir=$1
source_dir=$2
lupdate=$3
generator=$4

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cmake -DIN_FILE="$build_dir/app/.lupdate/stagecraft_project.cmake" \
      -DOUT_FILE="$tmp/project.json" -P "$generator" >/dev/null
status=0
for ts in "$source_dir"/translations/stagecraft_*.ts; do
    copy="$tmp/$(basename "$ts")"
    cp "$ts" "$copy"
    "$lupdate" -project "$tmp/project.json" -no-obsolete -locations none -silent -ts "$copy"
    if ! diff -u "$ts" "$copy"; then
        echo "$(basename "$ts") is out of date: run cmake --build <build> --target update_translations" >&2
        status=1
    fi
done
exit $status
