#!/usr/bin/env python3
"""Validate the Tongban service catalogue content.

Checks every src/main/resources/data/catalogue/items/*.yml against the format described in
src/main/resources/data/catalogue/README.md and against laws.yml, then prints a summary.
Exit status 0 when there are no errors (warnings do not fail), 1 otherwise.

Usage: python3 scripts/check_catalogue.py [catalogue-dir]
Needs Python 3 and PyYAML.
"""
import datetime
import os
import re
import sys
from collections import Counter

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("PyYAML is required: pip install pyyaml")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(ROOT, "src", "main", "resources", "data", "catalogue")
ORG_SQL = os.path.join(ROOT, "src", "main", "resources", "db", "migration", "V20__identity_organisation.sql")

TYPES = {"LICENSING": "XK", "FILING": "BA", "PUBLIC_SERVICE": "GG"}
KINDS = {"ORIGINAL", "COPY", "ORIGINAL_AND_COPY"}
LAW_STATUS = {"CURRENT", "AMENDED", "REPEALED"}
CODE_RE = re.compile(r"^PD-WJW-(XK|BA|GG)-\d{3}$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SIT_RE = re.compile(r"^[A-Z][A-Z0-9_]*$")
LIFECYCLE = ("NEW", "CHANGE", "RENEW", "CANCEL", "REISSUE")

ITEM_KEYS = {  # key: (required, allowed types)
    "code": (True, str), "name": (True, str), "type": (True, str), "division": (True, str),
    "handlingUnit": (True, str), "powersListEntry": (True, dict), "legalBasis": (True, list),
    "statutoryDays": (True, (int, type(None))), "promisedDays": (True, int), "immediate": (True, bool),
    "fee": (True, str), "channels": (True, dict), "noticeCommitment": (False, dict),
    "keywords": (True, list), "situationQuestions": (True, list), "situations": (True, list),
    "processSteps": (True, list), "faqs": (True, list), "licence": (False, dict), "retentionYears": (True, int),
    "timeLimits": (False, dict), "form": (False, list),
}
MATERIAL_KEYS = {
    "name": (True, str), "kind": (True, str), "copies": (True, int), "required": (True, bool),
    "condition": (True, (str, type(None))), "blankForm": (True, bool), "sample": (True, bool),
    "heldBy": (True, (str, type(None))), "notes": (True, (str, type(None))),
}
CHANNEL_KEYS = {"online": (True, bool), "window": (True, bool), "windowAddress": (True, str),
                "windowHours": (True, str), "phone": (True, str)}
LAW_KEYS = {"id": (True, str), "name": (True, str), "issuer": (True, str), "status": (True, str),
            "effective": (True, (datetime.date, str)), "amended": (False, (datetime.date, str)),
            "repealed": (False, (datetime.date, str)), "note": (False, str)}


class Report:
    def __init__(self):
        self.errors, self.warnings = [], []

    def err(self, where, msg):
        self.errors.append(f"ERROR   {where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"WARNING {where}: {msg}")


def check_keys(rep, where, obj, spec, allow_extra=False):
    if not isinstance(obj, dict):
        rep.err(where, f"expected a mapping, got {type(obj).__name__}")
        return False
    for key, (required, types) in spec.items():
        if key not in obj:
            if required:
                rep.err(where, f"missing required field '{key}'")
            continue
        val = obj[key]
        # bool is a subclass of int: never accept a bool where an int is wanted
        if isinstance(val, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            rep.err(where, f"field '{key}' must be {types}, got bool")
        elif not isinstance(val, types):
            rep.err(where, f"field '{key}' has type {type(val).__name__}, expected {types}")
    if not allow_extra:
        for key in obj:
            if key not in spec:
                rep.err(where, f"unknown field '{key}' (document it in README.md before adding)")
    return True


def nonempty_str(rep, where, val, field):
    if not isinstance(val, str) or not val.strip():
        rep.err(where, f"'{field}' must be a non-empty string")


def parse_date(val):
    if isinstance(val, datetime.date):
        return val
    return datetime.date.fromisoformat(str(val))


def load_org_units():
    try:
        with open(ORG_SQL, encoding="utf-8") as f:
            codes = set(re.findall(r"^\s*\('([A-Z_]+)',", f.read(), re.M))
        if codes:
            return codes
    except OSError:
        pass
    return {"COMMISSION", "PLANNING", "BIOMED", "MEDADMIN", "PUBLIC_HEALTH", "FAMILY", "PRIMARY_CARE", "TCM",
            "PERSONNEL", "OFFICE", "APPROVAL_CENTRE", "SUPERVISION_INSTITUTE", "CDC", "MCH_CENTRE",
            "SEVENTH_HOSPITAL", "COMMUNITY_HEALTH", "HANDLING_DEPARTMENTS"}


def check_laws(rep, path):
    where = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        rep.err(where, f"cannot read: {e}")
        return {}
    laws = {}
    if not isinstance(doc, dict) or not isinstance(doc.get("laws"), list):
        rep.err(where, "top level must be a mapping with a 'laws' list")
        return laws
    for i, law in enumerate(doc["laws"]):
        w = f"{where}[{i}]"
        if not check_keys(rep, w, law, LAW_KEYS):
            continue
        lid = law.get("id")
        if isinstance(lid, str):
            w = f"{where}:{lid}"
            if not ID_RE.match(lid):
                rep.err(w, "id must be lower-case kebab-case")
            if lid in laws:
                rep.err(w, "duplicate law id")
            laws[lid] = law
        if law.get("status") not in LAW_STATUS:
            rep.err(w, f"status must be one of {sorted(LAW_STATUS)}")
        dates = {}
        for k in ("effective", "amended", "repealed"):
            if k in law:
                try:
                    dates[k] = parse_date(law[k])
                except ValueError:
                    rep.err(w, f"'{k}' must be an ISO date (YYYY-MM-DD)")
        if law.get("status") == "AMENDED" and "amended" not in law:
            rep.err(w, "status AMENDED needs an 'amended' date")
        if law.get("status") == "REPEALED" and "repealed" not in law:
            rep.err(w, "status REPEALED needs a 'repealed' date")
        if law.get("status") != "REPEALED" and "repealed" in law:
            rep.err(w, "'repealed' date given but status is not REPEALED")
        for k in ("amended", "repealed"):
            if k in dates and "effective" in dates and dates[k] < dates["effective"]:
                rep.err(w, f"'{k}' is before 'effective'")
    return laws


def check_tree(rep, where, item):
    questions = item.get("situationQuestions") or []
    situations = item.get("situations") or []
    sit_codes = [s.get("code") for s in situations if isinstance(s, dict)]
    q_by_id = {}
    for i, qn in enumerate(questions):
        w = f"{where} question[{i}]"
        if not isinstance(qn, dict):
            rep.err(w, "must be a mapping")
            continue
        for k in qn:
            if k not in ("id", "text", "options"):
                rep.err(w, f"unknown field '{k}'")
        qid = qn.get("id")
        if not isinstance(qid, str) or not ID_RE.match(qid):
            rep.err(w, "question id must be lower-case kebab-case")
            continue
        if qid in q_by_id:
            rep.err(w, f"duplicate question id '{qid}'")
        q_by_id[qid] = qn
        nonempty_str(rep, w, qn.get("text"), "text")
        opts = qn.get("options")
        if not isinstance(opts, list) or not opts:
            rep.err(w, "options must be a non-empty list")
            continue
        for j, o in enumerate(opts):
            ow = f"{w} option[{j}]"
            if not isinstance(o, dict):
                rep.err(ow, "must be a mapping")
                continue
            for k in o:
                if k not in ("label", "situation", "next"):
                    rep.err(ow, f"unknown field '{k}'")
            nonempty_str(rep, ow, o.get("label"), "label")
            if ("situation" in o) == ("next" in o):
                rep.err(ow, "exactly one of 'situation' or 'next' is required")
            elif "situation" in o and o["situation"] not in sit_codes:
                rep.err(ow, f"leads to unknown situation '{o['situation']}'")
            elif "next" in o and o["next"] not in [q.get("id") for q in questions if isinstance(q, dict)]:
                rep.err(ow, f"leads to unknown question '{o['next']}'")

    if not questions:
        if len(sit_codes) != 1:
            rep.err(where, "an item without questions must have exactly one situation")
        return 0
    # walk from the first question: cycles, reachability
    root = questions[0].get("id") if isinstance(questions[0], dict) else None
    reached_q, reached_s, depth_max = set(), set(), 0
    state = {}  # qid -> 1 visiting, 2 done

    def visit(qid, depth):
        nonlocal depth_max
        depth_max = max(depth_max, depth)
        if state.get(qid) == 1:
            rep.err(where, f"question tree has a cycle through '{qid}'")
            return
        if state.get(qid) == 2 or qid not in q_by_id:
            return
        state[qid] = 1
        reached_q.add(qid)
        for o in q_by_id[qid].get("options") or []:
            if not isinstance(o, dict):
                continue
            if "situation" in o:
                reached_s.add(o["situation"])
            elif "next" in o:
                visit(o["next"], depth + 1)
        state[qid] = 2

    if root:
        visit(root, 1)
    for qid in q_by_id:
        if qid not in reached_q:
            rep.err(where, f"question '{qid}' is not reachable from the first question '{root}'")
    for sc in sit_codes:
        if sc not in reached_s:
            rep.err(where, f"situation '{sc}' is not reachable from the question tree")
    return depth_max


def check_item(rep, path, laws, orgs, seen_codes):
    fname = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            item = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        rep.err(fname, f"cannot read: {e}")
        return None
    if not check_keys(rep, fname, item, ITEM_KEYS):
        return None
    code = item.get("code", "")
    where = code if isinstance(code, str) and code else fname
    if isinstance(code, str):
        if not CODE_RE.match(code):
            rep.err(where, "code must look like PD-WJW-XK-001 (XK/BA/GG)")
        if fname != f"{code}.yml":
            rep.err(where, f"file name must be '{code}.yml'")
        if code in seen_codes:
            rep.err(where, f"duplicate item code (also in {seen_codes[code]})")
        seen_codes[code] = fname
    typ = item.get("type")
    if typ not in TYPES:
        rep.err(where, f"type must be one of {sorted(TYPES)}")
    elif isinstance(code, str) and CODE_RE.match(code) and code.split("-")[2] != TYPES[typ]:
        rep.err(where, f"code segment '{code.split('-')[2]}' does not match type {typ} ({TYPES[typ]})")
    for k in ("division", "handlingUnit"):
        if isinstance(item.get(k), str) and item[k] not in orgs:
            rep.err(where, f"{k} '{item[k]}' is not an org unit code in V20__identity_organisation.sql")
    nonempty_str(rep, where, item.get("name"), "name")
    nonempty_str(rep, where, item.get("fee"), "fee")

    pe = item.get("powersListEntry")
    if isinstance(pe, dict):
        check_keys(rep, f"{where} powersListEntry", pe, {"code": (True, str), "name": (True, str)})

    lbs = item.get("legalBasis") or []
    if not lbs:
        rep.err(where, "legalBasis must cite at least one law")
    cited = set()
    for i, ref in enumerate(lbs):
        w = f"{where} legalBasis[{i}]"
        if check_keys(rep, w, ref, {"law": (True, str), "article": (True, str)}):
            lid = ref.get("law")
            if lid not in laws:
                rep.err(w, f"law id '{lid}' is not in laws.yml")
            else:
                cited.add(lid)
                if laws[lid].get("status") == "REPEALED":
                    rep.warn(w, f"cites repealed law '{lid}'")

    sd, pd = item.get("statutoryDays"), item.get("promisedDays")
    if isinstance(pd, int) and not isinstance(pd, bool):
        if pd < 0:
            rep.err(where, "promisedDays must be >= 0")
        if isinstance(sd, int) and not isinstance(sd, bool) and pd > sd:
            rep.err(where, f"promisedDays {pd} exceeds statutoryDays {sd}")
        if item.get("immediate") is True and pd != 0:
            rep.err(where, "an immediate item (即办件) must have promisedDays 0")
        if item.get("immediate") is False and pd == 0:
            rep.err(where, "promisedDays 0 requires immediate: true")
    if isinstance(sd, int) and sd <= 0:
        rep.err(where, "statutoryDays must be positive or null")

    chn = item.get("channels")
    if isinstance(chn, dict) and check_keys(rep, f"{where} channels", chn, CHANNEL_KEYS):
        if not chn.get("online") and not chn.get("window"):
            rep.err(where, "at least one channel (online or window) must be open")

    nc = item.get("noticeCommitment")
    if isinstance(nc, dict) and check_keys(rep, f"{where} noticeCommitment", nc,
                                          {"applies": (True, bool), "conditions": (False, list),
                                           "verificationDays": (False, int), "verificationBasis": (False, str)}):
        if nc.get("applies"):
            conds = nc.get("conditions")
            if not conds or not all(isinstance(c, str) and c.strip() for c in conds):
                rep.err(where, "noticeCommitment.applies needs a non-empty list of condition strings")

    kws = item.get("keywords") or []
    if not kws or not all(isinstance(k, str) and k.strip() for k in kws):
        rep.err(where, "keywords must be a non-empty list of strings")
    elif len(set(kws)) != len(kws):
        rep.err(where, "keywords contain duplicates")

    situations = item.get("situations") or []
    if not situations:
        rep.err(where, "at least one situation is required")
    sit_seen, n_mat, n_held = set(), 0, 0
    for i, sit in enumerate(situations):
        w = f"{where} situation[{i}]"
        if not check_keys(rep, w, sit, {"code": (True, str), "name": (True, str), "description": (True, str),
                                        "materials": (True, list), "statutoryDays": (False, int),
                                        "promisedDays": (False, int), "countFrom": (False, str),
                                        "limitBasis": (False, str), "noticeCommitment": (False, bool),
                                        "onSiteCheckBeforeDecision": (False, bool)}):
            continue
        sc = sit.get("code")
        if isinstance(sc, str):
            w = f"{where} situation {sc}"
            if not SIT_RE.match(sc):
                rep.err(w, "situation code must be UPPER_SNAKE_CASE")
            if sc in sit_seen:
                rep.err(w, "duplicate situation code")
            sit_seen.add(sc)
        names = Counter()
        for j, mat in enumerate(sit.get("materials") or []):
            mw = f"{w} material[{j}]"
            if not check_keys(rep, mw, mat, MATERIAL_KEYS):
                continue
            n_mat += 1
            nonempty_str(rep, mw, mat.get("name"), "name")
            names[mat.get("name")] += 1
            if mat.get("kind") not in KINDS:
                rep.err(mw, f"kind must be one of {sorted(KINDS)}")
            if isinstance(mat.get("copies"), int) and mat["copies"] < 1:
                rep.err(mw, "copies must be >= 1")
            if mat.get("required") is False and not (isinstance(mat.get("condition"), str) and mat["condition"].strip()):
                rep.err(mw, "an optional material (required: false) must state its condition")
            if mat.get("required") is True and mat.get("condition"):
                rep.err(mw, "a required material must not carry a condition (use required: false)")
            if mat.get("heldBy"):
                n_held += 1
        for nm, c in names.items():
            if c > 1:
                rep.err(w, f"material '{nm}' listed {c} times")

    depth = check_tree(rep, where, item)

    steps = item.get("processSteps") or []
    if not steps or not all(isinstance(x, str) and x.strip() for x in steps):
        rep.err(where, "processSteps must be a non-empty list of strings")
    for i, fq in enumerate(item.get("faqs") or []):
        if check_keys(rep, f"{where} faqs[{i}]", fq, {"q": (True, str), "a": (True, str)}):
            nonempty_str(rep, f"{where} faqs[{i}]", fq.get("q"), "q")
            nonempty_str(rep, f"{where} faqs[{i}]", fq.get("a"), "a")

    lic = item.get("licence")
    if isinstance(lic, dict) and check_keys(rep, f"{where} licence", lic, {
            "name": (True, str), "numberPattern": (True, str), "validityYears": (True, (int, type(None))),
            "particulars": (False, list)}):
        for i, pt in enumerate(lic.get("particulars") or []):
            if check_keys(rep, f"{where} licence.particulars[{i}]", pt, {"field": (True, str), "label": (True, str)}):
                if not re.fullmatch(r"[a-z][A-Za-z0-9]{0,39}", pt["field"]):
                    rep.err(where, f"licence.particulars[{i}].field must be camelCase, got '{pt['field']}'")
                nonempty_str(rep, f"{where} licence.particulars[{i}]", pt.get("label"), "label")
        if isinstance(lic.get("validityYears"), int) and lic["validityYears"] <= 0:
            rep.err(where, "licence.validityYears must be positive or null")
        if "{seq" not in lic.get("numberPattern", ""):
            rep.err(where, "licence.numberPattern must contain a {seq:N} token")
        for tok in re.findall(r"\{([^}]*)\}", lic.get("numberPattern", "")):
            if not re.fullmatch(r"yyyy|seq:\d+", tok):
                rep.err(where, f"licence.numberPattern has unknown token '{{{tok}}}'")
        if "NEW" not in sit_seen and not any(x.startswith("NEW") for x in sit_seen):
            rep.warn(where, "issues a licence but has no NEW/NEW_* situation")
    if isinstance(item.get("retentionYears"), int) and item["retentionYears"] <= 0:
        rep.err(where, "retentionYears must be positive")

    return {"code": code, "name": item.get("name"), "type": typ, "situations": len(situations),
            "materials": n_mat, "held": n_held, "depth": depth, "cited": cited,
            "nc": bool(isinstance(nc, dict) and nc.get("applies")), "licence": isinstance(lic, dict),
            "lifecycle": [c for c in LIFECYCLE if any(s == c or s.startswith(c + "_") for s in sit_seen)]}


def main():
    cat_dir = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    rep = Report()
    laws = check_laws(rep, os.path.join(cat_dir, "laws.yml"))
    orgs = load_org_units()
    items_dir = os.path.join(cat_dir, "items")
    files = sorted(f for f in os.listdir(items_dir) if f.endswith((".yml", ".yaml")))
    seen, results = {}, []
    for f in files:
        r = check_item(rep, os.path.join(items_dir, f), laws, orgs, seen)
        if r:
            results.append(r)
    cited = set().union(*(r["cited"] for r in results)) if results else set()
    for lid in sorted(set(laws) - cited):
        if laws[lid].get("status") != "REPEALED":
            rep.warn("laws.yml", f"law '{lid}' is not cited by any item")

    by_type = Counter(r["type"] for r in results)
    print(f"Catalogue: {cat_dir}")
    print(f"Items: {len(results)}  " + "  ".join(f"{t}={by_type.get(t, 0)}" for t in TYPES))
    print(f"Situations: {sum(r['situations'] for r in results)}  Materials: {sum(r['materials'] for r in results)}"
          f"  of which held by the authority (免提交): {sum(r['held'] for r in results)}")
    print(f"Notice-commitment items: {sum(r['nc'] for r in results)}  Licence-issuing items: {sum(r['licence'] for r in results)}")
    print(f"Laws: {len(laws)} in laws.yml, {len(cited)} cited")
    print()
    for r in results:
        life = "/".join(r["lifecycle"]) if r["licence"] else ""
        print(f"  {r['code']:<15} {r['type']:<14} sit={r['situations']:<2} mat={r['materials']:<3} "
              f"{'NC ' if r['nc'] else '   '}{life:<28} {r['name']}")
    print()
    for w in rep.warnings:
        print(w)
    for e in rep.errors:
        print(e)
    print(f"\n{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
