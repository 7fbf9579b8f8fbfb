#!/usr/bin/env python3
"""Reads a running instance's OpenAPI document and writes one sqlmap job per API parameter.

Each demo account signs in once through the login form (a session, so that sqlmap's thousands of requests
do not each cost a password check); each operation is probed with the accounts in turn, and the first account
the operation does not refuse (401/403) is the one sqlmap uses, so parameters are tested behind authorisation,
not only at its door. Requests carry the session's CSRF token, as a browser's would.
Output: a TSV of  operation <TAB> parameter <TAB> user <TAB> HTTP status of the unmodified request <TAB>
sqlmap arguments (JSON list).
"""
import http.cookiejar, json, re, sys, urllib.error, urllib.parse, urllib.request

base, out_path = sys.argv[1].rstrip('/'), sys.argv[2]
PASSWORD = 'tongban-demo'
USERS = ['admin', 'clerk', 'approver', 'planning', 'inspector', 'leader', 'citizen', 'enterprise']

spec = json.load(urllib.request.urlopen(base + '/v3/api-docs'))
schemas = spec.get('components', {}).get('schemas', {})


def resolve(schema):
    while schema and '$ref' in schema:
        schema = schemas.get(schema['$ref'].split('/')[-1], {})
    return schema or {}


def sample(schema, name=''):
    s = resolve(schema)
    if s.get('enum'):
        return s['enum'][0]
    t = s.get('type')
    if t in ('integer', 'number'):
        return 1
    if t == 'boolean':
        return True
    if t == 'array':
        return [sample(s.get('items', {}))]
    if t == 'object' or 'properties' in s:
        return {k: sample(v, k) for k, v in s.get('properties', {}).items()}
    if s.get('format') == 'date':
        return '2024-06-03'
    if s.get('format') == 'uuid':
        return '00000000-0000-0000-0000-000000000001'
    if name == 'phone':
        return '13800138000'
    return 'test'


CSRF = re.compile(r'<meta name="_csrf" content="([^"]+)"|name="_csrf" value="([^"]+)"')


def sign_in(user):
    """The session cookie and a CSRF token of a signed-in demo account, or None."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + '/login', timeout=30).read().decode()
    token = next(t for m in CSRF.finditer(page) for t in m.groups() if t)
    form = urllib.parse.urlencode({'username': user, 'password': PASSWORD, '_csrf': token}).encode()
    signed_in = opener.open(base + '/login', data=form, timeout=30)
    if '/login' in signed_in.geturl():
        return None  # refused (a demo account without demo mode, or locked)
    page = signed_in.read().decode()
    tokens = [t for m in CSRF.finditer(page) for t in m.groups() if t]
    cookies = '; '.join(f'{c.name}={c.value}' for c in jar)
    if not tokens:
        return None
    return cookies, tokens[0]


SESSIONS = {u: sign_in(u) for u in USERS}
SESSIONS = {u: s for u, s in SESSIONS.items() if s}
if not SESSIONS:
    sys.exit('no demo account could sign in')
USERS = list(SESSIONS)


def call(method, url, user, body):
    req = urllib.request.Request(url, method=method, data=body)
    if body is not None:
        req.add_header('Content-Type', 'application/json')
    req.add_header('Cookie', SESSIONS[user][0])
    req.add_header('X-CSRF-TOKEN', SESSIONS[user][1])
    try:
        return urllib.request.urlopen(req, timeout=20).status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:
        return 0


def get_json(url, user):
    req = urllib.request.Request(url)
    req.add_header('Cookie', SESSIONS[user][0])
    req.add_header('Accept', 'application/json')
    try:
        return json.load(urllib.request.urlopen(req, timeout=20))
    except Exception:
        return None


def existing(path, name):
    """A real value for a path parameter: taken from the first item of the collection the path is under."""
    collection = path.split('{' + name + '}')[0].rstrip('/')
    if '{' in collection:
        return None
    for user in USERS:
        data = get_json(base + collection, user)
        if isinstance(data, dict):
            data = next((v for v in data.values() if isinstance(v, list) and v), None)
        if isinstance(data, list) and data and isinstance(data[0], dict):
            item = data[0]
            for key in (name, 'id', 'no', 'number', 'username', 'code', 'year'):
                if item.get(key) not in (None, ''):
                    return item[key]
    return None


jobs, skipped, operations = [], [], 0
for path, item in sorted(spec.get('paths', {}).items()):
    if not path.startswith('/api/'):
        continue
    for method, op in item.items():
        if method not in ('get', 'post', 'put', 'patch', 'delete'):
            continue
        operations += 1
        name = f'{method.upper()} {path}'
        params = [p for p in item.get('parameters', []) + op.get('parameters', []) if p.get('in') in ('path', 'query')]
        values = {p['name']: sample(p.get('schema', {}), p['name']) for p in params}
        for p in params:
            if p['in'] == 'path':
                found = existing(path, p['name'])
                if found is not None:
                    values[p['name']] = found
        content = op.get('requestBody', {}).get('content', {})
        body = None
        if 'application/json' in content:
            body = sample(content['application/json'].get('schema', {}))
        elif content:
            skipped.append(f'{name}: {", ".join(content)} body (file parts) not injected')
        if not params and not isinstance(body, dict):
            if body is not None or not content:
                skipped.append(f'{name}: no parameters')
            continue

        def url_with(marked=None):
            p = path
            query = []
            for prm in params:
                v = values[prm['name']]
                v = str(v).lower() if isinstance(v, bool) else str(v)
                if prm['name'] == marked:
                    v += '*'
                if prm['in'] == 'path':
                    p = p.replace('{' + prm['name'] + '}', v)
                else:
                    query.append(f"{prm['name']}={v}")
            return base + p + ('?' + '&'.join(query) if query else '')

        data = json.dumps(body, ensure_ascii=False) if isinstance(body, dict) else None
        user, status = USERS[0], 0
        for u in USERS:
            status = call(method.upper(), url_with(), u, data.encode() if data else None)
            if status not in (401, 403):
                user = u
                break
        targets = [(p['name'], url_with(p['name']), data) for p in params]
        if isinstance(body, dict):
            for key, v in body.items():
                if isinstance(v, (str, int, float)) and not isinstance(v, bool):
                    marked = dict(body)
                    marked[key] = str(v) + '*' if isinstance(v, str) else v
                    text = json.dumps(marked, ensure_ascii=False)
                    if not isinstance(v, str):  # mark a number in place: 1 -> 1*
                        text = re.sub(r'("%s":\s*)(-?[\d.]+)' % re.escape(key), r'\1\2*', text, count=1)
                    targets.append(('body.' + key, url_with(), text))
                else:
                    skipped.append(f'{name}: body.{key} ({type(v).__name__}) not injected')
        for pname, url, payload in targets:
            args = ['-u', url, '--method', method.upper(), '--cookie', SESSIONS[user][0],
                    '-H', 'X-CSRF-TOKEN: ' + SESSIONS[user][1]]
            if payload is not None:
                args += ['--data', payload]  # sqlmap sees the JSON and sends it as application/json
            jobs.append((name, pname, user, status, args))

with open(out_path, 'w') as f:
    for name, pname, user, status, args in jobs:
        f.write('\t'.join([name, pname, user, str(status), json.dumps(args, ensure_ascii=False)]) + '\n')
with open(out_path + '.skipped', 'w') as f:
    f.write('\n'.join(skipped) + '\n')
print(f'{operations} {len(jobs)}')
