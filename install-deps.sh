#!/bin/sh
# Installs what Crash Atlas needs to build, run and test on Debian bookworm.
set -eu

packages="
  meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libgtksourceview-5-dev
  libjson-glib-dev libpcre2-dev libsoup-3.0-dev libsqlite3-dev libsecret-1-dev
  libcairo2-dev libpango1.0-dev
  zlib1g-dev
  desktop-file-utils appstream shared-mime-info
  xvfb xauth dbus-x11 fonts-cantarell adwaita-icon-theme gnome-keyring
  poppler-utils python3 locales
  yelp-tools groff-base
  clang libclang-rt-14-dev
"

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  $sudo apt-get update
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $missing
fi
