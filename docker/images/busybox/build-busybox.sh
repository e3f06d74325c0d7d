#!/bin/sh
# Builds busybox as the official image is built: busybox's own default configuration
# (`make defconfig`: every applet, with the options learners find documented upstream), one
# statically linked binary. Fails the image build when an option labs rely on is off, so a
# changed default can never silently bring back the crash or the missing flags.
# Usage: build-busybox.sh SOURCE_DIR OUTPUT_FILE
set -eu
src=$1
out=$2
cd "$src"
make defconfig >/dev/null
sed -i 's/^# CONFIG_STATIC is not set$/CONFIG_STATIC=y/' .config
yes "" | make oldconfig >/dev/null
for opt in STATIC WGET FEATURE_WGET_TIMEOUT FEATURE_WGET_LONG_OPTIONS NC NC_SERVER NC_EXTRA \
  NC_110_COMPAT PING FEATURE_FANCY_PING NSLOOKUP FEATURE_NSLOOKUP_BIG HTTPD IP FEATURE_IP_ADDRESS \
  FEATURE_IP_ROUTE; do
  grep -q "^CONFIG_$opt=y$" .config || { echo "busybox: CONFIG_$opt is not enabled" >&2; exit 1; }
done
# Warnings about getpwnam & co. in a static binary are expected: glibc's files and dns
# lookups are built in, which is all a container needs.
make -j"$(nproc)" busybox >build.log 2>&1 || { tail -n 40 build.log >&2; exit 1; }
mkdir -p "$(dirname "$out")"
cp busybox "$out"
echo "busybox $(./busybox | head -n 1)"
