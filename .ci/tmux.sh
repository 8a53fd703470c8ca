# tmux for the watch-mode smoke test (tests/kata-cli/watch.tmux.test.ts), which drives
# `npm run kata` in a terminal. Meant to be sourced: `source .ci/tmux.sh; ensure_tmux`.
ensure_tmux() {
  if command -v tmux >/dev/null 2>&1; then
    return 0
  fi
  echo "installing tmux (Debian) for the watch-mode smoke test"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
  tmux -V
}
