# Sourced by the CI check scripts: the hindsight binary they check, and the commands from
# Debian they install when missing.

# Sets `bin` to the absolute path of the binary named (default target/debug/hindsight),
# building it first when it is missing.
#   hindsight_bin [PATH]
hindsight_bin() {
  bin=${1:-target/debug/hindsight}
  [[ -x $bin ]] || cargo build --locked --quiet
  bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
}

# Installs Debian's nodejs and npm when either is missing.
ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq nodejs npm) >/dev/null
  fi
}
