#!/usr/bin/env bash
# Makes a base image from programs already installed on this machine, since no image registry is reachable:
# the given paths (files or folders, kept at their locations), every shared library their ELF files load,
# a small shell userland for start scripts, and root plus an unprivileged user; imported as one layer.
# Usage: build.sh REPOSITORY PATH...   Tags REPOSITORY:<hash of the inputs> and REPOSITORY:local, and does
# nothing when the hash tag exists (the host's programs unchanged since the last build).
set -euo pipefail
repository=$1; shift
[ $# -gt 0 ] || { echo "usage: build.sh REPOSITORY PATH..." >&2; exit 2; }

# the shell userland start scripts (rabbitmq-server, erl) call; the dynamic loader; libraries loaded with dlopen
userland=(/bin/sh /usr/bin/dash /usr/bin/env /usr/bin/dirname /usr/bin/basename /usr/bin/readlink /usr/bin/realpath
  /usr/bin/id /usr/bin/expr /usr/bin/sed /usr/bin/cat /usr/bin/mkdir /usr/bin/rm /usr/bin/ls /usr/bin/sleep /usr/bin/uname)
for needed in "$@" "${userland[@]}"; do
  [ -e "$needed" ] || { echo "host-rootfs: $needed missing on this machine" >&2; exit 1; }
done

hash=$( { cat "$0"; printf '%s\n' "$@"; find "$@" "${userland[@]}" -printf '%p %s %T@\n' 2>/dev/null | sort; } | sha256sum | cut -c1-16)
if docker image inspect "$repository:$hash" >/dev/null 2>&1; then
  docker tag "$repository:$hash" "$repository:local"
  exit 0
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

copy() { # a path at its own location; a symlink's target too
  local src=$1
  mkdir -p "$root$(dirname "$src")"
  cp -a "$src" "$root$src"
  if [ -L "$src" ]; then copy "$(readlink -f "$src")"; fi
}
for path in "$@" "${userland[@]}"; do copy "$path"; done

# every shared library an ELF file of the root loads, dereferenced (Debian reaches some via /etc/alternatives)
libs=$(find "$root" -type f \( -perm -u+x -o -name '*.so*' \) -exec ldd {} \; 2>/dev/null \
  | grep -o '/[^ ]*\.so[^ ]*' | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
done
# Debian keeps /lib as a symlink to usr/lib: recreate the merged layout the loader paths expect
for dir in lib lib64 bin sbin; do
  if [ -L "/$dir" ] && [ -d "$root/$dir" ] && [ ! -L "$root/$dir" ]; then
    mkdir -p "$root/usr/$dir"; cp -a "$root/$dir/." "$root/usr/$dir/"; rm -rf "$root/$dir"
    ln -s "usr/$dir" "$root/$dir"
  fi
done

mkdir -p "$root/etc" "$root/tmp" "$root/dev" "$root/proc" "$root/sys" "$root/root"
chmod 1777 "$root/tmp"
printf 'root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/tmp:/nonexistent\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:1000:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

tar -C "$root" -c . | docker import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$repository:$hash" >/dev/null
docker tag "$repository:$hash" "$repository:local"
echo "host-rootfs: built $repository:$hash"
