# Sourced by scripts/bench-serve.sh: a project of N incidents made from the example's records
# (and their overlays), under the example's site/config.yaml. Run from the repository root.
#   generate_project DIR N
generate_project() {
  local dir=$1 count=$2
  mkdir -p "$dir/incidents" "$dir/site"
  cp site/config.yaml "$dir/site/"
  local sources=(2017-07-28-inria-ci-vms-destroyed 2017-10-27-monzo-payments-outage
    2020-07-05-docker-hub-pulls-hang 2023-12-17-logto-image-deleted
    2026-11-21-webhook-delivery-delays)
  local i source id overlay lang
  for i in $(seq 1 "$count"); do
    source=${sources[$(( i % ${#sources[@]} ))]}
    id="${source:0:10}-generated-$(printf '%05d' "$i")"
    cp "incidents/$source.yaml" "$dir/incidents/$id.yaml"
    for overlay in incidents/"$source".*.yaml; do
      [[ -e $overlay ]] || continue
      lang=${overlay%.yaml}; lang=${lang##*.}
      cp "$overlay" "$dir/incidents/$id.$lang.yaml"
    done
  done
}
