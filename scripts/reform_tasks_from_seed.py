#!/usr/bin/env python3
"""Turns the 2024 task-division table (the seed text, as exported from the official document) into
src/main/resources/data/reform/tasks-2024.json, the reference data the reform module loads at first start.

Usage: python3 scripts/reform_tasks_from_seed.py SEED.txt [OUT.json]

The seed is a table flattened to text: every cell starts with a TAB at the beginning of a line and may
run over several lines (task 57's cooperating cell does, with a blank line inside); a row ends with a
blank line followed by the next row's first cell. Part headings (一、… to 五、…) are rows of their own.
"""
import calendar
import json
import re
import sys

PLAN_YEAR = 2024
PART = re.compile(r"^([一二三四五六七八九十]+)、(.+)$")
TASK = re.compile(r"^（(\d+)）(.*)$", re.S)
MONTH = re.compile(r"^(\d{1,2})月$")


def clean(cell):
    # a cell's line breaks are layout, not content
    return re.sub(r"\s+", "", cell)


def running(cell):
    # inside running text only the line breaks go; a space the authors typed stays
    return re.sub(r"\s*\n\s*", "", cell).strip()


def names(cell):
    return [n for n in clean(cell).split("、") if n]


def deadline(text):
    if text == "全年":
        return f"{PLAN_YEAR}-12-31"
    m = MONTH.match(text)
    if not m:
        raise ValueError(f"unknown deadline {text!r}")
    month = int(m.group(1))
    return f"{PLAN_YEAR}-{month:02d}-{calendar.monthrange(PLAN_YEAR, month)[1]:02d}"


def rows(text):
    start = text.index("\n\t")  # the title lines come before the first cell
    for row in re.split(r"\n\n(?=\t)", text[start + 1:].strip("\n")):
        yield row[1:].split("\n\t")


def tasks(text):
    part = part_title = None
    group = group_title = None
    out = []
    for cells in rows(text):
        first = clean(cells[0])
        m = PART.match(first)
        if m and not any(clean(c) for c in cells[1:]):
            part, part_title = m.group(1), m.group(2)
            continue
        if len(cells) != 8 or first == "序号":
            continue
        if first:
            group, group_title = int(first), clean(cells[1])
        t = TASK.match(cells[2].strip())
        if not t:
            raise ValueError(f"no task number in {cells[2]!r}")
        out.append({
            "no": int(t.group(1)),
            "group": group,
            "groupTitle": group_title,
            "part": part,
            "partTitle": part_title,
            "content": running(t.group(2)),
            "leadDivisions": names(cells[3]),
            "cooperatingDivisions": names(cells[4]),
            "units": names(cells[5]),
            "deadline": deadline(clean(cells[6])),
            "deadlineText": clean(cells[6]),
            "remarks": running(cells[7]) or None,
        })
    numbers = [t["no"] for t in out]
    if numbers != list(range(1, len(out) + 1)):
        raise ValueError(f"task numbers are not 1..n in order: {numbers}")
    return out


def main():
    seed = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else "src/main/resources/data/reform/tasks-2024.json"
    with open(seed, encoding="utf-8") as f:
        result = tasks(f.read())
    with open(target, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(result)} tasks written to {target}")


if __name__ == "__main__":
    main()
