#!/usr/bin/env bash
# Finds (or, as root with apt-get, installs) what the tests need beyond npm packages:
# Debian chromium for the task-pane browser test, CJK fonts for its screenshot, xmllint for the
# offline manifest validation. Otherwise stops with the exact command to run.
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "正在安装测试所需的系统软件包 (installing test packages): ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null && exit 0
fi
echo "缺少测试所需的系统软件包，请先运行 (missing system packages, run): sudo apt-get install -y ${missing[*]}" >&2
exit 1
