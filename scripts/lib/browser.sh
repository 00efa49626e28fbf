# Sourced by the scripts that drive headless Chromium (screenshot.sh, print-pdf.sh).

# Installs what is missing of Debian's chromium, the CJK fonts, and the extra commands named
# as command:package; exits 2 naming them when that is not possible.
#   ensure_browser SCRIPT-NAME [command:package ...]
ensure_browser() {
  local who=$1 pair need=()
  shift
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
  done
  ((${#need[@]})) || return 0
  (apt-get update -qq && apt-get install -y -qq "${need[@]}") >/dev/null 2>&1 || {
    echo "$who: cannot install ${need[*]} (run as root, or install them)" >&2
    exit 2
  }
}

# Serves DIR on a free port of 127.0.0.1 and waits until it answers; sets `port`, and `server`
# to the server's pid (the caller's cleanup kills it). The server's errors go to LOG.
#   serve_dir DIR LOG
serve_dir() {
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server --bind 127.0.0.1 "$port" --directory "$1" >/dev/null 2>"$2" &
  server=$!
  for _ in $(seq 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    sleep 0.1
  done
}
