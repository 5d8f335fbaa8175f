#!/usr/bin/env bash
# Regenerates link/function-order.txt: the functions a release polygramc runs
# for the everyday commands (run of each animals workload, compile, verify),
# which the release link places first and together (Package.swift,
# `fastStart`), so a run touches fewer pages of code. Needs valgrind.
# A stale list only costs speed: functions it misses are placed as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-release.sh --product polygramc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# callgrind cannot read the DWARF of the whole static binary: a copy without it.
strip --strip-debug -o "$work/polygramc" .build/release/polygramc
python3 - golden/animals/animals.yaml "$work" <<'PY'
import sys
text = open(sys.argv[1]).read()
e, s, c = text.index('experiments:\n'), text.index('  - name: AnimalsPhaseGrid'), text.index('cancellations:\n')
head, out = text[:e], sys.argv[2]
for name, body in [('1d', head + text[e:s]), ('2d', head + 'experiments:\n' + text[s:c]), ('grid', head + text[c:]),
                   ('none', head), ('all', text)]:
    open(f'{out}/{name}.yaml', 'w').write(body)
PY
profile() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$1.cg" "$work/polygramc" "${@:2}" >/dev/null 2>&1; }
for w in 1d 2d grid none all; do profile "run-$w" run "$work/$w.yaml" -o "$work/out-$w" --no-provenance; done
profile compile compile golden/animals/animals.yaml -o "$work/compiled"
profile verify verify "$work/compiled"
python3 - "$work" > link/function-order.txt <<'PY'
import glob, re, sys
names = set()
for path in glob.glob(sys.argv[1] + '/*.cg'):
    for line in open(path, errors='replace'):
        m = re.match(r'c?fn=\(\d+\) (\S+)', line)
        if m and not m.group(1).startswith('0x'):
            names.add(m.group(1))
print('\n'.join('.text.' + n for n in sorted(names)))
PY
# SwiftPM does not track the list as a link input: drop the binary so the next build relinks.
rm -f .build/release/polygramc
echo "link/function-order.txt: $(wc -l < link/function-order.txt) functions (rebuild to link with it)"
