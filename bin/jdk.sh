# Sourced by bin/wificore, bin/test and .ci/run: picks a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME if it is >= 21, then `java` on the PATH, then any JDK under /usr/lib/jvm.

jdk_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in /usr/lib/jvm/*; do [ -d "$dir" ] && candidates+=("$dir"); done
  local best="" best_version=0 home version
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    version=$(jdk_major "$home/bin/java")
    [ -n "$version" ] || continue
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then best="$home"; best_version=$version; fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}

if ! JAVA_HOME=$(find_jdk); then
  echo "wificore: no JDK >= 21 found (checked \$JAVA_HOME, java on PATH, /usr/lib/jvm/*); install one, e.g. Temurin 21" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# Java writes temporary files (Tomcat's work dir, test databases) to java.io.tmpdir, /tmp by
# default. Where /tmp is not writable for this user, use a directory inside the checkout.
if [ ! -w "${TMPDIR:-/tmp}" ]; then
  wificore_tmp="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/tmp"
  mkdir -p "$wificore_tmp"
  export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Djava.io.tmpdir=$wificore_tmp"
  export TMPDIR="$wificore_tmp"
fi
