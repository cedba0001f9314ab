// SPDX-License-Identifier: GPL-3.0-or-later
#include "patchfilter.h"

#include <QStringList>

namespace Stagecraft::Model {

namespace {

enum class State {
    Unrecognized,
    DiffBegin,
    DiffBody,
    NewFile,
    DeleteFile,
    ModifyFile,
    Ignore,
};

void appendUnique(QList<QByteArray> &list, const QByteArray &value)
{
    if (!list.contains(value))
        list.append(value);
}

// The C-style quoting git applies to unusual path names ("a/tab\there").
std::optional<QByteArray> unquote(const QByteArray &quoted)
{
    if (quoted.size() < 2 || !quoted.startsWith('"') || !quoted.endsWith('"'))
        return std::nullopt;
    QByteArray out;
    for (qsizetype i = 1; i < quoted.size() - 1; ++i) {
        const char c = quoted.at(i);
        if (c != '\\') {
            out.append(c);
            continue;
        }
        if (++i >= quoted.size() - 1)
            return std::nullopt;
        const char e = quoted.at(i);
        switch (e) {
        case 'a':
            out.append('\a');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'v':
            out.append('\v');
            break;
        case '\\':
            out.append('\\');
            break;
        case '"':
            out.append('"');
            break;
        default:
            if (e >= '0' && e <= '7' && i + 2 < quoted.size() - 1) {
                bool ok = false;
                const int value = quoted.mid(i, 3).toInt(&ok, 8);
                if (!ok || value > 255)
                    return std::nullopt;
                out.append(char(value));
                i += 2;
            } else {
                return std::nullopt;
            }
        }
    }
    return out;
}

// Go's strconv.Quote for the rewritten path (printable UTF-8 stays raw).
QByteArray quote(const QByteArray &raw)
{
    QByteArray out = "\"";
    const QString decoded = QString::fromUtf8(raw);
    const bool validUtf8 = decoded.toUtf8() == raw;
    for (const char c : raw) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\a':
            out += "\\a";
            continue;
        case '\b':
            out += "\\b";
            continue;
        case '\f':
            out += "\\f";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        case '\v':
            out += "\\v";
            continue;
        default:
            break;
        }
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && !validUtf8))
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
        else
            out.append(c);
    }
    out += '"';
    return out;
}

class Parser
{
public:
    explicit Parser(const PathMatcher &matcher)
        : m_matcher(matcher)
    {}

    bool handleLine(const QByteArray &line);

    PatchFilter::Result m_result;

private:
    void write(const QByteArray &line)
    {
        m_result.patch += line;
        m_result.patch += '\n';
    }
    QByteArray trim(const QByteArray &path) const { return m_matcher.trimBasePath(path); }
    bool diffBegin(const QByteArray &line);
    void indexLine(const QByteArray &line);
    bool submoduleLine(const QByteArray &line);
    void binaryHeader(const QByteArray &line, State next)
    {
        for (const QByteArray &p : m_lastSeenPaths)
            appendUnique(m_result.binaryPaths, p);
        m_state = next;
        write(line);
    }
    void pathLine(const QByteArray &line, const char *prefix, bool endsHeader)
    {
        QByteArray path = line;
        if (path.startsWith(prefix))
            path = path.mid(qsizetype(qstrlen(prefix)));
        write(prefix + trim(path));
        if (endsHeader)
            m_state = State::DiffBody;
    }
    bool fail(const QString &message)
    {
        m_result.error = message;
        return false;
    }

    const PathMatcher &m_matcher;
    State m_state = State::Unrecognized;
    QList<QByteArray> m_lastSeenPaths;
};

bool Parser::diffBegin(const QByteArray &line)
{
    QByteArray a;
    QByteArray b;
    qsizetype at = line.indexOf(" \"a/");
    if (at >= 0) {
        const QByteArray rest = line.mid(at + 4);
        const qsizetype bAt = rest.indexOf(" \"b/");
        a = "\"a/" + (bAt >= 0 ? rest.left(bAt) : rest);
        b = "\"b/" + (bAt >= 0 ? rest.mid(bAt + 4) : QByteArray());
    } else if ((at = line.indexOf(" a/")) >= 0) {
        const QByteArray rest = line.mid(at + 3);
        const qsizetype bAt = rest.indexOf(" b/");
        a = "a/" + (bAt >= 0 ? rest.left(bAt) : rest);
        b = "b/" + (bAt >= 0 ? rest.mid(bAt + 3) : QByteArray());
    } else {
        return fail(QStringLiteral("unexpected diff begin line: %1").arg(QString::fromUtf8(line)));
    }

    m_lastSeenPaths.clear();
    QByteArray rewritten[2];
    const QByteArray withPrefix[2] = {a, b};
    const char *prefixes[2] = {"a/", "b/"};
    for (int i = 0; i < 2; ++i) {
        const bool quoted = withPrefix[i].startsWith('"') && withPrefix[i].endsWith('"');
        QByteArray path = withPrefix[i];
        if (quoted) {
            const auto unquoted = unquote(withPrefix[i]);
            if (!unquoted)
                return fail(QStringLiteral("unable to unqoute diff path %1")
                                    .arg(QString::fromUtf8(withPrefix[i])));
            path = *unquoted;
        }
        if (path.startsWith(prefixes[i]))
            path = path.mid(2);
        if (!m_matcher.matchPath(path)) {
            m_state = State::Ignore;
            return true;
        }
        const QByteArray newPath = trim(path);
        appendUnique(m_result.paths, newPath);
        appendUnique(m_lastSeenPaths, newPath);
        rewritten[i] = quoted ? quote(prefixes[i] + newPath) : prefixes[i] + newPath;
    }
    m_state = State::DiffBegin;
    write("diff --git " + rewritten[0] + ' ' + rewritten[1]);
    return true;
}

void Parser::indexLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() < 2) {
        write(line);
        return;
    }
    const QByteArray prefix = parts.at(0);
    const QByteArray hashes = parts.at(1);
    const QByteArray suffix = parts.size() > 2 ? line.mid(prefix.size() + hashes.size() + 2)
                                               : QByteArray();
    const qsizetype dots = hashes.indexOf("..");
    if (dots < 0) {
        write(line);
        return;
    }
    auto shorten = [](const QByteArray &list) {
        QList<QByteArray> out;
        for (const QByteArray &h : list.split(','))
            out.append(h.size() < 8 ? h : h.left(8));
        return out.join(',');
    };
    QByteArray newLine = prefix + ' ' + shorten(hashes.left(dots)) + ".."
                         + shorten(hashes.mid(dots + 2));
    if (!suffix.isEmpty())
        newLine += ' ' + suffix;
    write(newLine);
}

bool Parser::submoduleLine(const QByteArray &line)
{
    m_state = State::Unrecognized;
    if (line.endsWith(" (commits not present)"))
        return fail(QStringLiteral("cannot handle \"commits not present\" in git diff line \"%1\", "
                                   "check specified submodule commits are correct")
                            .arg(QString::fromUtf8(line)));
    return true;
}

bool Parser::handleLine(const QByteArray &line)
{
    const bool isDiff = line.startsWith("diff --git ");
    const bool isSubmodule = line.startsWith("Submodule ");
    switch (m_state) {
    case State::Unrecognized:
    case State::Ignore:
        if (isDiff)
            return diffBegin(line);
        if (isSubmodule)
            return submoduleLine(line);
        return true; // werf keeps such lines out of the patch
    case State::DiffBegin:
        if (line.startsWith("deleted file mode ")) {
            m_state = State::DeleteFile;
            write(line);
        } else if (line.startsWith("new file mode ")) {
            m_state = State::NewFile;
            write(line);
        } else if (line.startsWith("old mode ")) {
            m_state = State::ModifyFile;
            write(line);
        } else if (line.startsWith("index ")) {
            m_state = State::ModifyFile;
            indexLine(line);
        } else {
            return fail(QStringLiteral("unexpected diff line in state `diffBegin`: %1")
                                .arg(QString::fromUtf8(line)));
        }
        return true;
    case State::ModifyFile:
    case State::NewFile:
    case State::DeleteFile:
        if (m_state == State::ModifyFile && line.startsWith("new mode ")) {
            write(line);
        } else if (m_state == State::ModifyFile && line.startsWith("--- ")) {
            pathLine(line, "--- a/", false);
        } else if (m_state != State::DeleteFile && line.startsWith("+++ ")) {
            pathLine(line, "+++ b/", true);
        } else if (m_state == State::DeleteFile && line.startsWith("--- ")) {
            pathLine(line, "--- a/", true);
        } else if (line.startsWith("GIT binary patch")) {
            binaryHeader(line, State::DiffBody);
        } else if (line.startsWith("Binary files")) {
            binaryHeader(line, State::Unrecognized);
        } else if (isDiff) {
            return diffBegin(line);
        } else if (line.startsWith("index ")) {
            indexLine(line);
        } else if (isSubmodule) {
            return submoduleLine(line);
        } else {
            write(line);
        }
        return true;
    case State::DiffBody:
        if (isDiff)
            return diffBegin(line);
        if (isSubmodule)
            return submoduleLine(line);
        write(line);
        return true;
    }
    return true;
}

} // namespace

PatchFilter::Result PatchFilter::filter(const QByteArray &diff, const PathMatcher &matcher)
{
    Parser parser(matcher);
    qsizetype start = 0;
    // werf handles complete lines only: a last line without '\n' is never seen.
    for (qsizetype nl = diff.indexOf('\n'); nl >= 0; nl = diff.indexOf('\n', start)) {
        if (!parser.handleLine(diff.mid(start, nl - start)))
            break;
        start = nl + 1;
    }
    return parser.m_result;
}

} // namespace Stagecraft::Model
