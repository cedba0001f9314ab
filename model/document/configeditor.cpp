// SPDX-License-Identifier: GPL-3.0-or-later
#include "configeditor.h"

#include "common/tr.h"
#include "config/configdecoder.h"
#include "config/yamlnode.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace Stagecraft::Model {

namespace {

/** One step of a directive path: `key` or `key[index]`. */
struct PathSegment
{
    QString key;
    int index = -1;
};

std::optional<QList<PathSegment>> parsePath(const QString &path, QString *error)
{
    QList<PathSegment> segments;
    qsizetype i = 0;
    const qsizetype n = path.size();
    if (n == 0) {
        *error = Tr::tr("empty directive path");
        return std::nullopt;
    }
    while (i < n) {
        PathSegment segment;
        if (path.at(i) == u'"') {
            const qsizetype close = path.indexOf(u'"', i + 1);
            if (close < 0) {
                *error = Tr::tr("unterminated quote in the directive path \"%1\"").arg(path);
                return std::nullopt;
            }
            segment.key = path.mid(i + 1, close - i - 1);
            i = close + 1;
        } else {
            const qsizetype start = i;
            while (i < n && path.at(i) != u'.' && path.at(i) != u'[')
                ++i;
            segment.key = path.mid(start, i - start);
        }
        if (segment.key.isEmpty()) {
            *error = Tr::tr("empty key in the directive path \"%1\"").arg(path);
            return std::nullopt;
        }
        if (i < n && path.at(i) == u'[') {
            const qsizetype close = path.indexOf(u']', i);
            bool ok = false;
            const int index = close < 0 ? -1 : path.mid(i + 1, close - i - 1).toInt(&ok);
            if (!ok || index < 0) {
                *error = Tr::tr("bad list index in the directive path \"%1\"").arg(path);
                return std::nullopt;
            }
            segment.index = index;
            i = close + 1;
        }
        if (i < n) {
            if (path.at(i) != u'.' || i + 1 == n) {
                *error = Tr::tr("bad directive path \"%1\"").arg(path);
                return std::nullopt;
            }
            ++i;
        }
        segments.append(segment);
    }
    return segments;
}

QString pathText(const QList<PathSegment> &segments, qsizetype count)
{
    QString text;
    for (qsizetype i = 0; i < count && i < segments.size(); ++i) {
        if (i)
            text += u'.';
        text += segments.at(i).key;
        if (segments.at(i).index >= 0)
            text += u'[' + QString::number(segments.at(i).index) + u']';
    }
    return text;
}

/** An edit of the rendered text, before it is mapped to the source. */
struct RenderedEdit
{
    qint64 start = 0;
    qint64 end = 0;
    QByteArray replacement;
};

QByteArray spaces(int count)
{
    return QByteArray(std::max(0, count), ' ');
}

bool isBlockCollection(const YamlNode &node)
{
    return (node.isMap() || node.isSequence()) && node.style == YamlNode::Style::Block;
}

/** A parsed flow value given by the user, with its text. */
struct FlowValue
{
    QByteArray text; ///< "k: VALUE" as parsed
    YamlNode node;

    QByteArray raw(const YamlNode &n) const { return text.mid(n.start, n.end - n.start); }
    QByteArray all() const { return raw(node); }
};

bool scalarItemsOnly(const YamlNode &node)
{
    if (node.isSequence()) {
        for (const YamlNode &item : node.items) {
            if (!item.isScalar())
                return false;
        }
        return !node.items.empty();
    }
    if (node.isMap()) {
        for (const YamlMapEntry &e : node.entries) {
            if (!e.key.isScalar() || !e.value.isScalar())
                return false;
        }
        return !node.entries.empty();
    }
    return false;
}

/** A list whose items are all maps of scalars: written as block items when it is new. */
bool mapItemsOnly(const YamlNode &node)
{
    if (!node.isSequence() || node.items.empty())
        return false;
    for (const YamlNode &item : node.items) {
        if (!item.isMap() || !scalarItemsOnly(item))
            return false;
    }
    return true;
}

QString escapeDouble(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

bool hasControl(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            return true;
    }
    return false;
}

QString quoteIn(const QString &value, YamlNode::Style style)
{
    if (style == YamlNode::Style::SingleQuoted && !hasControl(value))
        return u'\'' + QString(value).replace(u'\'', QStringLiteral("''")) + u'\'';
    return escapeDouble(value);
}

} // namespace

EditResult EditResult::failure(const QString &message, const SourceLocation &location)
{
    EditResult result;
    result.error = Diagnostic::error(message, location);
    return result;
}

class ConfigEditor::Private
{
public:
    explicit Private(const LoadedProject &project)
        : p(project)
        , text(project.rendered)
    {
        detectStyle();
    }

    const LoadedProject &p;
    const QByteArray &text;
    int indent = 2;
    int listIndent = 2;
    QByteArray eol = QByteArrayLiteral("\n");

    /** A document found for a target, parsed. */
    struct Found
    {
        DocumentRange range;
        YamlParseResult yaml;
        const YamlMapEntry *nameEntry = nullptr; ///< `image:`/`artifact:` (null for the meta)
    };

    // ---- style ----------------------------------------------------------------------------

    static int leadingSpaces(const QByteArray &t, qint64 from, qint64 to)
    {
        qint64 i = from;
        while (i < to && t.at(i) == ' ')
            ++i;
        return int(i - from);
    }

    void detectStyle()
    {
        const qint64 crlf = p.source.indexOf("\r\n");
        const qint64 lf = p.source.indexOf('\n');
        if (crlf >= 0 && crlf + 1 == lf)
            eol = QByteArrayLiteral("\r\n");
        // Look at each `key:` line that opens a block and at the line under it.
        QMap<int, int> widths;
        int listFlat = 0;
        QMap<int, int> listDeep;
        struct Line
        {
            qint64 start;
            qint64 end;
        };
        QList<Line> lines;
        qint64 i = 0;
        const qint64 n = text.size();
        while (i < n && lines.size() < 20000) {
            qint64 e = text.indexOf('\n', i);
            if (e < 0)
                e = n;
            qint64 ce = e;
            if (ce > i && text.at(ce - 1) == '\r')
                --ce;
            lines.append({i, ce});
            i = e + 1;
        }
        auto isBlank = [&](const Line &l) {
            const int s = leadingSpaces(text, l.start, l.end);
            return l.start + s >= l.end || text.at(l.start + s) == '#';
        };
        for (qsizetype k = 0; k + 1 < lines.size(); ++k) {
            const Line &l = lines.at(k);
            if (isBlank(l))
                continue;
            qint64 ce = l.end;
            // Strip a trailing comment (a rough cut is enough for a statistic).
            for (qint64 h = l.start; h + 1 < ce; ++h) {
                if (text.at(h) == ' ' && text.at(h + 1) == '#') {
                    ce = h;
                    break;
                }
            }
            while (ce > l.start && (text.at(ce - 1) == ' ' || text.at(ce - 1) == '\t'))
                --ce;
            if (ce <= l.start || text.at(ce - 1) != ':')
                continue;
            int keyIndent = leadingSpaces(text, l.start, l.end);
            if (text.mid(l.start + keyIndent, 2) == "- ")
                keyIndent += 2;
            qsizetype m = k + 1;
            while (m < lines.size() && isBlank(lines.at(m)))
                ++m;
            if (m >= lines.size())
                break;
            const Line &next = lines.at(m);
            const int nextIndent = leadingSpaces(text, next.start, next.end);
            const bool dash = text.mid(next.start + nextIndent, 2) == "- "
                              || (next.start + nextIndent + 1 == next.end
                                  && text.at(next.start + nextIndent) == '-');
            if (dash) {
                if (nextIndent == keyIndent)
                    ++listFlat;
                else if (nextIndent > keyIndent)
                    ++listDeep[nextIndent - keyIndent];
            } else if (nextIndent > keyIndent) {
                ++widths[nextIndent - keyIndent];
            }
        }
        if (!widths.isEmpty()) {
            // The most common step; ties go to the smaller one.
            int best = widths.firstKey();
            for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
                if (it.value() > widths.value(best))
                    best = it.key();
            }
            indent = best;
        }
        int deepCount = 0;
        int deepBest = indent;
        for (auto it = listDeep.cbegin(); it != listDeep.cend(); ++it) {
            deepCount += it.value();
            if (it.value() > listDeep.value(deepBest))
                deepBest = it.key();
        }
        if (listFlat > deepCount)
            listIndent = 0;
        else if (deepCount > 0)
            listIndent = deepBest;
        else
            listIndent = 0; // werf's documentation writes `git:\n- add: /`
    }

    // ---- locations ------------------------------------------------------------------------

    SourceLocation renderedLocation(qint64 offset) const { return p.sourceMap.location(offset); }

    EditResult fail(const QString &message, qint64 renderedOffset) const
    {
        return EditResult::failure(message, renderedLocation(renderedOffset));
    }

    // ---- documents ------------------------------------------------------------------------

    static const YamlNode *nameNodeOf(const YamlNode &root, QString *key)
    {
        if (!root.isMap())
            return nullptr;
        for (const char *k : {"image", "artifact"}) {
            if (const YamlNode *n = root.child(QString::fromLatin1(k))) {
                *key = QString::fromLatin1(k);
                return n;
            }
        }
        return nullptr;
    }

    static bool nameMatches(const YamlNode &nameNode, const QString &name)
    {
        const YamlNode &n = resolveAlias(nameNode);
        if (n.isSequence()) {
            for (const YamlNode &item : n.items) {
                if (nameMatches(item, name))
                    return true;
            }
            return false;
        }
        if (n.isNull())
            return name.isEmpty();
        return n.isScalar() && n.value == name;
    }

    std::optional<Found> parseRange(const DocumentRange &range) const
    {
        Found found;
        found.range = range;
        found.yaml = parseYamlDocument(text, range.start, range.end, range.lineOffset + 1);
        if (!found.yaml.ok)
            return std::nullopt;
        return found;
    }

    QList<DocumentRange> allRanges() const { return splitDocuments(text); }

    std::optional<Found> find(const EditTarget &target, EditResult *error) const
    {
        const QString name = target.name == u"~" ? QString() : target.name;
        // The typed config knows where each image lives; fall back to a scan when the config
        // did not decode (the user is editing an invalid file).
        int document = -1;
        if (target.meta) {
            if (p.config.meta.present)
                document = p.config.meta.document;
        } else {
            for (const StapelImage &image : p.config.images) {
                if (image.name == name) {
                    document = image.document;
                    break;
                }
            }
            if (document < 0) {
                for (const DockerfileImage &image : p.config.dockerfileImages) {
                    if (image.name == name) {
                        document = image.document;
                        break;
                    }
                }
            }
        }
        const auto matches = [&](const Found &f) {
            QString key;
            const YamlNode *n = nameNodeOf(f.yaml.root, &key);
            if (target.meta)
                return n == nullptr && f.yaml.root.isMap();
            return n != nullptr && nameMatches(*n, name);
        };
        const auto withName = [&](Found f) {
            QString key;
            if (nameNodeOf(f.yaml.root, &key))
                f.nameEntry = f.yaml.root.entry(key);
            return f;
        };
        if (document >= 0 && document < p.config.documents.size()) {
            const ConfigDocument &doc = p.config.documents.at(document);
            const DocumentRange range{doc.span.start, doc.span.end, doc.lineOffset};
            if (std::optional<Found> f = parseRange(range); f && matches(*f))
                return withName(std::move(*f));
        }
        for (const DocumentRange &range : allRanges()) {
            std::optional<Found> f = parseRange(range);
            if (f && matches(*f))
                return withName(std::move(*f));
        }
        *error = EditResult::failure(target.meta ? Tr::tr("the config has no meta document")
                                                 : Tr::tr("no image or artifact named \"%1\"")
                                                           .arg(target.name),
                                     fileStart());
        return std::nullopt;
    }

    SourceLocation fileStart() const
    {
        SourceLocation l;
        l.file = p.configFile;
        l.offset = 0;
        l.line = 1;
        l.column = 1;
        return l;
    }

    // ---- text helpers ---------------------------------------------------------------------

    qint64 lineStart(qint64 pos) const
    {
        while (pos > 0 && text.at(pos - 1) != '\n')
            --pos;
        return pos;
    }

    /** True when only blanks precede pos on its line. */
    bool onlyBlanksBefore(qint64 pos) const
    {
        for (qint64 i = lineStart(pos); i < pos; ++i) {
            if (text.at(i) != ' ' && text.at(i) != '\t')
                return false;
        }
        return true;
    }

    /**
     * From pos (the end of a value), past blanks and a trailing comment, to just after the line
     * break; -1 when something else follows on the line.
     */
    qint64 pastLineEnd(qint64 pos) const
    {
        const qint64 n = text.size();
        // A block scalar with keep chomping (`|+`) owns its line break and the blank lines
        // after it: its end is already the start of the next line.
        if (pos > 0 && pos <= n && text.at(pos - 1) == '\n'
            && (pos == n || (text.at(pos) != '\n' && text.at(pos) != '\r')))
            return pos;
        qint64 q = pos;
        while (q < n && (text.at(q) == ' ' || text.at(q) == '\t'))
            ++q;
        if (q < n && text.at(q) == '#') {
            while (q < n && text.at(q) != '\n')
                ++q;
            return q < n ? q + 1 : n;
        }
        if (q < n && text.at(q) == '\r')
            ++q;
        if (q < n && text.at(q) == '\n')
            return q + 1;
        if (q >= n)
            return n;
        return -1;
    }

    /** End of the content of pos's line (before "\r\n" or "\n"). */
    qint64 contentEnd(qint64 pos) const
    {
        qint64 e = text.indexOf('\n', pos);
        if (e < 0)
            return text.size();
        if (e > 0 && text.at(e - 1) == '\r')
            --e;
        return e;
    }

    /** Just after the `:` that follows a map key. */
    qint64 colonAfter(const YamlMapEntry &entry) const
    {
        qint64 q = entry.key.end;
        const qint64 n = text.size();
        // A quoted key ends at its closing quote; skip blanks to the indicator.
        while (q < n && text.at(q) != ':')
            ++q;
        return std::min(q + 1, n);
    }

    /** A removal of [start, end) widened to whole lines when the range owns them. */
    RenderedEdit removeLines(qint64 start, qint64 end) const
    {
        RenderedEdit edit{start, end, {}};
        const qint64 after = pastLineEnd(end);
        if (onlyBlanksBefore(start) && after >= 0) {
            edit.start = lineStart(start);
            edit.end = after;
            // Keep a missing final newline missing: take the line break before instead.
            if (edit.end == text.size() && !text.endsWith('\n') && edit.start > 0) {
                edit.start -= 1;
                if (edit.start > 0 && text.at(edit.start - 1) == '\r')
                    edit.start -= 1;
            }
        }
        return edit;
    }

    /** Where a new line goes after a node that ends at `end`, and whether it needs a break first. */
    std::pair<qint64, bool> lineAfter(qint64 end) const
    {
        qint64 q = pastLineEnd(end);
        if (q < 0)
            q = contentEnd(end);
        const bool needBreak = q == text.size() && !text.endsWith('\n');
        return {q, needBreak};
    }

    int columnOf(qint64 offset) const { return int(offset - lineStart(offset)); }

    /**
     * The end of a node's content: a `|+` block scalar's span holds its final line break and
     * the blank lines after it, which a replacement must leave in place (they separate the
     * value from what follows).
     */
    qint64 trimmedEnd(const YamlNode &node) const
    {
        qint64 e = node.end;
        while (e > node.start && text.at(e - 1) == '\n') {
            qint64 f = e - 1;
            if (f > node.start && text.at(f - 1) == '\r')
                --f;
            qint64 g = f;
            while (g > node.start && (text.at(g - 1) == ' ' || text.at(g - 1) == '\t'))
                --g;
            if (g > node.start && text.at(g - 1) == '\n') {
                e = g; // a whole blank line: look at the one before it
                continue;
            }
            e = f;
            break;
        }
        return e;
    }

    /** Where a node's content starts: after its properties (`&anchor`, `!tag`) and blanks. */
    qint64 contentStart(const YamlNode &node) const
    {
        qint64 q = node.start;
        if (node.anchor.isEmpty() && node.tag.isEmpty())
            return q;
        const qint64 n = std::min<qint64>(node.end, text.size());
        for (int round = 0; round < 2 && q < n; ++round) {
            if (text.at(q) != '&' && text.at(q) != '!')
                break;
            while (q < n && text.at(q) != ' ' && text.at(q) != '\t' && text.at(q) != '\n'
                   && text.at(q) != '\r')
                ++q;
            // Blanks, a comment and line breaks between the properties and a block content.
            while (q < n) {
                const char c = text.at(q);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    ++q;
                } else if (c == '#') {
                    while (q < n && text.at(q) != '\n')
                        ++q;
                } else {
                    break;
                }
            }
        }
        return q;
    }

    /** The `&name ` a replacement of an anchored node writes first, so aliases keep working. */
    static QByteArray anchorPrefix(const YamlNode &node)
    {
        if (node.anchor.isEmpty() || node.kind == YamlNode::Kind::Alias)
            return {};
        return '&' + node.anchor.toUtf8() + ' ';
    }

    /** The node holding `&name` that an alias at `before` refers to (the last one before it). */
    static const YamlNode *findAnchor(const YamlNode &node, const QString &name, qint64 before)
    {
        const YamlNode *found = nullptr;
        if (!node.anchor.isEmpty() && node.anchor == name && node.start < before
            && node.kind != YamlNode::Kind::Alias)
            found = &node;
        for (const YamlNode &item : node.items) {
            if (const YamlNode *f = findAnchor(item, name, before))
                found = f;
        }
        for (const YamlMapEntry &e : node.entries) {
            if (const YamlNode *f = findAnchor(e.key, name, before))
                found = f;
            if (const YamlNode *f = findAnchor(e.value, name, before))
                found = f;
        }
        return found;
    }

    /** The refusal of an edit that walks into an alias: it names both places. */
    EditResult aliasRefusal(const QString &what, const YamlNode &alias, const YamlNode &root) const
    {
        const SourceLocation at = renderedLocation(alias.start);
        const YamlNode *anchor = findAnchor(root, alias.value, alias.start);
        const QString anchorAt = anchor ? renderedLocation(anchor->start).toString()
                                        : Tr::tr("(not found)");
        return EditResult::failure(
                Tr::tr("%1 at %2 is the alias *%3 of the anchor &%3 at %4: an edit inside it "
                       "would change every place that uses the anchor. Edit the anchored node, "
                       "or set %1 itself to replace the alias by a value of its own")
                        .arg(what, at.toString(), alias.value, anchorAt),
                at);
    }

    // ---- values ---------------------------------------------------------------------------

    std::optional<FlowValue> parseValue(const QString &value, QString *error) const
    {
        if (value.contains(u'\n') || value.contains(u'\r')) {
            *error = Tr::tr("the value must be a one-line YAML flow value");
            return std::nullopt;
        }
        FlowValue fv;
        fv.text = QByteArrayLiteral("k: ") + value.toUtf8();
        const YamlParseResult parsed = parseYamlDocument(fv.text, 0, fv.text.size(), 1);
        if (!parsed.ok) {
            *error = Tr::tr("bad YAML value %1: %2").arg(value, parsed.error);
            return std::nullopt;
        }
        if (!parsed.root.isMap() || parsed.root.entries.size() != 1
            || parsed.root.entries.front().key.value != u"k") {
            *error = Tr::tr("bad YAML value %1: expected one flow value").arg(value);
            return std::nullopt;
        }
        fv.node = parsed.root.entries.front().value;
        if (fv.node.isNull() && fv.node.start == fv.node.end && !value.trimmed().isEmpty()) {
            *error = Tr::tr("bad YAML value %1: expected one flow value").arg(value);
            return std::nullopt;
        }
        if (fv.node.kind == YamlNode::Kind::Alias || !fv.node.anchor.isEmpty()) {
            *error = Tr::tr("bad YAML value %1: anchors and aliases are not supported here")
                             .arg(value);
            return std::nullopt;
        }
        return fv;
    }

    /**
     * The text after `key:` for a new key at column `col`: ` value`, or, for a flow list or map
     * of scalars, a block in the file's style.
     */
    QByteArray newValueText(const FlowValue &v, int col) const
    {
        if (mapItemsOnly(v.node)) {
            // A new list of small maps (`git: [{add: /, to: /app}]`) as block items.
            QByteArray out;
            for (const YamlNode &item : v.node.items) {
                bool first = true;
                for (const YamlMapEntry &e : item.entries) {
                    out += eol + spaces(col + listIndent + (first ? 0 : 2)) + (first ? "- " : "")
                           + v.raw(e.key) + ": " + v.raw(e.value);
                    first = false;
                }
            }
            return out;
        }
        if (scalarItemsOnly(v.node)) {
            QByteArray out;
            if (v.node.isSequence()) {
                for (const YamlNode &item : v.node.items)
                    out += eol + spaces(col + listIndent) + "- " + v.raw(item);
            } else {
                for (const YamlMapEntry &e : v.node.entries)
                    out += eol + spaces(col + indent) + v.raw(e.key) + ": " + v.raw(e.value);
            }
            return out;
        }
        if (v.node.isNull() && v.node.start == v.node.end)
            return {};
        return ' ' + v.all();
    }

    /** The new chain `a:\n  b:\n    c: value` for the missing path segments [from, end). */
    QByteArray newKeys(const QList<PathSegment> &segments,
                       qsizetype from,
                       int col,
                       const FlowValue &v,
                       bool leadingBreak) const
    {
        QByteArray out;
        for (qsizetype i = from; i < segments.size(); ++i) {
            if (i > from || leadingBreak)
                out += eol;
            out += spaces(col) + quoteScalar(segments.at(i).key).toUtf8() + ':';
            if (i + 1 == segments.size())
                out += newValueText(v, col);
            col += indent;
        }
        return out;
    }

    /** The same chain as a flow map entry, for a flow parent: `a: {b: value}`. */
    static QByteArray newFlowKeys(const QList<PathSegment> &segments,
                                  qsizetype from,
                                  const FlowValue &v)
    {
        QByteArray out;
        int open = 0;
        for (qsizetype i = from; i < segments.size(); ++i) {
            out += quoteScalar(segments.at(i).key).toUtf8() + ": ";
            if (i + 1 < segments.size()) {
                out += '{';
                ++open;
            }
        }
        out += v.all();
        out += QByteArray(open, '}');
        return out;
    }

    /** The replacement text of an existing scalar: the user's value, in the old quoting style. */
    static QByteArray scalarReplacement(const YamlNode &old, const FlowValue &v)
    {
        if (old.isQuoted() && v.node.kind == YamlNode::Kind::Scalar
            && v.node.style == YamlNode::Style::Plain && v.node.tag.isEmpty()
            && v.node.resolved() == YamlNode::Resolved::String)
            return quoteIn(v.node.value, old.style).toUtf8();
        return v.all();
    }

    // ---- path resolution ------------------------------------------------------------------

    /** The chain of nodes a path walks through. */
    struct Step
    {
        const YamlNode *node = nullptr;      ///< the node this step reached
        const YamlMapEntry *entry = nullptr; ///< its map entry (when reached by key)
        const YamlNode *parent = nullptr;    ///< the collection holding it
        int index = -1;                      ///< its index (when reached by index)
    };

    struct Resolution
    {
        QList<Step> steps;      ///< steps[0] is the document root
        qsizetype resolved = 0; ///< number of path segments resolved
        /** The last segment indexes one past the end of a list (steps.last() is the list). */
        bool indexMissing = false;
    };

    std::optional<Resolution> resolve(const YamlNode &root,
                                      const QList<PathSegment> &segments,
                                      EditResult *error) const
    {
        Resolution r;
        r.steps.append({&root, nullptr, nullptr, -1});
        for (qsizetype i = 0; i < segments.size(); ++i) {
            const YamlNode *current = r.steps.last().node;
            if (current->kind == YamlNode::Kind::Alias) {
                *error = aliasRefusal(pathText(segments, i), *current, root);
                return std::nullopt;
            }
            if (!current->isMap()) {
                if (current->isNull())
                    return r;
                *error = fail(Tr::tr("%1 is not a map").arg(pathText(segments, i)), current->start);
                return std::nullopt;
            }
            const YamlMapEntry *entry = current->entry(segments.at(i).key);
            if (!entry)
                return r;
            r.steps.append({&entry->value, entry, current, -1});
            const int index = segments.at(i).index;
            if (index >= 0) {
                const YamlNode *list = &entry->value;
                if (list->kind == YamlNode::Kind::Alias) {
                    const QString listPath = i == 0 ? segments.at(i).key
                                                    : pathText(segments, i) + u'.'
                                                              + segments.at(i).key;
                    *error = aliasRefusal(listPath, *list, root);
                    return std::nullopt;
                }
                if (!list->isSequence()) {
                    *error = fail(Tr::tr("%1 is not a list").arg(pathText(segments, i) + u'['),
                                  list->start);
                    return std::nullopt;
                }
                if (index == int(list->items.size()) && i + 1 == segments.size()) {
                    // One past the end: a new item appended to the list.
                    r.indexMissing = true;
                    r.resolved = i + 1;
                    return r;
                }
                if (index >= int(list->items.size())) {
                    *error = fail(Tr::tr("%1 has no item %2 (it has %3)")
                                          .arg(segments.at(i).key)
                                          .arg(index)
                                          .arg(list->items.size()),
                                  list->start);
                    return std::nullopt;
                }
                r.steps.append({&list->items.at(std::size_t(index)), nullptr, list, index});
            }
            r.resolved = i + 1;
        }
        return r;
    }

    // ---- mapping to the source ------------------------------------------------------------

    /** A place in one of the source map's files. */
    SourceLocation sourceLocation(int file, qint64 offset) const
    {
        const SourceMap &map = p.sourceMap;
        SourceLocation l;
        l.file = map.filePath(file);
        l.offset = offset;
        if (file >= 0 && file < map.fileCount()) {
            const LineColumn lc = map.fileIndex(file).lineColumn(offset);
            l.line = lc.line;
            l.column = lc.column;
        }
        return l;
    }

    /** The template action's text, shortened for a message. */
    QString actionText(int file, qint64 start, qint64 end) const
    {
        const SourceMap &map = p.sourceMap;
        if (file < 0 || file >= map.fileCount() || end <= start)
            return {};
        QString t = QString::fromUtf8(map.fileIndex(file).text().mid(start, end - start))
                            .simplified();
        if (t.size() > 60)
            t = t.left(57) + QStringLiteral("...");
        return t;
    }

    EditResult actionRefusal(int file, qint64 start, qint64 end, const QStringList &context) const
    {
        const SourceLocation where = sourceLocation(file, start);
        QString inside;
        if (!context.isEmpty())
            inside = Tr::tr(" (inside %1)").arg(context.join(QStringLiteral(" > ")));
        return EditResult::failure(Tr::tr("read-only: this text is produced by the template "
                                          "action `%1` at %2%3; edit the template code instead")
                                           .arg(actionText(file, start, end),
                                                where.toString(),
                                                inside),
                                   where);
    }

    /** Why a rendered range cannot be edited, or nothing when it maps to literal config text. */
    std::optional<EditResult> refusal(qint64 start, qint64 end) const
    {
        const SourceMap &map = p.sourceMap;
        auto check = [&](const SourceMap::Segment *s, qint64 at) -> std::optional<EditResult> {
            if (!s)
                return fail(Tr::tr("the position is outside the rendered text"), 0);
            if (s->kind == SourceMap::Kind::Generated)
                return actionRefusal(s->file, s->sourceStart, s->sourceEnd, s->context);
            const SourceMap::Origin origin = map.origin(at);
            if (!s->context.isEmpty())
                return EditResult::failure(
                        Tr::tr("read-only: this text is copied by a template construct (inside "
                               "%1); edit the template code instead")
                                .arg(s->context.join(QStringLiteral(" > "))),
                        origin.location);
            if (map.filePath(s->file) != p.configFile)
                return EditResult::failure(Tr::tr("read-only: this text comes from %1")
                                                   .arg(map.filePath(s->file)),
                                           origin.location);
            return std::nullopt;
        };
        if (start == end) {
            const SourceMap::Segment *before = start > 0 ? map.segmentAt(start - 1) : nullptr;
            const SourceMap::Segment *after = map.segmentAt(start);
            if (before && !check(before, start - 1))
                return std::nullopt;
            if (after && !check(after, start))
                return std::nullopt;
            if (before)
                return check(before, start - 1);
            return check(after, start);
        }
        qint64 pos = start;
        while (pos < end) {
            const SourceMap::Segment *s = map.segmentAt(pos);
            if (auto r = check(s, pos))
                return r;
            if (s->renderedEnd < end) {
                const SourceMap::Segment *next = map.segmentAt(s->renderedEnd);
                if (next && next->kind == SourceMap::Kind::Literal && next->file == s->file
                    && next->context == s->context && next->sourceStart > s->sourceEnd)
                    // Two literal pieces with template code between them that produced nothing
                    // here (an `if`, a comment, an empty value).
                    return actionRefusal(s->file, s->sourceEnd, next->sourceStart, s->context);
            }
            pos = s->renderedEnd;
        }
        return std::nullopt;
    }

    /** The source offset of a rendered offset known to be literal (see refusal()). */
    qint64 sourceOffset(qint64 rendered, bool preferBefore) const
    {
        const SourceMap &map = p.sourceMap;
        const SourceMap::Segment *s = nullptr;
        if (preferBefore && rendered > 0) {
            s = map.segmentAt(rendered - 1);
            if (s
                && (s->kind != SourceMap::Kind::Literal || !s->context.isEmpty()
                    || map.filePath(s->file) != p.configFile))
                s = nullptr;
        }
        if (!s)
            s = map.segmentAt(rendered);
        if (!s && rendered > 0)
            s = map.segmentAt(rendered - 1);
        if (!s)
            return rendered;
        return s->sourceStart + (rendered - s->renderedStart);
    }

    EditResult finish(const QList<RenderedEdit> &edits) const
    {
        EditResult result;
        for (const RenderedEdit &e : edits) {
            if (auto refused = refusal(e.start, e.end))
                return *refused;
            const qint64 s = sourceOffset(e.start, e.start == e.end);
            const qint64 t = e.start == e.end ? s : sourceOffset(e.end - 1, false) + 1;
            result.edits.append({s, t - s, e.replacement});
        }
        QByteArray probe = p.source;
        if (!applyTextEdits(probe, result.edits))
            return EditResult::failure(Tr::tr("internal error: the edits overlap"), fileStart());
        return result;
    }

    /** A path that is set, resolved in its document (the steps point into `found`). */
    struct SetPath
    {
        QList<PathSegment> segments;
        std::optional<Found> found;
        Resolution resolution;
    };

    /**
     * Fills `where` for `path`, which must be set in target's document: how the edits of an
     * existing value begin. `where` is filled in place because the steps point into it.
     */
    bool locateSet(const EditTarget &target,
                   const QString &path,
                   SetPath *where,
                   EditResult *error) const
    {
        QString message;
        std::optional<QList<PathSegment>> segments = parsePath(path, &message);
        if (!segments) {
            *error = EditResult::failure(message, fileStart());
            return false;
        }
        where->segments = std::move(*segments);
        return locateParsed(target, path, where, error);
    }

    /** locateSet() for `where->segments`, parsed already. */
    bool locateParsed(const EditTarget &target,
                      const QString &path,
                      SetPath *where,
                      EditResult *error) const
    {
        where->found = find(target, error);
        if (!where->found)
            return false;
        std::optional<Resolution> r = resolve(where->found->yaml.root, where->segments, error);
        if (!r)
            return false;
        where->resolution = std::move(*r);
        const Resolution &resolution = where->resolution;
        if (resolution.resolved < where->segments.size() || resolution.indexMissing) {
            *error = fail(Tr::tr("%1 is not set").arg(path), resolution.steps.last().node->start);
            return false;
        }
        return true;
    }

    // ---- operations -----------------------------------------------------------------------

    EditResult setValue(const EditTarget &target, const QString &path, const QString &value) const
    {
        QString message;
        const std::optional<QList<PathSegment>> segments = parsePath(path, &message);
        if (!segments)
            return EditResult::failure(message, fileStart());
        const std::optional<FlowValue> v = parseValue(value, &message);
        if (!v)
            return EditResult::failure(message, fileStart());
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        const std::optional<Resolution> r = resolve(found->yaml.root, *segments, &error);
        if (!r)
            return error;
        QList<RenderedEdit> edits;
        if (!editsForSet(*r, *segments, *v, &edits, &error))
            return error;
        return finish(edits);
    }

    bool editsForSet(const Resolution &r,
                     const QList<PathSegment> &segments,
                     const FlowValue &v,
                     QList<RenderedEdit> *edits,
                     EditResult *error) const
    {
        if (r.indexMissing)
            return editsForAppend(*r.steps.last().node, v, edits, error);
        if (r.resolved < segments.size()) {
            // Missing keys: add them under the deepest existing node.
            const Step &last = r.steps.last();
            const YamlNode &parent = *last.node;
            for (qsizetype i = r.resolved; i < segments.size(); ++i) {
                if (segments.at(i).index >= 0) {
                    *error = fail(Tr::tr("%1 does not exist; add the list first")
                                          .arg(pathText(segments, i + 1)),
                                  parent.start);
                    return false;
                }
            }
            if (parent.isMap() && parent.style == YamlNode::Style::Flow) {
                const qint64 close = parent.end - 1;
                QByteArray entry = newFlowKeys(segments, r.resolved, v);
                if (!parent.entries.empty())
                    entry = ", " + entry;
                edits->append({close, close, entry});
                return true;
            }
            if (parent.isMap()) {
                const int col = columnOf(parent.entries.front().key.start);
                const auto [at, needBreak] = lineAfter(parent.entries.back().end);
                QByteArray block = newKeys(segments, r.resolved, col, v, needBreak);
                if (!needBreak)
                    block += eol;
                edits->append({at, at, block});
                return true;
            }
            if (parent.isNull() && last.entry) {
                // `docker:` or `docker: ~` becomes a block map.
                const int col = columnOf(last.entry->key.start) + indent;
                const qint64 colon = colonAfter(*last.entry);
                if (parent.end > parent.start)
                    edits->append({colon, parent.end, {}});
                const qint64 at = std::max(contentEnd(colon), parent.end);
                edits->append({at, at, newKeys(segments, r.resolved, col, v, true)});
                return true;
            }
            if (parent.isNull() && r.steps.size() == 1) {
                *error = fail(Tr::tr("the document is empty"), parent.start);
                return false;
            }
            *error = fail(Tr::tr("%1 is not a map").arg(pathText(segments, r.resolved)),
                          parent.start);
            return false;
        }
        const Step &last = r.steps.last();
        const YamlNode &old = *last.node;
        if (old.kind == YamlNode::Kind::Alias) {
            // The key gets a value of its own; the anchored node and its other aliases stay.
            if (scalarItemsOnly(v.node) && last.entry) {
                const QByteArray t = newValueText(v, columnOf(last.entry->key.start));
                const qint64 colon = colonAfter(*last.entry);
                edits->append({colon, old.end, t});
                return true;
            }
            edits->append({old.start, old.end, v.all()});
            return true;
        }
        // An anchored node keeps its anchor: the aliases of it then see the new value.
        const QByteArray anchor = anchorPrefix(old);
        const qint64 oldEnd = trimmedEnd(old);
        if (old.isNull() && old.start == old.end && last.entry) {
            const QByteArray t = newValueText(v, columnOf(last.entry->key.start));
            const qint64 colon = colonAfter(*last.entry);
            const qint64 at = t.startsWith(eol) ? contentEnd(colon) : colon;
            edits->append({at, at, t});
            return true;
        }
        if (isBlockCollection(old)) {
            // Properties written before a block (`key: &a` + the items below) stay as written.
            const qint64 begin = contentStart(old);
            const int col = columnOf(begin);
            if (old.isSequence() && v.node.isSequence() && scalarItemsOnly(v.node)) {
                QByteArray out;
                for (const YamlNode &item : v.node.items) {
                    if (!out.isEmpty())
                        out += eol + spaces(col);
                    out += "- " + v.raw(item);
                }
                edits->append({begin, oldEnd, out});
                return true;
            }
            if (old.isMap() && v.node.isMap() && scalarItemsOnly(v.node)) {
                QByteArray out;
                for (const YamlMapEntry &e : v.node.entries) {
                    if (!out.isEmpty())
                        out += eol + spaces(col);
                    out += v.raw(e.key) + ": " + v.raw(e.value);
                }
                edits->append({begin, oldEnd, out});
                return true;
            }
            if (last.entry) {
                const qint64 colon = colonAfter(*last.entry);
                edits->append({colon, oldEnd, ' ' + anchor + v.all()});
                return true;
            }
            edits->append({old.start, oldEnd, anchor + v.all()});
            return true;
        }
        if (!old.isScalar() && !(old.style == YamlNode::Style::Flow)) {
            *error = fail(Tr::tr("this value cannot be replaced"), old.start);
            return false;
        }
        if (scalarItemsOnly(v.node) && last.entry && !old.isQuoted()
            && old.style != YamlNode::Style::Flow) {
            // A scalar becomes a list or map: write it as a block in the file's style.
            const QByteArray t = newValueText(v, columnOf(last.entry->key.start));
            const qint64 colon = colonAfter(*last.entry);
            edits->append({colon, oldEnd, anchor.isEmpty() ? t : ' ' + anchor.chopped(1) + t});
            return true;
        }
        edits->append({old.start, oldEnd, anchor + scalarReplacement(old, v)});
        return true;
    }

    /** A new last item of a list: a line in the list's own style, or `, item` in a flow list. */
    bool editsForAppend(const YamlNode &list,
                        const FlowValue &v,
                        QList<RenderedEdit> *edits,
                        EditResult *error) const
    {
        if (list.style == YamlNode::Style::Flow) {
            const qint64 close = list.end - 1;
            edits->append({close, close, (list.items.empty() ? QByteArray() : ", ") + v.all()});
            return true;
        }
        if (list.items.empty()) {
            *error = fail(Tr::tr("the list is empty"), list.start);
            return false;
        }
        qint64 dash = contentStart(list);
        if (text.at(dash) != '-') {
            *error = fail(Tr::tr("cannot find the list item's dash"), list.start);
            return false;
        }
        const int dashCol = columnOf(dash);
        QByteArray item = spaces(dashCol) + "- ";
        if (v.node.isMap() && scalarItemsOnly(v.node)) {
            bool first = true;
            for (const YamlMapEntry &e : v.node.entries) {
                if (!first)
                    item += eol + spaces(dashCol + 2);
                item += v.raw(e.key) + ": " + v.raw(e.value);
                first = false;
            }
        } else {
            item += v.all();
        }
        const auto [at, needBreak] = lineAfter(list.end);
        edits->append({at, at, needBreak ? eol + item : item + eol});
        return true;
    }

    /** Renames the last key of path in place (its value, comment and position stay). */
    EditResult renameKey(const EditTarget &target, const QString &path, const QString &key) const
    {
        QString message;
        std::optional<QList<PathSegment>> segments = parsePath(path, &message);
        if (!segments)
            return EditResult::failure(message, fileStart());
        if (key.isEmpty())
            return EditResult::failure(Tr::tr("the new key is empty"), fileStart());
        EditResult error;
        SetPath where;
        where.segments = std::move(*segments);
        if (!locateParsed(target, path, &where, &error))
            return error;
        const Resolution &r = where.resolution;
        if (where.segments.last().index >= 0) // a list item has no key to rename
            return fail(Tr::tr("%1 is not set").arg(path), r.steps.last().node->start);
        const Step &step = r.steps.last();
        if (!step.entry)
            return fail(Tr::tr("%1 is not a key").arg(path), step.node->start);
        if (step.parent && step.parent->entry(key))
            return fail(Tr::tr("%1 is already set").arg(key), step.parent->entry(key)->key.start);
        const YamlNode &old = step.entry->key;
        const QByteArray t = old.isQuoted() ? quoteIn(key, old.style).toUtf8()
                                            : quoteScalar(key).toUtf8();
        return finish({{old.start, old.end, t}});
    }

    /** Moves list item `from` to index `to`; the items between shift by one. */
    EditResult moveItem(const EditTarget &target, const QString &path, int from, int to) const
    {
        EditResult error;
        SetPath where;
        if (!locateSet(target, path, &where, &error))
            return error;
        const YamlNode &list = *where.resolution.steps.last().node;
        if (list.kind == YamlNode::Kind::Alias)
            return aliasRefusal(path, list, where.found->yaml.root);
        if (!list.isSequence())
            return fail(Tr::tr("%1 is not a list").arg(path), list.start);
        const int n = int(list.items.size());
        if (from < 0 || to < 0 || from >= n || to >= n)
            return fail(Tr::tr("%1 has no item %2 (it has %3)")
                                .arg(path)
                                .arg(std::max(from, to))
                                .arg(n),
                        list.start);
        if (from == to)
            return {};
        // Each item in [low, high] takes the text of the item that moves into its place; the
        // items keep their places in the file (dash, indentation, comments between them).
        QList<int> order;
        for (int i = 0; i < n; ++i)
            order.append(i);
        order.move(from, to);
        QList<RenderedEdit> edits;
        for (int i = std::min(from, to); i <= std::max(from, to); ++i) {
            const YamlNode &place = list.items.at(std::size_t(i));
            const YamlNode &moved = list.items.at(std::size_t(order.at(i)));
            edits.append({place.start,
                          trimmedEnd(place),
                          text.mid(moved.start, trimmedEnd(moved) - moved.start)});
        }
        return finish(edits);
    }

    EditResult unset(const EditTarget &target, const QString &path) const
    {
        EditResult error;
        SetPath where;
        if (!locateSet(target, path, &where, &error))
            return error;
        const QList<Step> &steps = where.resolution.steps;
        QList<RenderedEdit> edits;
        if (!removeStep(steps, steps.size() - 1, &edits, &error))
            return error;
        return finish(edits);
    }

    /** Removes steps[k] from its parent; an emptied block parent goes with it. */
    bool removeStep(const QList<Step> &steps,
                    qsizetype k,
                    QList<RenderedEdit> *edits,
                    EditResult *error) const
    {
        const Step &step = steps.at(k);
        if (k == 0) {
            *error = fail(Tr::tr("cannot remove the whole document this way"), step.node->start);
            return false;
        }
        const YamlNode &parent = *step.parent;
        const bool flow = parent.style == YamlNode::Style::Flow;
        if (step.entry) {
            const auto &entries = parent.entries;
            const auto it = std::find_if(entries.begin(),
                                         entries.end(),
                                         [&](const YamlMapEntry &e) { return &e == step.entry; });
            const std::size_t i = std::size_t(it - entries.begin());
            if (flow) {
                if (i + 1 < entries.size())
                    edits->append({step.entry->start, entries.at(i + 1).start, {}});
                else if (i > 0)
                    edits->append({entries.at(i - 1).end, step.entry->end, {}});
                else
                    edits->append({step.entry->start, step.entry->end, {}});
                return true;
            }
            if (entries.size() == 1 && k >= 2)
                return removeStep(steps, k - 1, edits, error);
            if (!onlyBlanksBefore(step.entry->start) && i + 1 < entries.size()) {
                // `- add: /` loses its first key: the next key moves up behind the dash.
                edits->append({step.entry->start, entries.at(i + 1).start, {}});
                return true;
            }
            edits->append(removeLines(step.entry->start, step.entry->end));
            return true;
        }
        // A list item.
        const auto &items = parent.items;
        const std::size_t i = std::size_t(step.index);
        if (flow) {
            if (i + 1 < items.size())
                edits->append({items.at(i).start, items.at(i + 1).start, {}});
            else if (i > 0)
                edits->append({items.at(i - 1).end, items.at(i).end, {}});
            else
                edits->append({items.at(i).start, items.at(i).end, {}});
            return true;
        }
        if (items.size() == 1 && k >= 2)
            return removeStep(steps, k - 1, edits, error);
        qint64 dash = items.at(i).start;
        while (dash > 0 && text.at(dash - 1) != '\n' && text.at(dash) != '-')
            --dash;
        if (text.at(dash) != '-') {
            *error = fail(Tr::tr("cannot find the list item's dash"), items.at(i).start);
            return false;
        }
        edits->append(removeLines(dash, std::max(items.at(i).end, dash + 1)));
        return true;
    }

    // ---- image-level operations -----------------------------------------------------------

    EditResult appendDocument(const QByteArray &body) const
    {
        // A new document goes at the very end of the source file, outside any template code.
        const QByteArray &source = p.source;
        const qint64 n = source.size();
        QByteArray block;
        bool hasContent = false;
        for (const char c : source) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                hasContent = true;
                break;
            }
        }
        if (!hasContent) {
            block = body + eol;
        } else if (source.endsWith('\n')) {
            block = "---" + eol + body + eol;
        } else {
            // Keep the missing final newline missing.
            block = eol + "---" + eol + body;
        }
        EditResult result;
        result.edits.append({n, 0, block});
        return result;
    }

    /** The refusal of a new image name that an image, artifact or Dockerfile image has. */
    std::optional<EditResult> nameTaken(const QString &name) const
    {
        for (const StapelImage &i : p.config.images) {
            if (i.name == name)
                return EditResult::failure(Tr::tr("an image or artifact named \"%1\" exists")
                                                   .arg(name),
                                           i.nameSpan.location);
        }
        for (const DockerfileImage &i : p.config.dockerfileImages) {
            if (i.name == name)
                return EditResult::failure(Tr::tr("an image named \"%1\" exists").arg(name),
                                           i.nameSpan.location);
        }
        return std::nullopt;
    }

    EditResult addImage(const QString &name, bool artifact, const QString &base) const
    {
        if (name.isEmpty() && artifact)
            return EditResult::failure(Tr::tr("an artifact needs a name"), fileStart());
        if (std::optional<EditResult> taken = nameTaken(name))
            return *taken;
        QByteArray body = (artifact ? QByteArrayLiteral("artifact: ") : QByteArrayLiteral("image: "))
                          + (name.isEmpty() ? QByteArrayLiteral("~") : quoteScalar(name).toUtf8());
        if (!base.isEmpty())
            body += eol + "from: " + quoteScalar(base).toUtf8();
        return appendDocument(body);
    }

    /** The rendered range of a whole document with one of its separators. */
    RenderedEdit documentRemoval(const DocumentRange &range) const
    {
        qint64 start = range.start;
        qint64 end = range.end;
        if (start > 0) {
            // The separator line before the document.
            start = lineStart(start - 1);
            if (end == text.size() && !text.endsWith('\n') && start > 0) {
                start -= 1;
                if (start > 0 && text.at(start - 1) == '\r')
                    start -= 1;
            }
        } else if (end < text.size()) {
            // The first document: take the separator after it.
            const qint64 after = pastLineEnd(contentEnd(end));
            end = after >= 0 ? after : contentEnd(end);
        }
        return {start, end, {}};
    }

    EditResult removeImage(const EditTarget &target) const
    {
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        if (found->nameEntry && found->nameEntry->value.isSequence()
            && found->nameEntry->value.items.size() > 1) {
            const auto &items = found->nameEntry->value.items;
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (nameMatches(items.at(i), target.name == u"~" ? QString() : target.name)) {
                    Resolution r;
                    r.steps.append({&found->yaml.root, nullptr, nullptr, -1});
                    r.steps.append(
                            {&found->nameEntry->value, found->nameEntry, &found->yaml.root, -1});
                    r.steps.append({&items.at(i), nullptr, &found->nameEntry->value, int(i)});
                    QList<RenderedEdit> edits;
                    if (!removeStep(r.steps, 2, &edits, &error))
                        return error;
                    return finish(edits);
                }
            }
        }
        return finish({documentRemoval(found->range)});
    }

    bool isArtifactDocument(const Found &found) const
    {
        return found.nameEntry && found.nameEntry->key.value == u"artifact";
    }

    EditResult renameImage(const EditTarget &target, const QString &newName) const
    {
        if (target.meta)
            return EditResult::failure(Tr::tr("the meta document has no name"), fileStart());
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        if (!found->nameEntry)
            return EditResult::failure(Tr::tr("the image has no name key"), fileStart());
        const QString oldName = target.name == u"~" ? QString() : target.name;
        if (newName.isEmpty())
            return EditResult::failure(Tr::tr("the new name is empty"), fileStart());
        if (std::optional<EditResult> taken = nameTaken(newName))
            return *taken;
        const bool artifact = isArtifactDocument(*found);
        QList<RenderedEdit> edits;
        auto replaceName = [&](const YamlNode &node) {
            const QString quoted = quoteScalar(newName);
            QByteArray t = node.isQuoted() ? quoteIn(newName, node.style).toUtf8()
                                           : quoted.toUtf8();
            edits.append({node.start, node.end, t});
        };
        const YamlNode &nameNode = found->nameEntry->value;
        if (nameNode.isSequence()) {
            for (const YamlNode &item : nameNode.items) {
                if (nameMatches(item, oldName))
                    replaceName(item);
            }
        } else if (nameNode.isNull()) {
            const qint64 colon = colonAfter(*found->nameEntry);
            edits.append(
                    {colon, std::max(colon, nameNode.end), ' ' + quoteScalar(newName).toUtf8()});
        } else {
            replaceName(nameNode);
        }
        // References from other documents.
        if (!oldName.isEmpty()) {
            const QStringList topKeys = artifact ? QStringList{QStringLiteral("fromImageArtifact"),
                                                               QStringLiteral("fromArtifact")}
                                                 : QStringList{QStringLiteral("fromImage")};
            const QString importKey = artifact ? QStringLiteral("artifact")
                                               : QStringLiteral("image");
            for (const DocumentRange &range : allRanges()) {
                const std::optional<Found> doc = parseRange(range);
                if (!doc || !doc->yaml.root.isMap())
                    continue;
                const YamlNode &root = doc->yaml.root;
                for (const QString &key : topKeys) {
                    const YamlNode *n = root.child(key);
                    if (n && n->kind == YamlNode::Kind::Scalar && n->value == oldName)
                        replaceName(*n);
                }
                for (const char *listKey : {"import", "dependencies"}) {
                    const YamlNode *list = root.child(QString::fromLatin1(listKey));
                    if (!list || !list->isSequence())
                        continue;
                    const QString key = qstrcmp(listKey, "import") == 0 ? importKey
                                                                        : QStringLiteral("image");
                    if (artifact && qstrcmp(listKey, "dependencies") == 0)
                        continue;
                    for (const YamlNode &item : list->items) {
                        const YamlNode *n = item.isMap() ? item.child(key) : nullptr;
                        if (n && n->kind == YamlNode::Kind::Scalar && n->value == oldName)
                            replaceName(*n);
                    }
                }
            }
        }
        return finish(edits);
    }

    EditResult duplicateImage(const EditTarget &target, const QString &newName) const
    {
        if (target.meta)
            return EditResult::failure(Tr::tr("the meta document cannot be duplicated"),
                                       fileStart());
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        if (!found->nameEntry || found->nameEntry->value.isSequence())
            return EditResult::failure(
                    Tr::tr("only a document with a single image name can be duplicated"),
                    renderedLocation(found->range.start));
        if (std::optional<EditResult> taken = nameTaken(newName))
            return *taken;
        const DocumentRange &range = found->range;
        if (auto refused = refusal(range.start, range.end))
            return *refused;
        QByteArray copy = text.mid(range.start, range.end - range.start);
        const YamlNode &nameNode = found->nameEntry->value;
        QByteArray nameText = nameNode.isQuoted() ? quoteIn(newName, nameNode.style).toUtf8()
                                                  : quoteScalar(newName).toUtf8();
        if (nameNode.isNull()) {
            const qint64 colon = colonAfter(*found->nameEntry);
            copy.replace(colon - range.start,
                         std::max(colon, nameNode.end) - colon,
                         QByteArray(' ' + nameText));
        } else {
            copy.replace(nameNode.start - range.start, nameNode.end - nameNode.start, nameText);
        }
        QByteArray insertion;
        qint64 at = range.end;
        if (range.end < text.size()) {
            // range.end starts the separator line after the document: the copy goes after that
            // line and brings a separator of its own.
            const qint64 after = pastLineEnd(contentEnd(range.end));
            at = after >= 0 ? after : contentEnd(range.end);
            insertion = copy;
            if (!copy.endsWith('\n'))
                insertion += eol;
            insertion += "---" + eol;
        } else if (text.endsWith('\n')) {
            insertion = "---" + eol + copy;
        } else {
            insertion = eol + "---" + eol + copy;
        }
        return finish({{at, at, insertion}});
    }

    EditResult setArtifactStyle(const EditTarget &target, bool finalFalse) const
    {
        if (p.version == WerfVersion::V1_1)
            return EditResult::failure(
                    Tr::tr("`final: false` needs the newer syntax (werf 1.2 or later); this "
                           "config is read with werf 1.1 rules"),
                    fileStart());
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        if (!found->nameEntry)
            return EditResult::failure(Tr::tr("the document has no name key"), fileStart());
        const YamlNode &root = found->yaml.root;
        const YamlMapEntry &nameEntry = *found->nameEntry;
        const bool artifact = isArtifactDocument(*found);
        QList<RenderedEdit> edits;
        if (finalFalse) {
            if (!artifact)
                return fail(Tr::tr("\"%1\" is not an artifact").arg(target.name),
                            nameEntry.key.start);
            edits.append({nameEntry.key.start, nameEntry.key.end, QByteArrayLiteral("image")});
            const auto [at, needBreak] = lineAfter(nameEntry.end);
            QByteArray line = spaces(columnOf(nameEntry.key.start)) + "final: false";
            line = needBreak ? eol + line : line + eol;
            edits.append({at, at, line});
            return finish(edits);
        }
        const YamlMapEntry *finalEntry = root.entry(QStringLiteral("final"));
        if (artifact || !finalEntry || finalEntry->value.toBool())
            return fail(Tr::tr("\"%1\" is not written as `final: false`").arg(target.name),
                        nameEntry.key.start);
        edits.append({nameEntry.key.start, nameEntry.key.end, QByteArrayLiteral("artifact")});
        edits.append(removeLines(finalEntry->start, finalEntry->end));
        return finish(edits);
    }

    EditResult combine(const QList<EditResult> &parts) const
    {
        EditResult result;
        for (const EditResult &part : parts) {
            if (!part.ok())
                return part;
            result.edits << part.edits;
        }
        QByteArray probe = p.source;
        if (!applyTextEdits(probe, result.edits))
            return EditResult::failure(Tr::tr("internal error: the edits overlap"), fileStart());
        return result;
    }

    EditResult setFromLatest(const EditTarget &target, bool enabled) const
    {
        static const QString admission = QStringLiteral(
                "herebyIAdmitThatFromLatestMightBreakReproducibility");
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        const YamlNode &root = found->yaml.root;
        if (enabled) {
            QList<EditResult> parts{
                    setValue(target, QStringLiteral("fromLatest"), QStringLiteral("true"))};
            parts << setValue(target, admission, QStringLiteral("true"));
            return combine(parts);
        }
        QList<EditResult> parts;
        if (root.entry(QStringLiteral("fromLatest")))
            parts << unset(target, QStringLiteral("fromLatest"));
        if (root.entry(admission))
            parts << unset(target, admission);
        return combine(parts);
    }

    EditResult setBaseImage(const EditTarget &target, const QString &key, const QString &name) const
    {
        static const QStringList baseKeys{QStringLiteral("from"),
                                          QStringLiteral("fromImage"),
                                          QStringLiteral("fromImageArtifact"),
                                          QStringLiteral("fromArtifact")};
        if (!baseKeys.contains(key))
            return EditResult::failure(Tr::tr("%1 is not a base image directive").arg(key),
                                       fileStart());
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        const YamlNode &root = found->yaml.root;
        if (!root.isMap())
            return fail(Tr::tr("the document is not a map"), found->range.start);
        QList<RenderedEdit> edits;
        bool placed = false;
        for (const YamlMapEntry &e : root.entries) {
            const QString k = e.key.value;
            const bool base = baseKeys.contains(k);
            const bool latest = k == u"fromLatest"
                                || k == u"herebyIAdmitThatFromLatestMightBreakReproducibility";
            if (base && !placed) {
                placed = true;
                if (k != key)
                    edits.append({e.key.start, e.key.end, key.toUtf8()});
                if (e.value.isScalar() && e.value.end > e.value.start) {
                    const QByteArray t = e.value.isQuoted() ? quoteIn(name, e.value.style).toUtf8()
                                                            : quoteScalar(name).toUtf8();
                    edits.append({e.value.start, e.value.end, t});
                } else {
                    const qint64 colon = colonAfter(e);
                    edits.append(
                            {colon, std::max(colon, e.value.end), ' ' + quoteScalar(name).toUtf8()});
                }
            } else if (base || (latest && key != u"from")) {
                edits.append(removeLines(e.start, e.end));
            }
        }
        if (!placed)
            return setValue(target, key, quoteScalar(name));
        return finish(edits);
    }

    EditResult addImport(const EditTarget &target, const ImportSpec &spec) const
    {
        EditResult error;
        const std::optional<Found> found = find(target, &error);
        if (!found)
            return error;
        if ((spec.image.isEmpty() == spec.artifact.isEmpty()) || spec.add.isEmpty())
            return EditResult::failure(Tr::tr("an import needs `image` or `artifact`, and `add`"),
                                       fileStart());
        QList<std::pair<QByteArray, QString>> fields;
        if (!spec.image.isEmpty())
            fields.append({"image", spec.image});
        if (!spec.artifact.isEmpty())
            fields.append({"artifact", spec.artifact});
        fields.append({"add", spec.add});
        if (!spec.to.isEmpty())
            fields.append({"to", spec.to});
        if (!spec.before.isEmpty())
            fields.append({"before", spec.before});
        if (!spec.after.isEmpty())
            fields.append({"after", spec.after});
        if (!spec.stage.isEmpty())
            fields.append({"stage", spec.stage});
        auto itemLines = [&](int dashCol) {
            QByteArray out;
            for (qsizetype i = 0; i < fields.size(); ++i) {
                out += i == 0 ? QByteArray(spaces(dashCol) + "- ")
                              : QByteArray(eol + spaces(dashCol + 2));
                out += fields.at(i).first + ": " + quoteScalar(fields.at(i).second).toUtf8();
            }
            return out;
        };
        const YamlNode &root = found->yaml.root;
        const YamlMapEntry *entry = root.entry(QStringLiteral("import"));
        QList<RenderedEdit> edits;
        if (!entry) {
            const int col = columnOf(root.entries.front().key.start);
            const auto [at, needBreak] = lineAfter(root.entries.back().end);
            QByteArray block = spaces(col) + "import:" + eol + itemLines(col + listIndent);
            block = needBreak ? eol + block : block + eol;
            edits.append({at, at, block});
            return finish(edits);
        }
        const YamlNode &list = entry->value;
        if (list.isSequence() && list.style == YamlNode::Style::Flow) {
            QByteArray item = "{";
            for (qsizetype i = 0; i < fields.size(); ++i) {
                if (i)
                    item += ", ";
                item += fields.at(i).first + ": " + quoteScalar(fields.at(i).second).toUtf8();
            }
            item += '}';
            if (!list.items.empty())
                item = ", " + item;
            edits.append({list.end - 1, list.end - 1, item});
            return finish(edits);
        }
        if (list.isSequence()) {
            const int dashCol = columnOf(list.start);
            const auto [at, needBreak] = lineAfter(list.end);
            QByteArray block = itemLines(dashCol);
            block = needBreak ? eol + block : block + eol;
            edits.append({at, at, block});
            return finish(edits);
        }
        if (list.isNull()) {
            const qint64 colon = colonAfter(*entry);
            if (list.end > list.start)
                edits.append({colon, list.end, {}});
            const qint64 at = std::max(contentEnd(colon), list.end);
            edits.append({at, at, eol + itemLines(columnOf(entry->key.start) + listIndent)});
            return finish(edits);
        }
        return fail(Tr::tr("import is not a list"), list.start);
    }
};

ConfigEditor::ConfigEditor(const LoadedProject &project)
    : d(std::make_unique<Private>(project))
{}

ConfigEditor::~ConfigEditor() = default;

EditResult ConfigEditor::setValue(const EditTarget &target,
                                  const QString &path,
                                  const QString &value) const
{
    return d->setValue(target, path, value);
}

EditResult ConfigEditor::unset(const EditTarget &target, const QString &path) const
{
    return d->unset(target, path);
}

EditResult ConfigEditor::addImage(const QString &name, bool artifact, const QString &base) const
{
    return d->addImage(name, artifact, base);
}

EditResult ConfigEditor::removeImage(const EditTarget &target) const
{
    return d->removeImage(target);
}

EditResult ConfigEditor::renameImage(const EditTarget &target, const QString &newName) const
{
    return d->renameImage(target, newName);
}

EditResult ConfigEditor::duplicateImage(const EditTarget &target, const QString &newName) const
{
    return d->duplicateImage(target, newName);
}

EditResult ConfigEditor::setArtifactStyle(const EditTarget &target, bool finalFalse) const
{
    return d->setArtifactStyle(target, finalFalse);
}

EditResult ConfigEditor::setBaseImage(const EditTarget &target,
                                      const QString &key,
                                      const QString &name) const
{
    return d->setBaseImage(target, key, name);
}

EditResult ConfigEditor::setFromLatest(const EditTarget &target, bool enabled) const
{
    return d->setFromLatest(target, enabled);
}

EditResult ConfigEditor::addImport(const EditTarget &target, const ImportSpec &spec) const
{
    return d->addImport(target, spec);
}

EditResult ConfigEditor::moveItem(const EditTarget &target,
                                  const QString &path,
                                  int from,
                                  int to) const
{
    return d->moveItem(target, path, from, to);
}

EditResult ConfigEditor::renameKey(const EditTarget &target,
                                   const QString &path,
                                   const QString &key) const
{
    return d->renameKey(target, path, key);
}

std::optional<Diagnostic> ConfigEditor::readOnlyReason(qint64 renderedStart,
                                                       qint64 renderedEnd) const
{
    if (renderedStart < 0 || renderedEnd < renderedStart)
        return std::nullopt;
    if (std::optional<EditResult> refused = d->refusal(renderedStart, renderedEnd))
        return refused->error;
    return std::nullopt;
}

EditResult ConfigEditor::removeImport(const EditTarget &target, int index) const
{
    return d->unset(target, QStringLiteral("import[%1]").arg(index));
}

int ConfigEditor::indentWidth() const
{
    return d->indent;
}

int ConfigEditor::listIndent() const
{
    return d->listIndent;
}

QByteArray ConfigEditor::lineEnding() const
{
    return d->eol;
}

QString ConfigEditor::quoteScalar(const QString &value, bool preferSingle)
{
    const YamlNode::Style quoted = preferSingle ? YamlNode::Style::SingleQuoted
                                                : YamlNode::Style::DoubleQuoted;
    if (value.isEmpty() || hasControl(value) || value.front().isSpace() || value.back().isSpace())
        return quoteIn(value, quoted);
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    if (indicators.contains(value.front())) {
        // `-x`, `:x` and `?x` are plain scalars in YAML 1.1 when a non-space follows; the
        // rest always start something else.
        const bool safeDash = (value.front() == u'-' || value.front() == u'?'
                               || value.front() == u':')
                              && value.size() > 1 && !value.at(1).isSpace();
        if (!safeDash)
            return quoteIn(value, quoted);
    }
    if (value.contains(QStringLiteral(": ")) || value.contains(QStringLiteral(" #"))
        || value.endsWith(u':') || value.contains(u'\t'))
        return quoteIn(value, quoted);
    // In a flow value these end the scalar.
    for (const QChar c : value) {
        if (c == u',' || c == u'[' || c == u']' || c == u'{' || c == u'}')
            return quoteIn(value, quoted);
    }
    YamlNode probe;
    probe.kind = YamlNode::Kind::Scalar;
    probe.style = YamlNode::Style::Plain;
    probe.value = value;
    probe.raw = value.toUtf8();
    if (probe.resolved() != YamlNode::Resolved::String)
        return quoteIn(value, quoted);
    return value;
}

} // namespace Stagecraft::Model
