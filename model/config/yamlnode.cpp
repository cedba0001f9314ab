// SPDX-License-Identifier: GPL-3.0-or-later
#include "yamlnode.h"

#include "config/linelocator.h"

#include <QHash>
#include <QRegularExpression>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace Stagecraft::Model {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/** Thrown from inside the event handler to stop yaml-cpp on our own limits. */
struct LimitExceeded
{
    QString message;
    qint64 offset;
};

/** Scans the exact end of scalars and collections, which yaml-cpp's marks do not give. */
class SpanScanner
{
public:
    SpanScanner(const QByteArray &text, qint64 begin, qint64 end)
        : m_text(text)
        , m_begin(begin)
        , m_end(end)
    {}

    char at(qint64 i) const { return i >= m_begin && i < m_end ? m_text.at(i) : '\0'; }
    qint64 end() const { return m_end; }

    qint64 lineStartOf(qint64 pos) const
    {
        while (pos > m_begin && m_text.at(pos - 1) != '\n')
            --pos;
        return pos;
    }
    qint64 lineEndOf(qint64 pos) const
    {
        while (pos < m_end && m_text.at(pos) != '\n')
            ++pos;
        return pos;
    }
    /** End of the content of the line [from, lineEnd) without a trailing '\r' or blanks. */
    qint64 trimBack(qint64 from, qint64 to) const
    {
        while (to > from && isSpace(m_text.at(to - 1)))
            --to;
        return to;
    }
    int indentation(qint64 lineStart) const
    {
        int n = 0;
        while (lineStart + n < m_end && m_text.at(lineStart + n) == ' ')
            ++n;
        return n;
    }
    bool lineIsBlank(qint64 lineStart) const
    {
        for (qint64 i = lineStart; i < m_end && m_text.at(i) != '\n'; ++i) {
            if (!isSpace(m_text.at(i)))
                return false;
        }
        return true;
    }

    /** Skips tag and anchor properties (and the blanks after them) at pos. */
    qint64 skipProperties(qint64 pos) const
    {
        for (int round = 0; round < 2; ++round) {
            const char c = at(pos);
            if (c != '!' && c != '&')
                break;
            if (c == '!' && at(pos + 1) == '<') {
                while (pos < m_end && at(pos) != '>')
                    ++pos;
                ++pos;
            } else {
                while (pos < m_end && !isSpace(at(pos)))
                    ++pos;
            }
            while (pos < m_end && isSpace(at(pos)))
                ++pos;
        }
        return pos;
    }

    qint64 singleQuotedEnd(qint64 pos) const
    {
        for (qint64 i = pos + 1; i < m_end; ++i) {
            if (m_text.at(i) == '\'') {
                if (at(i + 1) == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return m_end;
    }

    qint64 doubleQuotedEnd(qint64 pos) const
    {
        for (qint64 i = pos + 1; i < m_end; ++i) {
            const char c = m_text.at(i);
            if (c == '\\') {
                ++i;
                continue;
            }
            if (c == '"')
                return i + 1;
        }
        return m_end;
    }

    /**
     * End of a block scalar whose header (`|`, `>-`, `|+2`, ...) starts at pos. parentIndent is
     * the indentation of the enclosing block collection (-1 at the top level).
     */
    qint64 blockScalarEnd(qint64 pos, int parentIndent) const
    {
        bool keep = false;
        int explicitIndent = 0;
        qint64 i = pos + 1;
        for (; i < m_end && !isSpace(m_text.at(i)) && m_text.at(i) != '#'; ++i) {
            const char c = m_text.at(i);
            if (c == '+')
                keep = true;
            else if (c >= '1' && c <= '9')
                explicitIndent = c - '0';
        }
        const qint64 headerEnd = trimBack(pos, i);
        qint64 line = lineEndOf(pos);
        if (line >= m_end)
            return headerEnd;
        line += 1;
        int contentIndent = explicitIndent > 0 ? std::max(parentIndent, 0) + explicitIndent : -1;
        qint64 lastContentEnd = headerEnd;
        qint64 lastLineEnd = headerEnd;
        while (line < m_end) {
            const qint64 le = lineEndOf(line);
            const int ind = indentation(line);
            if (lineIsBlank(line)) {
                lastLineEnd = le < m_end ? le + 1 : le;
                line = le + 1;
                continue;
            }
            if (contentIndent < 0) {
                if (ind <= parentIndent)
                    break;
                contentIndent = ind;
            }
            if (ind < contentIndent)
                break;
            // a '\r' or trailing blanks belong to the content of a literal line, but the span
            // must stop before the line break so that an edit keeps the file's line endings
            lastContentEnd = le > line && m_text.at(le - 1) == '\r' ? le - 1 : le;
            lastLineEnd = le < m_end ? le + 1 : le;
            line = le + 1;
        }
        if (keep)
            return std::max(lastLineEnd, lastContentEnd);
        return lastContentEnd;
    }

    /** End of a plain scalar inside a flow collection. */
    qint64 flowPlainEnd(qint64 pos, qint64 limit) const
    {
        qint64 last = pos;
        for (qint64 i = pos; i < m_end && i < limit; ++i) {
            const char c = m_text.at(i);
            if (isFlowIndicator(c))
                break;
            if (c == ':' && (isSpace(at(i + 1)) || isFlowIndicator(at(i + 1)) || i + 1 >= m_end))
                break;
            if (c == '#' && i > pos && isSpace(m_text.at(i - 1)))
                break;
            if (!isSpace(c))
                last = i + 1;
        }
        return last;
    }

    /**
     * End of a plain scalar in block context: the first line up to `: ` or ` #`, then the more
     * indented continuation lines before the next node (limit).
     */
    qint64 blockPlainEnd(qint64 pos, qint64 limit, int parentIndent) const
    {
        qint64 last = pos;
        qint64 i = pos;
        for (; i < m_end && m_text.at(i) != '\n'; ++i) {
            const char c = m_text.at(i);
            if (c == ':' && (isSpace(at(i + 1)) || i + 1 >= m_end))
                return last;
            if (c == '#' && i > pos && isBlank(m_text.at(i - 1)))
                return last;
            if (!isSpace(c))
                last = i + 1;
        }
        const qint64 limitLine = lineStartOf(std::min(limit, m_end));
        qint64 line = i + 1;
        while (line < m_end && line < limitLine) {
            const qint64 le = lineEndOf(line);
            if (lineIsBlank(line)) {
                line = le + 1;
                continue;
            }
            const int ind = indentation(line);
            if (ind <= parentIndent || at(line + ind) == '#')
                break;
            for (qint64 j = line + ind; j < le; ++j) {
                const char c = m_text.at(j);
                if (c == ':' && (isSpace(at(j + 1)) || j + 1 >= m_end))
                    return last;
                if (c == '#' && isBlank(m_text.at(j - 1)))
                    return last;
                if (!isSpace(c))
                    last = j + 1;
            }
            line = le + 1;
        }
        return last;
    }

    /** Position just after the closing bracket of a flow collection, scanning from `from`. */
    qint64 flowCollectionEnd(qint64 from) const
    {
        int depth = 0;
        for (qint64 i = from; i < m_end; ++i) {
            const char c = m_text.at(i);
            if (c == '\'') {
                i = singleQuotedEnd(i) - 1;
            } else if (c == '"') {
                i = doubleQuotedEnd(i) - 1;
            } else if (c == '#' && (i == from || isSpace(m_text.at(i - 1)))) {
                i = lineEndOf(i) - 1;
            } else if (c == '[' || c == '{') {
                ++depth;
            } else if (c == ']' || c == '}') {
                if (depth == 0)
                    return i + 1;
                --depth;
            }
        }
        return m_end;
    }

    /** Just after the ':' that follows a key ending at keyEnd (for empty values). */
    qint64 afterColon(qint64 keyEnd) const
    {
        qint64 i = keyEnd;
        while (i < m_end && isBlank(m_text.at(i)))
            ++i;
        return at(i) == ':' ? i + 1 : keyEnd;
    }

    bool startsNullLiteral(qint64 pos) const
    {
        static const char *const literals[] = {"~", "null", "Null", "NULL"};
        for (const char *lit : literals) {
            const qint64 n = qint64(qstrlen(lit));
            if (pos + n > m_end || qstrncmp(m_text.constData() + pos, lit, n) != 0)
                continue;
            const char next = at(pos + n);
            if (pos + n >= m_end || isSpace(next) || isFlowIndicator(next) || next == '#')
                return true;
        }
        return false;
    }

    const QByteArray &m_text;
    qint64 m_begin;
    qint64 m_end;
};

/** Builds our node tree from yaml-cpp events, without recursion. */
class TreeBuilder final : public YAML::EventHandler
{
public:
    TreeBuilder(const QByteArray &text, qint64 begin, qint64 end)
        : m_scan(text, begin, end)
        , m_text(text)
        , m_begin(begin)
    {}

    YamlNode takeRoot() { return std::move(m_root); }
    bool hasRoot() const { return m_hasRoot; }
    QString duplicateError() const { return m_duplicateError; }
    qint64 duplicateOffset() const { return m_duplicateOffset; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnAnchor(const YAML::Mark &, const std::string &name) override
    {
        m_pendingAnchorName = QString::fromStdString(name);
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const qint64 pos = absolute(mark);
        YamlNode node;
        node.kind = YamlNode::Kind::Null;
        if (m_scan.startsNullLiteral(m_scan.skipProperties(pos))) {
            node.start = pos;
            const qint64 vs = m_scan.skipProperties(pos);
            qint64 e = vs;
            while (e < m_scan.end() && !isSpace(m_text.at(e)) && !isFlowIndicator(m_text.at(e))
                   && m_text.at(e) != '#')
                ++e;
            node.end = e;
            node.raw = m_text.mid(vs, e - vs);
        } else {
            node.start = node.end = emptyPosition(pos);
        }
        add(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const qint64 pos = absolute(mark);
        YamlNode node;
        node.kind = YamlNode::Kind::Alias;
        node.start = pos;
        qint64 e = pos + 1;
        while (e < m_scan.end() && !isSpace(m_text.at(e)) && !isFlowIndicator(m_text.at(e)))
            ++e;
        node.end = e;
        node.raw = m_text.mid(pos, e - pos);
        node.value = QString::fromUtf8(node.raw.mid(1));
        const auto it = m_anchors.find(anchor);
        if (it != m_anchors.end()) {
            m_nodeCount += it->second.count;
            checkCount(pos);
            node.items.push_back(it->second.node);
        }
        add(std::move(node), 0);
    }

    void OnScalar(const YAML::Mark &mark,
                  const std::string &tag,
                  YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const qint64 pos = absolute(mark);
        YamlNode node;
        node.kind = YamlNode::Kind::Scalar;
        node.start = pos;
        node.value = QString::fromStdString(value);
        setTag(node, tag);
        const qint64 vs = m_scan.skipProperties(pos);
        const char c = m_scan.at(vs);
        if (tag == "?" || (tag != "!" && c != '\'' && c != '"' && c != '|' && c != '>')) {
            node.style = YamlNode::Style::Plain;
        } else if (c == '\'') {
            node.style = YamlNode::Style::SingleQuoted;
        } else if (c == '"') {
            node.style = YamlNode::Style::DoubleQuoted;
        } else if (c == '|') {
            node.style = YamlNode::Style::Literal;
        } else if (c == '>') {
            node.style = YamlNode::Style::Folded;
        }
        switch (node.style) {
        case YamlNode::Style::SingleQuoted:
            node.end = m_scan.singleQuotedEnd(vs);
            break;
        case YamlNode::Style::DoubleQuoted:
            node.end = m_scan.doubleQuotedEnd(vs);
            break;
        case YamlNode::Style::Literal:
        case YamlNode::Style::Folded:
            node.end = m_scan.blockScalarEnd(vs, parentIndent());
            break;
        default:
            if (tag != "?" && tag != "!" && value.empty()
                && (vs >= m_scan.end() || m_text.at(vs) == '\n' || m_text.at(vs) == '\r')) {
                // A tagged empty scalar (`a: !!str`) has no text of its own.
                node.end = m_scan.trimBack(pos, vs);
                break;
            }
            // In block context a plain scalar continues on lines indented deeper than its
            // collection; comments and the next sibling are never deeper.
            node.end = inFlow() ? m_scan.flowPlainEnd(vs, m_scan.end())
                                : m_scan.blockPlainEnd(vs, m_scan.end(), parentIndent());
            break;
        }
        node.raw = m_text.mid(vs, node.end - vs);
        add(std::move(node), anchor);
    }

    void OnSequenceStart(const YAML::Mark &mark,
                         const std::string &tag,
                         YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        startCollection(mark, tag, anchor, style, YamlNode::Kind::Sequence);
    }
    void OnSequenceEnd() override { endCollection(); }

    void OnMapStart(const YAML::Mark &mark,
                    const std::string &tag,
                    YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        startCollection(mark, tag, anchor, style, YamlNode::Kind::Map);
    }
    void OnMapEnd() override { endCollection(); }

private:
    struct Frame
    {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        bool haveKey = false;
        YamlNode key;
        int indent = -1;
    };
    struct AnchorEntry
    {
        YamlNode node;
        qint64 count = 0;
    };

    qint64 absolute(const YAML::Mark &mark) const
    {
        return mark.pos < 0 ? m_scan.end() : m_begin + mark.pos;
    }

    void setTag(YamlNode &node, const std::string &tag) const
    {
        if (tag != "?" && tag != "!" && !tag.empty())
            node.tag = QString::fromStdString(tag);
    }

    bool inFlow() const
    {
        for (auto it = m_stack.crbegin(); it != m_stack.crend(); ++it) {
            if (it->node.style == YamlNode::Style::Flow)
                return true;
        }
        return false;
    }

    int parentIndent() const { return m_stack.empty() ? -1 : m_stack.back().indent; }

    void checkCount(qint64 pos)
    {
        if (m_nodeCount > yamlMaxNodes)
            throw LimitExceeded{QStringLiteral(
                                        "the YAML document has too many nodes (more than %1)")
                                        .arg(yamlMaxNodes),
                                pos};
    }

    /** Where an empty (implicit null) node sits: after the `:` of its key or the `-` of its item. */
    qint64 emptyPosition(qint64 markPos) const
    {
        if (!m_stack.empty()) {
            const Frame &f = m_stack.back();
            if (f.node.kind == YamlNode::Kind::Map && f.haveKey)
                return m_scan.afterColon(f.key.end);
            if (f.node.kind == YamlNode::Kind::Sequence && f.node.style == YamlNode::Style::Block) {
                qint64 p = std::min(markPos, m_scan.end());
                while (p > m_begin && isSpace(m_text.at(p - 1)))
                    --p;
                if (p > m_begin && m_text.at(p - 1) == '-')
                    return p;
            }
        }
        return std::min(markPos, m_scan.end());
    }

    void startCollection(const YAML::Mark &mark,
                         const std::string &tag,
                         YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style,
                         YamlNode::Kind kind)
    {
        const qint64 pos = absolute(mark);
        if (int(m_stack.size()) >= yamlMaxDepth)
            throw LimitExceeded{QStringLiteral("YAML nesting is deeper than %1 levels")
                                        .arg(yamlMaxDepth),
                                pos};
        Frame f;
        f.node.kind = kind;
        f.node.start = pos;
        setTag(f.node, tag);
        const qint64 vs = m_scan.skipProperties(pos);
        const char c = m_scan.at(vs);
        const bool flow = style == YAML::EmitterStyle::Flow || c == '[' || c == '{';
        f.node.style = flow ? YamlNode::Style::Flow : YamlNode::Style::Block;
        f.anchor = anchor;
        // Block collections are indented at the column of their first key or `-`.
        f.indent = flow ? parentIndent() : int(vs - m_scan.lineStartOf(vs));
        f.node.anchor = m_pendingAnchorName;
        m_pendingAnchorName.clear();
        m_stack.push_back(std::move(f));
        ++m_nodeCount;
        checkCount(pos);
    }

    void endCollection()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (f.node.style == YamlNode::Style::Flow) {
            qint64 from = m_scan.skipProperties(f.node.start) + 1;
            if (!f.node.items.empty())
                from = std::max(from, f.node.items.back().end);
            if (!f.node.entries.empty())
                from = std::max(from, f.node.entries.back().end);
            f.node.end = m_scan.flowCollectionEnd(from);
        } else {
            // A block collection ends with its last child.
            qint64 e = f.node.start;
            if (!f.node.items.empty())
                e = f.node.items.back().end;
            if (!f.node.entries.empty())
                e = f.node.entries.back().end;
            f.node.end = std::max(e, f.node.start);
        }
        checkDuplicates(f.node);
        add(std::move(f.node), f.anchor);
    }

    void add(YamlNode node, YAML::anchor_t anchor)
    {
        if (node.kind != YamlNode::Kind::Map && node.kind != YamlNode::Kind::Sequence) {
            ++m_nodeCount;
            checkCount(node.start);
            if (node.anchor.isEmpty()) {
                node.anchor = m_pendingAnchorName;
            }
            m_pendingAnchorName.clear();
        }
        if (anchor != 0) {
            qint64 count = 1;
            countNodes(node, count);
            m_anchors[anchor] = AnchorEntry{node, count};
        }
        if (m_stack.empty()) {
            m_root = std::move(node);
            m_hasRoot = true;
            return;
        }
        Frame &f = m_stack.back();
        if (f.node.kind == YamlNode::Kind::Sequence) {
            f.node.items.push_back(std::move(node));
        } else if (!f.haveKey) {
            f.key = std::move(node);
            f.haveKey = true;
        } else {
            YamlMapEntry entry;
            entry.key = std::move(f.key);
            entry.value = std::move(node);
            entry.start = entry.key.start;
            entry.end = std::max(entry.value.end, entry.key.end);
            f.haveKey = false;
            f.node.entries.push_back(std::move(entry));
        }
    }

    static void countNodes(const YamlNode &node, qint64 &count)
    {
        // Bounded by yamlMaxDepth, so the recursion is safe.
        for (const YamlNode &n : node.items) {
            ++count;
            countNodes(n, count);
        }
        for (const YamlMapEntry &e : node.entries) {
            count += 2;
            countNodes(e.value, count);
        }
    }

    static QString keyIdentity(const YamlNode &key)
    {
        const YamlNode &k = resolveAlias(key);
        if (!k.isScalar())
            return {};
        switch (k.resolved()) {
        case YamlNode::Resolved::String:
            return u's' + k.value;
        case YamlNode::Resolved::Null:
            return QStringLiteral("n");
        case YamlNode::Resolved::Int:
            return u'i' + QString::number(k.toInt());
        default:
            return u'o' + k.value;
        }
    }

    void checkDuplicates(const YamlNode &map)
    {
        if (map.kind != YamlNode::Kind::Map || !m_duplicateError.isEmpty())
            return;
        QHash<QString, const YamlMapEntry *> seen;
        for (const YamlMapEntry &e : map.entries) {
            const QString id = keyIdentity(e.key);
            if (id.isEmpty() || id == QStringLiteral("s<<"))
                continue;
            const auto it = seen.constFind(id);
            if (it != seen.constEnd()) {
                const QString shown = e.key.resolved() == YamlNode::Resolved::String
                                              ? u'"' + e.key.value + u'"'
                                              : e.key.value;
                // yaml.v2 (v2.3.0, the version werf 1.1 pins) strict mode; yaml.v3 would say
                // "mapping key ... already defined at line N" instead.
                m_duplicateError = QStringLiteral("key %1 already set in map").arg(shown);
                m_duplicateOffset = e.key.start;
                return;
            }
            seen.insert(id, &e);
        }
    }

public:
    /** 1-based line of an absolute offset (counts from the region start plus firstLine). */
    int lineOf(qint64 offset) const
    {
        return m_firstLine
               + int(std::count(m_text.constData() + m_begin,
                                m_text.constData() + std::min(offset, m_scan.end()),
                                '\n'));
    }
    int m_firstLine = 1;

private:
    SpanScanner m_scan;
    const QByteArray &m_text;
    qint64 m_begin;
    std::vector<Frame> m_stack;
    YamlNode m_root;
    bool m_hasRoot = false;
    QString m_pendingAnchorName;
    std::map<YAML::anchor_t, AnchorEntry> m_anchors;
    qint64 m_nodeCount = 0;
    QString m_duplicateError;
    qint64 m_duplicateOffset = -1;
};

/** Line and column of every node, visited in text order so that long lines stay cheap. */
void placeNodes(YamlNode &root, LineLocator &locator)
{
    std::vector<YamlNode *> nodes;
    std::vector<YamlNode *> todo{&root};
    while (!todo.empty()) {
        YamlNode *n = todo.back();
        todo.pop_back();
        nodes.push_back(n);
        for (YamlNode &c : n->items)
            todo.push_back(&c);
        for (YamlMapEntry &e : n->entries) {
            todo.push_back(&e.key);
            todo.push_back(&e.value);
        }
    }
    std::stable_sort(nodes.begin(), nodes.end(), [](const YamlNode *a, const YamlNode *b) {
        return a->start < b->start;
    });
    for (YamlNode *n : nodes)
        locator.locate(n->start, &n->line, &n->column);
}

QString yamlV2Message(const std::string &msg)
{
    // yaml-cpp's wording differs from yaml.v2's; translate the common ones so that users see
    // what werf would print.
    static const std::map<std::string, const char *> known{
            {"illegal map value", "mapping values are not allowed in this context"},
            {"end of map not found", "did not find expected key"},
            {"end of sequence not found", "did not find expected '-' indicator"},
            {"end of map flow not found", "did not find expected ',' or '}'"},
            {"end of sequence flow not found", "did not find expected ',' or ']'"},
            {"unknown escape character", "found unknown escape character"},
            {"illegal tab when looking for indentation",
             "found character that cannot start any token"},
            {"block sequence entries are not allowed in this context",
             "block sequence entries are not allowed in this context"},
    };
    const auto it = known.find(msg);
    if (it != known.end())
        return QString::fromUtf8(it->second);
    if (msg.rfind("the anchor", 0) == 0 || msg.rfind("unknown anchor", 0) == 0)
        return QString::fromStdString(msg);
    return QString::fromStdString(msg);
}

} // namespace

const YamlNode &resolveAlias(const YamlNode &node)
{
    if (node.kind == YamlNode::Kind::Alias && !node.items.empty())
        return node.items.front();
    return node;
}

YamlNode::Resolved YamlNode::resolved() const
{
    if (kind == Kind::Alias)
        return items.empty() ? Resolved::Null : items.front().resolved();
    if (kind == Kind::Map || kind == Kind::Sequence)
        return Resolved::Collection;
    if (!tag.isEmpty()) {
        static const QHash<QString, Resolved> byTag{
                {QStringLiteral("tag:yaml.org,2002:str"), Resolved::String},
                {QStringLiteral("tag:yaml.org,2002:binary"), Resolved::Binary},
                {QStringLiteral("tag:yaml.org,2002:bool"), Resolved::Bool},
                {QStringLiteral("tag:yaml.org,2002:int"), Resolved::Int},
                {QStringLiteral("tag:yaml.org,2002:float"), Resolved::Float},
                {QStringLiteral("tag:yaml.org,2002:null"), Resolved::Null},
                {QStringLiteral("tag:yaml.org,2002:timestamp"), Resolved::Timestamp},
        };
        const auto it = byTag.constFind(tag);
        if (it != byTag.constEnd())
            return it.value();
    }
    if (kind == Kind::Null)
        return Resolved::Null;
    if (style != Style::Plain)
        return Resolved::String;
    const QString &v = value;
    if (v.isEmpty())
        return Resolved::Null;
    static const QHash<QString, Resolved> table{
            {QStringLiteral("y"), Resolved::Bool},      {QStringLiteral("Y"), Resolved::Bool},
            {QStringLiteral("yes"), Resolved::Bool},    {QStringLiteral("Yes"), Resolved::Bool},
            {QStringLiteral("YES"), Resolved::Bool},    {QStringLiteral("n"), Resolved::Bool},
            {QStringLiteral("N"), Resolved::Bool},      {QStringLiteral("no"), Resolved::Bool},
            {QStringLiteral("No"), Resolved::Bool},     {QStringLiteral("NO"), Resolved::Bool},
            {QStringLiteral("true"), Resolved::Bool},   {QStringLiteral("True"), Resolved::Bool},
            {QStringLiteral("TRUE"), Resolved::Bool},   {QStringLiteral("false"), Resolved::Bool},
            {QStringLiteral("False"), Resolved::Bool},  {QStringLiteral("FALSE"), Resolved::Bool},
            {QStringLiteral("on"), Resolved::Bool},     {QStringLiteral("On"), Resolved::Bool},
            {QStringLiteral("ON"), Resolved::Bool},     {QStringLiteral("off"), Resolved::Bool},
            {QStringLiteral("Off"), Resolved::Bool},    {QStringLiteral("OFF"), Resolved::Bool},
            {QStringLiteral("~"), Resolved::Null},      {QStringLiteral("null"), Resolved::Null},
            {QStringLiteral("Null"), Resolved::Null},   {QStringLiteral("NULL"), Resolved::Null},
            {QStringLiteral(".nan"), Resolved::Float},  {QStringLiteral(".NaN"), Resolved::Float},
            {QStringLiteral(".NAN"), Resolved::Float},  {QStringLiteral(".inf"), Resolved::Float},
            {QStringLiteral(".Inf"), Resolved::Float},  {QStringLiteral(".INF"), Resolved::Float},
            {QStringLiteral("+.inf"), Resolved::Float}, {QStringLiteral("+.Inf"), Resolved::Float},
            {QStringLiteral("+.INF"), Resolved::Float}, {QStringLiteral("-.inf"), Resolved::Float},
            {QStringLiteral("-.Inf"), Resolved::Float}, {QStringLiteral("-.INF"), Resolved::Float},
    };
    const auto it = table.constFind(v);
    if (it != table.constEnd())
        return it.value();
    const QChar c0 = v.front();
    if (c0 == u'.') {
        bool ok = false;
        v.toDouble(&ok);
        return ok ? Resolved::Float : Resolved::String;
    }
    if (!(c0.isDigit() || c0 == u'+' || c0 == u'-'))
        return Resolved::String;
    // Timestamps: yaml.v2 tries them first for plain scalars starting with four digits and '-'.
    static const QRegularExpression timestamp(QStringLiteral(
            R"(^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d{1,2}(?::?\d{2})?))?)?$)"));
    if (timestamp.match(v).hasMatch())
        return Resolved::Timestamp;
    bool ok = false;
    toInt(&ok);
    if (ok)
        return Resolved::Int;
    QString plain = v;
    plain.remove(u'_');
    static const QRegularExpression yamlFloat(
            QStringLiteral(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)"));
    if (yamlFloat.match(plain).hasMatch())
        return Resolved::Float;
    return Resolved::String;
}

qint64 YamlNode::toInt(bool *ok) const
{
    auto fail = [ok]() -> qint64 {
        if (ok)
            *ok = false;
        return 0;
    };
    const YamlNode &n = resolveAlias(*this);
    if (!n.isScalar() || n.kind == Kind::Null || n.style != Style::Plain)
        return fail();
    QString plain = n.value;
    plain.remove(u'_');
    if (plain.isEmpty())
        return fail();
    bool negative = false;
    QStringView digits(plain);
    if (digits.front() == u'+' || digits.front() == u'-') {
        negative = digits.front() == u'-';
        digits = digits.mid(1);
    }
    int base = 10;
    if (digits.size() > 1 && digits.front() == u'0') {
        const QChar p = digits.at(1).toLower();
        if (p == u'x') {
            base = 16;
            digits = digits.mid(2);
        } else if (p == u'o') {
            base = 8;
            digits = digits.mid(2);
        } else if (p == u'b') {
            base = 2;
            digits = digits.mid(2);
        } else {
            base = 8;
            digits = digits.mid(1);
        }
    }
    if (digits.isEmpty())
        return fail();
    for (QChar c : digits) {
        if (!c.isDigit() && !(base == 16 && QStringLiteral("abcdefABCDEF").contains(c)))
            return fail();
    }
    bool good = false;
    const qulonglong magnitude = digits.toULongLong(&good, base);
    if (!good)
        return fail();
    // ParseInt's range; larger positive values go through ParseUint in yaml.v2 (still ints).
    if (negative ? magnitude > qulonglong(std::numeric_limits<qint64>::max()) + 1 : false)
        return fail();
    if (ok)
        *ok = true;
    return negative ? qint64(0 - magnitude) : qint64(magnitude);
}

bool YamlNode::toBool(bool *ok) const
{
    const YamlNode &n = resolveAlias(*this);
    const bool isBool = n.isScalar() && n.resolved() == Resolved::Bool;
    if (ok)
        *ok = isBool;
    if (!isBool)
        return false;
    static const QStringList truthy{QStringLiteral("y"),
                                    QStringLiteral("Y"),
                                    QStringLiteral("yes"),
                                    QStringLiteral("Yes"),
                                    QStringLiteral("YES"),
                                    QStringLiteral("true"),
                                    QStringLiteral("True"),
                                    QStringLiteral("TRUE"),
                                    QStringLiteral("on"),
                                    QStringLiteral("On"),
                                    QStringLiteral("ON")};
    return truthy.contains(n.value);
}

QString YamlNode::shortTag() const
{
    switch (resolved()) {
    case Resolved::Null:
        return QStringLiteral("!!null");
    case Resolved::Bool:
        return QStringLiteral("!!bool");
    case Resolved::Int:
        return QStringLiteral("!!int");
    case Resolved::Float:
        return QStringLiteral("!!float");
    case Resolved::Timestamp:
        return QStringLiteral("!!timestamp");
    case Resolved::String:
        return QStringLiteral("!!str");
    case Resolved::Binary:
        return QStringLiteral("!!binary");
    case Resolved::Collection:
        return resolveAlias(*this).kind == Kind::Map ? QStringLiteral("!!map")
                                                     : QStringLiteral("!!seq");
    }
    return {};
}

const YamlMapEntry *YamlNode::entry(const QString &key) const
{
    const YamlNode &n = resolveAlias(*this);
    for (const YamlMapEntry &e : n.entries) {
        if (e.key.isScalar() && e.key.value == key)
            return &e;
    }
    return nullptr;
}

const YamlNode *YamlNode::child(const QString &key) const
{
    const YamlMapEntry *e = entry(key);
    return e ? &e->value : nullptr;
}

YamlParseResult parseYamlDocument(const QByteArray &text, qint64 begin, qint64 end, int firstLine)
{
    YamlParseResult result;
    begin = std::clamp<qint64>(begin, 0, text.size());
    end = std::clamp<qint64>(end, begin, text.size());
    if (firstLine <= 0)
        firstLine = 1 + int(std::count(text.constData(), text.constData() + begin, '\n'));

    TreeBuilder builder(text, begin, end);
    builder.m_firstLine = firstLine;
    const std::string input(text.constData() + begin, size_t(end - begin));
    std::istringstream stream(input);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
    } catch (const LimitExceeded &e) {
        result.error = e.message;
        result.errorOffset = e.offset;
        return result;
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's own depth guard (500 nested nodes) reports itself as "bad file".
        const qint64 offset = e.mark.pos >= 0 ? begin + e.mark.pos : end;
        result.errorOffset = std::clamp(offset, begin, end);
        result.error = QStringLiteral("yaml: line %1: YAML nesting is deeper than %2 levels")
                               .arg(builder.lineOf(result.errorOffset))
                               .arg(e.depth());
        return result;
    } catch (const YAML::Exception &e) {
        const qint64 offset = e.mark.pos >= 0 ? begin + e.mark.pos : end;
        result.errorOffset = std::clamp(offset, begin, end);
        result.error = QStringLiteral("yaml: line %1: %2")
                               .arg(builder.lineOf(result.errorOffset))
                               .arg(yamlV2Message(e.msg));
        return result;
    }
    if (!builder.duplicateError().isEmpty()) {
        result.errorOffset = builder.duplicateOffset();
        result.error = builder.duplicateError();
        return result;
    }
    if (builder.hasRoot())
        result.root = builder.takeRoot();
    else {
        result.root.start = result.root.end = begin;
    }
    LineLocator locator(text, begin, end, firstLine);
    placeNodes(result.root, locator);
    result.ok = true;
    return result;
}

} // namespace Stagecraft::Model
