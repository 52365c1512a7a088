#!/usr/bin/env bash
# Builds the docker backend's image from this machine's own Debian python3.11 + python3-numpy,
# since no image registry is reachable: a minimal root filesystem (interpreter, stdlib, numpy, the
# shared libraries they load, an unprivileged user) imported as one layer.
# pandas (python3-pandas, with dateutil, pytz and six) is there for code execution's official BASE_IMPORTS.
# Usage: build.sh [tag]   (default pipeline-sandbox:2; does nothing when the tag already exists)
set -euo pipefail
tag=${1:-pipeline-sandbox:2}
if docker image inspect "$tag" >/dev/null 2>&1; then exit 0; fi

python=/usr/bin/python3.11
numpy=/usr/lib/python3/dist-packages/numpy
pandas=(/usr/lib/python3/dist-packages/{pandas,dateutil,pytz} /usr/lib/python3/dist-packages/six.py /usr/share/zoneinfo) # Debian's pytz reads the system zoneinfo
for needed in "$python" /usr/lib/python3.11 "$numpy" "${pandas[@]}"; do
  [ -e "$needed" ] || { echo "build-sandbox-image: $needed missing (apt-get install python3.11 python3-numpy python3-pandas)" >&2; exit 1; }
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

copy() { # copies a path into the root keeping its location (symlinks kept, then resolved too)
  local src=$1
  mkdir -p "$root$(dirname "$src")"
  cp -a "$src" "$root$src"
  if [ -L "$src" ]; then copy "$(readlink -f "$src")"; fi
}

copy "$python"
ln -s python3.11 "$root/usr/bin/python3"
rsync_like() { mkdir -p "$root$1"; cp -a "$1/." "$root$1/"; }
rsync_like /usr/lib/python3.11
rm -rf "$root/usr/lib/python3.11/test" "$root/usr/lib/python3.11/idlelib" "$root/usr/lib/python3.11/tkinter"
rsync_like "$numpy"
for package in "${pandas[@]}"; do
  if [ -d "$package" ]; then rsync_like "$package"; else copy "$package"; fi
done

# every shared library the interpreter, its extension modules and numpy load, plus the loader
libs=$( { ldd "$python"; find "$root" -name '*.so*' -type f -exec ldd {} \; 2>/dev/null; } \
        | grep -o '/[^ ]*\.so[^ ]*' | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do # dereferenced: Debian reaches BLAS via /etc/alternatives
  mkdir -p "$root$(dirname "$lib")"; cp -L "$lib" "$root$lib"
done
# Debian keeps /lib as a symlink to usr/lib: recreate the merged layout the loader paths expect
for dir in lib lib64; do
  if [ -L "/$dir" ] && [ -d "$root/$dir" ] && [ ! -L "$root/$dir" ]; then
    mkdir -p "$root/usr/$dir"; cp -a "$root/$dir/." "$root/usr/$dir/"; rm -rf "$root/$dir"
    ln -s "usr/$dir" "$root/$dir"
  fi
done

mkdir -p "$root/etc" "$root/tmp" "$root/work" "$root/dev" "$root/proc"
chmod 1777 "$root/tmp"
printf 'root:x:0:0::/root:/nonexistent\nsandbox:x:65534:65534::/tmp:/nonexistent\n' > "$root/etc/passwd"
printf 'root:x:0:\nsandbox:x:65534:\n' > "$root/etc/group"

tar -C "$root" -c . | docker import \
  --change 'USER 65534:65534' --change 'WORKDIR /tmp' --change 'ENV PYTHONDONTWRITEBYTECODE=1' \
  --change 'CMD ["/usr/bin/python3"]' - "$tag" >/dev/null
echo "build-sandbox-image: built $tag"
