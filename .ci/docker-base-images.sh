#!/usr/bin/env bash
# Makes the base images the Dockerfile takes as build arguments, from Debian's archive only (no Docker Hub):
#   onair-ci/debian:bookworm   debootstrap --variant=minbase bookworm, docker import
#   onair-ci/jre:17            + openjdk-17-jre-headless             (for JRE_IMAGE)
#   onair-ci/maven:17          onair-ci/jre:17 + openjdk-17-jdk-headless, maven, this machine's extra CA
#                              certificates (for MAVEN_IMAGE; only when the image builds the jar itself)
# Kept between runs on the same machine: the debootstrap tarball in $ONAIR_CI_CACHE and the images in Docker's own
# store (a second run only re-checks Docker's build cache). A fresh machine makes them all, in a few minutes.
set -euo pipefail
cd "$(dirname "$0")"

cache="${ONAIR_CI_CACHE:-/var/cache/onair-ci}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
tarball="$cache/debian-bookworm-minbase.tar"
mkdir -p "$cache"

if ! docker image inspect onair-ci/debian:bookworm >/dev/null 2>&1; then
  if [[ ! -s "$tarball" ]]; then
    root="$(mktemp -d "$cache/rootfs.XXXXXX")"
    echo "docker-base-images: debootstrap --variant=minbase bookworm from $mirror"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -n 20 "$cache/debootstrap.log" >&2; rm -rf "$root"; exit 1; }
    # No package lists or caches in the image; apt-get update in the images that need them.
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" --numeric-owner -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$root"
  fi
  echo "docker-base-images: docker import onair-ci/debian:bookworm"
  docker import "$tarball" onair-ci/debian:bookworm >/dev/null
fi

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
mkdir "$context/ca-certificates"
# Only what update-ca-certificates reads: *.crt files (none is also fine).
find /usr/local/share/ca-certificates -name '*.crt' -type f -exec cp {} "$context/ca-certificates/" \; 2>/dev/null || true
# The Maven image builds on the JRE image: the JDK package only adds to the JRE package.
base=onair-ci/debian:bookworm
# Arguments: which images (default: jre maven; CI with a prebuilt jar needs only jre).
images=("$@")
((${#images[@]})) || images=(jre maven)
for image in jre maven; do
  [[ " ${images[*]} " == *" $image "* ]] || continue
  cp "images/$image.Dockerfile" "$context/Dockerfile"
  echo "docker-base-images: onair-ci/$image:17"
  docker build -q --build-arg "BASE=$base" -t "onair-ci/$image:17" "$context" >/dev/null
  base="onair-ci/$image:17"
done
