#!/usr/bin/env bash
# npm run setup: the Debian packages the tests use (the real engines), installed when we are root,
# else the one apt-get line to run. Node packages come from `npm ci`, not from here.
#   libreoffice-calc  LibreOffice recalculates, re-saves and prints what we write
#   libreoffice-writer, libreoffice-draw  open the Word report (.docx → PDF) and draw its chart pictures
#   gnumeric          ssconvert re-saves what we write (files that come back from other programs)
#   chromium          both task-pane UIs at 320 and 450 px (playwright-core drives Debian's Chromium)
#   libxml2-utils     xmllint: the manifest and every written .xlsx/.docx part against the XSDs
#   poppler-utils     pdftoppm/pdftotext: rendered pages of the PDFs and the Word report
#   fonts-liberation  Times New Roman's metric twin, so printed pages lay out as in Office
set -uo pipefail
need=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/bin/$1" ]; }
have soffice || need+=(libreoffice-calc)
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer)
[ -e /usr/lib/libreoffice/program/libsdlo.so ] || need+=(libreoffice-draw)
have ssconvert || need+=(gnumeric)
[ -x /usr/bin/chromium ] || need+=(chromium)
have xmllint || need+=(libxml2-utils)
have pdftoppm || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "liberation serif" || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup: every program the tests use is installed."
  exit 0
fi
line="apt-get install -y ${need[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "setup: missing ${need[*]}. Run as root:"
  echo "  sudo apt-get update && sudo $line"
  exit 1
fi
echo "setup: installing ${need[*]}"
apt-get update -qq || exit 1
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || exit 1
echo "setup: done."
