# shellcheck shell=bash
# Debian packages that specs need on a fresh machine, installed only when missing. Sourced:
#
#   source .ci/packages.sh && install_debian_packages chromium tmux
#
# A spec that needs one skips with a reason where it is absent, except under CI=true.

install_debian_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=''
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "packages: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
