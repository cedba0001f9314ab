// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig v3's urlParse and urlJoin, with Go's net/url parsing, escaping and URL.String().
#include "gofmt.h"
#include "sprigutil.h"

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

enum class Mode { Path, Host, Zone, UserPassword, QueryComponent, Fragment };

bool shouldEscape(unsigned char c, Mode mode)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return false;
    if (mode == Mode::Host || mode == Mode::Zone) {
        switch (c) {
        case '!':
        case '$':
        case '&':
        case '\'':
        case '(':
        case ')':
        case '*':
        case '+':
        case ',':
        case ';':
        case '=':
        case ':':
        case '[':
        case ']':
        case '<':
        case '>':
        case '"':
            return false;
        default:
            break;
        }
    }
    switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
        return false;
    case '$':
    case '&':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
    case '@':
        switch (mode) {
        case Mode::Path:
            return c == '?';
        case Mode::UserPassword:
            return c == '@' || c == '/' || c == '?' || c == ':';
        case Mode::QueryComponent:
            return true;
        case Mode::Fragment:
            return false;
        default:
            break;
        }
        break;
    default:
        break;
    }
    if (mode == Mode::Fragment && (c == '!' || c == '(' || c == ')' || c == '*'))
        return false;
    return true;
}

QByteArray escape(const QByteArray &s, Mode mode)
{
    static const char upper[] = "0123456789ABCDEF";
    QByteArray out;
    for (const char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (shouldEscape(c, mode)) {
            if (c == ' ' && mode == Mode::QueryComponent) {
                out.append('+');
            } else {
                out.append('%');
                out.append(upper[c >> 4]);
                out.append(upper[c & 0xF]);
            }
        } else {
            out.append(char(c));
        }
    }
    return out;
}

int unhex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isHex(char c)
{
    return unhex(c) >= 0;
}

// net/url unescape; false with Go's error text.
bool unescape(const QByteArray &s, Mode mode, QByteArray *out, QByteArray *error)
{
    for (qsizetype i = 0; i < s.size();) {
        const char c = s.at(i);
        if (c == '%') {
            if (i + 2 >= s.size() || !isHex(s.at(i + 1)) || !isHex(s.at(i + 2))) {
                QByteArray bad = s.mid(i);
                if (bad.size() > 3)
                    bad.truncate(3);
                *error = "invalid URL escape " + quoteString(bad);
                return false;
            }
            if (mode == Mode::Host && unhex(s.at(i + 1)) < 8 && s.mid(i, 3) != "%25") {
                *error = "invalid URL escape " + quoteString(s.mid(i, 3));
                return false;
            }
            i += 3;
            continue;
        }
        if ((mode == Mode::Host || mode == Mode::Zone) && static_cast<unsigned char>(c) < 0x80
            && shouldEscape(static_cast<unsigned char>(c), mode)) {
            *error = "invalid character " + quoteString(QByteArray(1, c)) + " in host name";
            return false;
        }
        ++i;
    }
    QByteArray t;
    for (qsizetype i = 0; i < s.size();) {
        const char c = s.at(i);
        if (c == '%') {
            t.append(char(unhex(s.at(i + 1)) << 4 | unhex(s.at(i + 2))));
            i += 3;
        } else if (c == '+' && mode == Mode::QueryComponent) {
            t.append(' ');
            ++i;
        } else {
            t.append(c);
            ++i;
        }
    }
    *out = t;
    return true;
}

bool validOptionalPort(const QByteArray &port)
{
    if (port.isEmpty())
        return true;
    if (port.at(0) != ':')
        return false;
    for (qsizetype i = 1; i < port.size(); ++i) {
        if (port.at(i) < '0' || port.at(i) > '9')
            return false;
    }
    return true;
}

bool validUserinfo(const QByteArray &s)
{
    static const QByteArray allowed("-._:~!$&'()*+,;=%@");
    for (const char c : s) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                           || (c >= '0' && c <= '9');
        if (!alnum && !allowed.contains(c))
            return false;
    }
    return true;
}

struct Url
{
    QByteArray scheme;
    QByteArray opaque;
    bool hasUser = false;
    QByteArray username;
    QByteArray password;
    bool passwordSet = false;
    QByteArray host;
    QByteArray path;
    QByteArray rawPath;
    bool forceQuery = false;
    QByteArray rawQuery;
    QByteArray fragment;
    QByteArray rawFragment;

    QByteArray userString() const
    {
        QByteArray s = escape(username, Mode::UserPassword);
        if (passwordSet)
            s += ':' + escape(password, Mode::UserPassword);
        return s;
    }

    QByteArray escapedPath() const
    {
        if (!rawPath.isEmpty()) {
            QByteArray p;
            QByteArray e;
            if (unescape(rawPath, Mode::Path, &p, &e) && p == path)
                return rawPath;
        }
        if (path == "*")
            return path;
        return escape(path, Mode::Path);
    }

    QByteArray escapedFragment() const
    {
        if (!rawFragment.isEmpty()) {
            QByteArray f;
            QByteArray e;
            if (unescape(rawFragment, Mode::Fragment, &f, &e) && f == fragment)
                return rawFragment;
        }
        return escape(fragment, Mode::Fragment);
    }

    QByteArray hostname() const
    {
        QByteArray h = host;
        const qsizetype colon = h.lastIndexOf(':');
        if (colon >= 0 && validOptionalPort(h.mid(colon)))
            h.truncate(colon);
        if (h.startsWith('[') && h.endsWith(']'))
            h = h.mid(1, h.size() - 2);
        return h;
    }

    QByteArray toString() const
    {
        QByteArray buf;
        if (!scheme.isEmpty())
            buf += scheme + ':';
        if (!opaque.isEmpty()) {
            buf += opaque;
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || hasUser) {
                if (!host.isEmpty() || !path.isEmpty() || hasUser)
                    buf += "//";
                if (hasUser)
                    buf += userString() + '@';
                if (!host.isEmpty())
                    buf += escape(host, Mode::Host);
            }
            const QByteArray p = escapedPath();
            if (!p.isEmpty() && p.at(0) != '/' && !host.isEmpty())
                buf += '/';
            if (buf.isEmpty()) {
                const qsizetype i = p.indexOf(':');
                if (i > -1 && p.left(i).indexOf('/') == -1)
                    buf += "./";
            }
            buf += p;
        }
        if (forceQuery || !rawQuery.isEmpty())
            buf += '?' + rawQuery;
        if (!fragment.isEmpty())
            buf += '#' + escapedFragment();
        return buf;
    }
};

bool parseHost(const QByteArray &input, QByteArray *host, QByteArray *error)
{
    if (input.startsWith('[')) {
        const qsizetype i = input.lastIndexOf(']');
        if (i < 0) {
            *error = "missing ']' in host";
            return false;
        }
        const QByteArray colonPort = input.mid(i + 1);
        if (!validOptionalPort(colonPort)) {
            *error = "invalid port " + quoteString(colonPort) + " after host";
            return false;
        }
    } else {
        const qsizetype i = input.lastIndexOf(':');
        if (i >= 0) {
            const QByteArray colonPort = input.mid(i);
            if (!validOptionalPort(colonPort)) {
                *error = "invalid port " + quoteString(colonPort) + " after host";
                return false;
            }
        }
    }
    return unescape(input, Mode::Host, host, error);
}

bool parseUrl(const QByteArray &raw, Url *url, QByteArray *error)
{
    const qsizetype hash = raw.indexOf('#');
    const QByteArray u = hash < 0 ? raw : raw.left(hash);
    const QByteArray frag = hash < 0 ? QByteArray() : raw.mid(hash + 1);
    const auto wrap = [&](const QByteArray &what, const QByteArray &message) {
        *error = "parse " + quoteString(what) + ": " + message;
        return false;
    };
    for (const char c : u) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            return wrap(u, "net/url: invalid control character in URL");
    }
    Url out;
    if (u == "*") {
        out.path = "*";
    } else {
        QByteArray rest = u;
        // getScheme
        for (qsizetype i = 0; i < u.size(); ++i) {
            const char c = u.at(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                continue;
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0)
                    break;
                continue;
            }
            if (c == ':') {
                if (i == 0)
                    return wrap(u, "missing protocol scheme");
                out.scheme = u.left(i).toLower();
                rest = u.mid(i + 1);
            }
            break;
        }
        if (rest.endsWith('?') && rest.count('?') == 1) {
            out.forceQuery = true;
            rest.chop(1);
        } else {
            const qsizetype q = rest.indexOf('?');
            if (q >= 0) {
                out.rawQuery = rest.mid(q + 1);
                rest.truncate(q);
            }
        }
        bool opaque = false;
        if (!rest.startsWith('/')) {
            if (!out.scheme.isEmpty()) {
                out.opaque = rest;
                opaque = true;
            } else {
                const qsizetype slash = rest.indexOf('/');
                const QByteArray segment = slash < 0 ? rest : rest.left(slash);
                if (segment.contains(':'))
                    return wrap(u, "first path segment in URL cannot contain colon");
            }
        }
        if (!opaque) {
            if ((!out.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
                QByteArray authority = rest.mid(2);
                rest.clear();
                const qsizetype slash = authority.indexOf('/');
                if (slash >= 0) {
                    rest = authority.mid(slash);
                    authority.truncate(slash);
                }
                const qsizetype at = authority.lastIndexOf('@');
                QByteArray message;
                if (!parseHost(at < 0 ? authority : authority.mid(at + 1), &out.host, &message))
                    return wrap(u, message);
                if (at >= 0) {
                    const QByteArray userinfo = authority.left(at);
                    if (!validUserinfo(userinfo))
                        return wrap(u, "net/url: invalid userinfo");
                    out.hasUser = true;
                    const qsizetype colon = userinfo.indexOf(':');
                    if (!unescape(colon < 0 ? userinfo : userinfo.left(colon),
                                  Mode::UserPassword,
                                  &out.username,
                                  &message))
                        return wrap(u, message);
                    if (colon >= 0) {
                        out.passwordSet = true;
                        if (!unescape(userinfo.mid(colon + 1),
                                      Mode::UserPassword,
                                      &out.password,
                                      &message))
                            return wrap(u, message);
                    }
                }
            }
            QByteArray message;
            if (!unescape(rest, Mode::Path, &out.path, &message))
                return wrap(u, message);
            if (escape(out.path, Mode::Path) != rest)
                out.rawPath = rest;
        }
    }
    if (hash >= 0 && !frag.isEmpty()) {
        QByteArray message;
        if (!unescape(frag, Mode::Fragment, &out.fragment, &message))
            return wrap(raw, message);
        if (escape(out.fragment, Mode::Fragment) != frag)
            out.rawFragment = frag;
    }
    *url = out;
    return true;
}

QByteArray dictGetOrEmpty(const Map &d, const char *key)
{
    const auto it = d.find(QByteArray(key));
    if (it == d.end())
        return {};
    const Value &v = it->second;
    if (!v.isValid() || (v.kind() == Value::Kind::Nil && v.goType() == "<nil>"))
        nilDereference();
    if (v.kind() != Value::Kind::String) {
        fail("unable to parse " + QByteArray(key) + " key, must be of type string, but " + goKind(v)
             + " found");
    }
    return v.toString();
}

} // namespace

void addUrlFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    add(makeFunction("urlParse", {"string"}, nullptr, [](const Args &a) {
        Url u;
        QByteArray error;
        if (!parseUrl(a.at(0).toString(), &u, &error))
            fail("unable to parse url: " + error);
        Map d;
        d["scheme"] = Value::fromString(u.scheme);
        d["host"] = Value::fromString(u.host);
        d["hostname"] = Value::fromString(u.hostname());
        d["path"] = Value::fromString(u.path);
        d["query"] = Value::fromString(u.rawQuery);
        d["opaque"] = Value::fromString(u.opaque);
        d["fragment"] = Value::fromString(u.fragment);
        d["userinfo"] = Value::fromString(u.hasUser ? u.userString() : QByteArray());
        return Value::fromMap(std::move(d));
    }));
    add(makeFunction("urlJoin", {"map[string]interface {}"}, nullptr, [](const Args &a) {
        const Map d = mapEntries(a.at(0));
        Url u;
        u.scheme = dictGetOrEmpty(d, "scheme");
        u.host = dictGetOrEmpty(d, "host");
        u.path = dictGetOrEmpty(d, "path");
        u.rawQuery = dictGetOrEmpty(d, "query");
        u.opaque = dictGetOrEmpty(d, "opaque");
        u.fragment = dictGetOrEmpty(d, "fragment");
        const QByteArray userinfo = dictGetOrEmpty(d, "userinfo");
        if (!userinfo.isEmpty()) {
            Url temp;
            QByteArray error;
            if (!parseUrl("proto://" + userinfo + "@host", &temp, &error))
                fail("unable to parse userinfo in dict: " + error);
            u.hasUser = temp.hasUser;
            u.username = temp.username;
            u.password = temp.password;
            u.passwordSet = temp.passwordSet;
        }
        return Value::fromString(u.toString());
    }));
}

} // namespace Stagecraft::Model::Template::Sprig
