#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test program against a real Secret Service without touching the user's keychain:
#   keyring_session.sh PROGRAM [ARGS...]
#       a private D-Bus session (dbus-run-session) with gnome-keyring-daemon whose login
#       collection is created and unlocked with an empty password, in a temporary HOME;
#   keyring_session.sh --no-secret-service PROGRAM [ARGS...]
#       a private D-Bus session that has no Secret Service and cannot activate one.
# No display is needed (CI runs as root without X11). Exit code 77 means skipped (tools absent
# outside CI); in CI (CI=true) absent tools are a failure.
set -eu

mode=keyring
if [ "${1:-}" = "--no-secret-service" ]; then
    mode=none
    shift
fi
if [ "${1:-}" = "--inside" ]; then
    shift
    inside=1
else
    inside=0
fi

if [ "$inside" = 0 ]; then
    missing=""
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
    done
    if [ -n "$missing" ]; then
        echo "keyring_session.sh: missing$missing (Debian packages dbus, dbus-bin, gnome-keyring)" >&2
        [ "${CI:-}" = "true" ] && exit 1
        exit 77
    fi
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/run"
    chmod 700 "$tmp/run"
    config=""
    if [ "$mode" = none ]; then
        # A session bus without the standard service directories: nothing can be activated.
        cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$tmp/run</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
        config="--config-file=$tmp/bus.conf"
    fi
    env -u DISPLAY -u WAYLAND_DISPLAY \
        HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
        XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/run" \
        dbus-run-session $config -- "$0" $([ "$mode" = none ] && echo --no-secret-service) \
        --inside "$@"
    exit $?
fi

if [ "$mode" = keyring ]; then
    # One empty line is the empty password: the login collection is created, unlocked and
    # becomes the default collection, so no prompt (and no display) is ever needed.
    printf '\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true'; do
        tries=$((tries + 1))
        if [ "$tries" -gt 50 ]; then
            echo "keyring_session.sh: gnome-keyring-daemon did not register the Secret Service" >&2
            exit 1
        fi
        sleep 0.1
    done
    export STAGECRAFT_TEST_KEYRING=1
else
    export STAGECRAFT_TEST_NO_SECRET_SERVICE=1
fi
# Not exec: the keyring daemon leaves with the session bus when the program is done.
"$@"
