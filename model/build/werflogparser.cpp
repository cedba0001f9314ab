// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/werflogparser.h"

#include <QRegularExpression>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace Stagecraft::Model {

namespace {

constexpr QChar kVertical(0x2502);  // │
constexpr QChar kDownRight(0x250C); // ┌
constexpr QChar kVertRight(0x251C); // ├
constexpr QChar kUpRight(0x2514);   // └
constexpr QChar kWrapMark(0x21B5);  // ↵

// The error message and a werf line can each be long; these caps keep a hostile input from
// growing the parser's state without bound.
constexpr qsizetype kMaxErrorLength = 64 * 1024;
constexpr int kMaxErrorParts = 256;
constexpr qsizetype kMaxWrappedLength = 256 * 1024;

bool isSign(QChar c)
{
    return c == kVertical || c == kDownRight || c == kVertRight || c == kUpRight;
}

qint64 secondsToMs(const QString &seconds)
{
    bool ok = false;
    const double value = seconds.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > 1e12)
        return -1;
    return qRound64(value * 1000.0);
}

// werf's stage names (GRAMMAR.md §4), used to complete a stage name cut by title truncation
// and to recognise tagged output whose stage header is missing from an excerpt.
const QStringList &knownStageNames()
{
    static const QStringList names{
            u"from"_s,
            u"beforeInstall"_s,
            u"importsBeforeInstall"_s,
            u"dependenciesBeforeInstall"_s,
            u"gitArchive"_s,
            u"install"_s,
            u"importsAfterInstall"_s,
            u"dependenciesAfterInstall"_s,
            u"beforeSetup"_s,
            u"importsBeforeSetup"_s,
            u"dependenciesBeforeSetup"_s,
            u"setup"_s,
            u"importsAfterSetup"_s,
            u"dependenciesAfterSetup"_s,
            u"gitCache"_s,
            u"gitLatestPatch"_s,
            u"dockerInstructions"_s,
            u"dockerfile"_s,
    };
    return names;
}

bool isKnownStageName(const QString &name)
{
    static const QRegularExpression instruction(u"^[A-Z]+[0-9]*$"_s);
    return knownStageNames().contains(name) || instruction.match(name).hasMatch();
}

QString rightTrimmed(const QString &s)
{
    qsizetype end = s.size();
    while (end > 0 && s.at(end - 1).isSpace())
        --end;
    return end == s.size() ? s : s.left(end);
}

QString stripAnsi(const QString &s)
{
    if (!s.contains(QChar(0x1b)))
        return s;
    QString out;
    out.reserve(s.size());
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = s.at(i);
        if (c != QChar(0x1b)) {
            out.append(c);
            continue;
        }
        if (i + 1 >= n)
            break;
        const QChar next = s.at(i + 1);
        if (next == u'[') {
            // CSI: parameters and intermediates, then one final byte in @..~
            qsizetype j = i + 2;
            while (j < n && s.at(j).unicode() >= 0x20 && s.at(j).unicode() <= 0x3f)
                ++j;
            while (j < n && s.at(j).unicode() >= 0x20 && s.at(j).unicode() <= 0x2f)
                ++j;
            i = j; // skips the final byte (or runs off the end of a cut sequence)
        } else if (next == u']') {
            // OSC, ended by BEL or ESC '\'
            qsizetype j = i + 2;
            while (j < n && s.at(j) != QChar(0x07)
                   && !(s.at(j) == QChar(0x1b) && j + 1 < n && s.at(j + 1) == u'\\'))
                ++j;
            i = (j < n && s.at(j) == QChar(0x1b)) ? j + 1 : j;
        } else {
            i += 1; // a two-character escape
        }
    }
    return out;
}

QString decodeHtml(const QString &s)
{
    static const QRegularExpression
            tags(u"</?(?:pre|b|i|u|strong|em|font|span|code|tt)(?:\\s[^>]*)?>"_s,
                 QRegularExpression::CaseInsensitiveOption);
    QString out = s;
    out.remove(tags);
    if (out.contains(u'&')) {
        out.replace(u"&lt;"_s, u"<"_s);
        out.replace(u"&gt;"_s, u">"_s);
        out.replace(u"&quot;"_s, u"\""_s);
        out.replace(u"&#39;"_s, u"'"_s);
        out.replace(u"&nbsp;"_s, u" "_s);
        out.replace(u"&amp;"_s, u"&"_s);
    }
    return out;
}

struct ImageTitle
{
    bool matched = false;
    QString name;
    QString platform;
    BuildEvent::ImageRole role = BuildEvent::ImageRole::Image;
    bool truncated = false;
    bool pretty = false; ///< had an emoji, so --log-pretty was on
};

ImageTitle parseImageTitle(const QString &title)
{
    // 1.1: "⛵ image NAME", "🛸 artifact NAME"; 1.2.319+: "🛳️  image", "🏗️️  image";
    // 2.36+: "🛳️  (1/3) image NAME [linux/amd64]"; --log-pretty=false: no emoji.
    static const QRegularExpression re(
            u"^(?:([^\\x{00}-\\x{7F}]+)\\s+)?(?:\\(\\d+/\\d+\\)\\s+)?(image|artifact)\\s+(\\S+)"
            "(?:\\s+\\[([^\\]\\s]+)\\])?( \\.\\.\\.)?$"_s);
    ImageTitle result;
    const QRegularExpressionMatch m = re.match(title);
    if (!m.hasMatch())
        return result;
    result.matched = true;
    result.name = m.captured(3);
    result.platform = m.captured(4);
    result.truncated = m.hasCaptured(5);
    const QList<uint> emoji = m.captured(1).toUcs4();
    result.pretty = !emoji.isEmpty();
    const uint sign = emoji.isEmpty() ? 0 : emoji.first();
    if (m.captured(2) == u"artifact" || sign == 0x1F6F8) // 🛸
        result.role = BuildEvent::ImageRole::Artifact;
    else if (sign == 0x1F3D7) // 🏗
        result.role = BuildEvent::ImageRole::Intermediate;
    return result;
}

bool titlesCompatible(const QString &open, const QString &close)
{
    if (open == close)
        return true;
    const auto cut = [](const QString &t) { return t.endsWith(u" ..."_s) ? t.chopped(4) : t; };
    const QString a = cut(open);
    const QString b = cut(close);
    return a.startsWith(b) || b.startsWith(a);
}

// A shell prompt pasted after the error message ("$ ", "user@host:~/dir$ ") ends it.
bool looksLikePrompt(const QString &s)
{
    static const QRegularExpression re(u"^(?:\\S*[@:~]\\S*)?[$#%>] "_s);
    return re.match(s).hasMatch() || s == u"$"_s;
}

bool isTopLevelLine(const QString &s)
{
    return s.startsWith(u"Version: "_s) || s.startsWith(u"Running time "_s)
           || s.startsWith(u"Error:"_s) || s.startsWith(u"panic: "_s) || s.startsWith(u"WARNING:"_s)
           || s.startsWith(u"goroutine "_s) || s.startsWith(u"Using werf config render file: "_s)
           || looksLikePrompt(s);
}

} // namespace

WerfLogParser::WerfLogParser() = default;

QList<BuildEvent> WerfLogParser::parse(const QByteArray &log)
{
    WerfLogParser parser;
    parser.feed(log);
    parser.finish();
    return parser.takeEvents();
}

QList<BuildEvent> WerfLogParser::takeEvents()
{
    QList<BuildEvent> events;
    events.swap(m_events);
    return events;
}

void WerfLogParser::feed(const QByteArray &bytes)
{
    qsizetype start = 0;
    const qsizetype size = bytes.size();
    while (start < size) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? size : newline;
        if (!m_partialOverlong) {
            const qsizetype room = maxLineBytes() - m_partial.size();
            const qsizetype take = qMin(room, end - start);
            m_partial.append(bytes.constData() + start, take);
            if (take < end - start)
                m_partialOverlong = true;
        }
        if (newline < 0)
            break;
        const QByteArray line = std::exchange(m_partial, {});
        m_partialOverlong = false;
        processPhysical(QString::fromUtf8(line));
        start = newline + 1;
    }
}

void WerfLogParser::feedLine(const QString &line)
{
    processPhysical(line.size() > maxLineBytes() ? line.left(maxLineBytes()) : line);
}

void WerfLogParser::finish()
{
    if (!m_partial.isEmpty()) {
        const QByteArray line = std::exchange(m_partial, {});
        m_partialOverlong = false;
        processPhysical(QString::fromUtf8(line));
    }
    if (m_wrapActive) {
        m_wrapActive = false;
        processLogical(m_wrap);
    }
    flushCached();
    flushError();
}

QString WerfLogParser::cleanLine(const QString &input)
{
    QString line = input;
    while (line.endsWith(u'\r'))
        line.chop(1);

    if (line.contains(u"section_")) {
        // GitLab collapsible sections: "section_start:TS:ID\r\e[0KTITLE" repeats the title of
        // the process whose header follows, so the whole rest of that line goes.
        static const QRegularExpression start(u"section_start:\\d+:[^\\r]*\\r(?:\\x1b\\[0K)?"_s);
        static const QRegularExpression end(u"section_end:\\d+:[^\\r]*\\r(?:\\x1b\\[0K)?"_s);
        const QRegularExpressionMatch m = start.match(line);
        if (m.hasMatch())
            line.truncate(m.capturedStart());
        line.remove(end);
    }

    line = stripAnsi(line);

    // A carriage return inside a line overwrote what was before it on a terminal.
    const qsizetype cr = line.lastIndexOf(u'\r');
    if (cr >= 0)
        line = line.mid(cr + 1);

    // Output pasted from an HTML rendering of the coloured terminal (log 005) starts its lines
    // with markup; werf's own lines never do, and markup inside tagged output does not count.
    if (!m_html && line.startsWith(u'<')) {
        static const QRegularExpression markup(u"^<(?:pre|b|font|span|code|strong)(?:\\s[^>]*)?>"_s,
                                               QRegularExpression::CaseInsensitiveOption);
        m_html = markup.match(line).hasMatch();
    }
    if (m_html)
        line = decodeHtml(line);

    line.replace(u'\t', u' ');
    return rightTrimmed(line);
}

QString WerfLogParser::stripPrefix(const QString &line)
{
    // --log-time (1.2): RFC 3339 time and a space before the borders.
    static const QRegularExpression time(
            u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?:Z|[+-]\\d\\d:\\d\\d) "_s);
    const QRegularExpressionMatch m = time.match(line);
    if (m.hasMatch())
        return line.mid(m.capturedLength());

    // --log-debug: Go duration text padded or cut to 12 characters, then a space.
    static const QRegularExpression duration(u"^\\d[0-9.hmnsuµ]* *$"_s);
    if (line.size() >= 13 && line.at(12) == u' ' && duration.match(line.left(12)).hasMatch()) {
        const QString rest = line.mid(13);
        if (m_durationPrefix || (!rest.isEmpty() && isSign(rest.at(0)))
            || rest.startsWith(u"Version: "_s)) {
            m_durationPrefix = true;
            return rest;
        }
    }
    return line;
}

void WerfLogParser::processPhysical(const QString &raw)
{
    ++m_lineNumber;
    const QString text = stripPrefix(cleanLine(raw));

    Logical logical;
    logical.line = m_lineNumber;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && isSign(text.at(i)) && (i + 1 == n || text.at(i + 1) == u' ')) {
        logical.borders.append(text.at(i));
        i += 2;
    }
    if (!logical.borders.isEmpty())
        logical.lastSign = logical.borders.back();
    logical.content = i < n ? text.mid(i) : QString();

    if (m_wrapActive) {
        if (logical.borders == m_wrap.borders) {
            QString continuation = logical.content;
            // Proxied output repeats its tag on the continuation line.
            const qsizetype tagEnd = m_wrap.content.indexOf(u"  "_s);
            if (tagEnd > 0) {
                const QString tag = m_wrap.content.left(tagEnd + 2);
                if (!tag.trimmed().contains(u' ') && continuation.startsWith(tag))
                    continuation = continuation.mid(tag.size());
            }
            if (m_wrap.content.size() + continuation.size() < kMaxWrappedLength)
                m_wrap.content += continuation;
            logical = m_wrap;
            logical.content = m_wrap.content;
            m_wrapActive = false;
        } else {
            m_wrapActive = false;
            processLogical(m_wrap);
        }
    }

    if (logical.content.endsWith(kWrapMark)) {
        // logboek pads a wrapped line to the width and marks it with "↵". A break between
        // words leaves at least two spaces before the mark (the word's space and the pad);
        // a word cut in the middle leaves exactly one.
        QString content = logical.content.chopped(1);
        qsizetype spaces = 0;
        while (spaces < content.size() && content.at(content.size() - 1 - spaces) == u' ')
            ++spaces;
        content.chop(spaces);
        if (spaces >= 2)
            content.append(u' ');
        m_wrap = logical;
        m_wrap.content = content;
        m_wrapActive = true;
        return;
    }

    processLogical(logical);
}

void WerfLogParser::processLogical(const Logical &line)
{
    if (m_error.active) {
        if (line.borders.isEmpty() && !isTopLevelLine(line.content)) {
            const QString part = line.content.trimmed();
            if (!part.isEmpty() && m_error.parts.size() < kMaxErrorParts
                && m_error.length + part.size() < kMaxErrorLength) {
                m_error.parts.append(part);
                m_error.length += part.size() + 1;
            }
            return;
        }
        flushError();
    }

    if (line.lastSign == kDownRight)
        handleHeader(line);
    else if (line.lastSign == kUpRight)
        handleFooter(line);
    else if (line.lastSign == kVertRight && line.content == u"Info")
        handleInfoHeader(line);
    else
        handleBody(line);
}

WerfLogParser::Process *WerfLogParser::processAt(int depth)
{
    for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
        if (m_stack[i].depth == depth)
            return &m_stack[i];
        if (m_stack[i].depth < depth)
            break;
    }
    return nullptr;
}

WerfLogParser::Process *WerfLogParser::innermostStage()
{
    for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
        if (m_stack[i].kind == ProcessKind::Stage)
            return &m_stack[i];
    }
    return nullptr;
}

QString WerfLogParser::enclosingImage(int depth, QString *platform) const
{
    for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
        const Process &p = m_stack.at(i);
        if (p.kind == ProcessKind::Image && p.depth <= depth) {
            if (platform)
                *platform = p.platform;
            return p.image;
        }
    }
    return {};
}

WerfLogParser::Process *WerfLogParser::enclosingImageProcess(int depth)
{
    for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
        if (m_stack[i].kind == ProcessKind::Image && m_stack[i].depth <= depth)
            return &m_stack[i];
    }
    return nullptr;
}

void WerfLogParser::emitImageStarted(const Process &image)
{
    BuildEvent event;
    event.kind = BuildEvent::Kind::ImageStarted;
    event.image = image.image;
    event.platform = image.platform;
    event.role = image.role;
    event.line = image.line;
    emitEvent(event);
}

void WerfLogParser::closeDeeperThan(int depth)
{
    while (!m_stack.isEmpty() && m_stack.back().depth > depth)
        m_stack.removeLast();
}

QString WerfLogParser::stageTag(const Process &process) const
{
    return process.image.isEmpty() ? process.stage : process.image + u'/' + process.stage;
}

void WerfLogParser::resolveStage(Process &process, const QString &input, int depth)
{
    QString text = input;
    process.truncated = text.endsWith(u" ..."_s);
    if (process.truncated)
        text.chop(4);
    const QString image = enclosingImage(depth, &process.platform);

    // Split "IMAGE/STAGE" at the image we are inside when we know it (image names contain
    // '/'), otherwise at the last '/'; werf 1.0 logged the stage alone.
    if (!image.isEmpty() && text.startsWith(image + u'/')) {
        process.image = image;
        process.stage = text.mid(image.size() + 1);
    } else if (process.truncated && !image.isEmpty() && QString(image + u'/').startsWith(text)) {
        process.image = image;
        process.stage.clear();
    } else if (const qsizetype slash = text.lastIndexOf(u'/'); slash >= 0) {
        process.image = text.left(slash);
        process.stage = text.mid(slash + 1);
    } else {
        process.image = image;
        process.stage = text;
    }

    // An image header cut with " ..." gets its full name from the first stage line inside it.
    if (Process *enclosing = enclosingImageProcess(depth);
        enclosing && enclosing != &process && enclosing->truncated
        && process.image != enclosing->image && process.image.startsWith(enclosing->image)) {
        enclosing->image = process.image;
        enclosing->truncated = false;
        emitImageStarted(*enclosing);
    }

    if (process.truncated && !process.stage.isEmpty()) {
        QStringList candidates;
        for (const QString &name : knownStageNames()) {
            if (name.startsWith(process.stage))
                candidates.append(name);
        }
        if (candidates.size() == 1) {
            process.stage = candidates.first();
            process.truncated = false;
        }
    }
}

void WerfLogParser::handleHeader(const Logical &line)
{
    flushCached();
    const int depth = int(line.borders.size());
    closeDeeperThan(depth - 1);

    Process process;
    process.depth = depth;
    process.title = line.content;

    if (const ImageTitle image = parseImageTitle(line.content); image.matched) {
        if (image.pretty)
            m_prettySeen = true;
        process.kind = ProcessKind::Image;
        process.image = image.name;
        process.platform = image.platform;
        process.role = image.role;
        process.line = line.line;
        process.truncated = image.truncated;
        if (!image.truncated)
            emitImageStarted(process);
    } else if (line.content.startsWith(u"Building stage "_s)) {
        process.kind = ProcessKind::Stage;
        resolveStage(process, line.content.mid(15), depth);
        if (!process.truncated) {
            BuildEvent event;
            event.kind = BuildEvent::Kind::StageStarted;
            event.image = process.image;
            event.platform = process.platform;
            event.stage = process.stage;
            event.line = line.line;
            emitEvent(event);
        }
    } else {
        process.kind = ProcessKind::Other;
    }
    m_stack.append(process);
}

void WerfLogParser::handleFooter(const Logical &line)
{
    flushCached();
    static const QRegularExpression footer(
            u"^(.*?)(?: \\((\\d+(?:\\.\\d+)?) seconds\\))?( FAILED)?$"_s);
    const QRegularExpressionMatch m = footer.match(line.content);
    const QString title = m.captured(1);
    const qint64 durationMs = m.hasCaptured(2) ? secondsToMs(m.captured(2)) : -1;
    const bool failed = m.hasCaptured(3);
    const int depth = int(line.borders.size());

    Process process;
    if (Process *open = processAt(depth); open && titlesCompatible(open->title, title)) {
        process = *open;
    } else {
        // The header was not in the log (an excerpt) or the nesting is broken: read the footer
        // on its own.
        process.depth = depth;
        process.title = title;
        closeDeeperThan(depth - 1);
        if (const ImageTitle image = parseImageTitle(title); image.matched) {
            process.kind = ProcessKind::Image;
            process.image = image.name;
            process.platform = image.platform;
            process.role = image.role;
        } else if (title.startsWith(u"Building stage "_s)) {
            process.kind = ProcessKind::Stage;
            resolveStage(process, title.mid(15), depth);
        } else {
            process.kind = ProcessKind::Other;
        }
    }
    closeDeeperThan(depth - 1);

    BuildEvent event;
    event.line = line.line;
    event.durationMs = durationMs;
    event.failed = failed;
    switch (process.kind) {
    case ProcessKind::Image:
        if (process.truncated && process.line > 0)
            emitImageStarted(process); // its name stayed cut: nothing inside told the rest
        event.kind = BuildEvent::Kind::ImageFinished;
        event.image = process.image;
        event.platform = process.platform;
        event.role = process.role;
        emitEvent(event);
        break;
    case ProcessKind::Stage:
        event.signature = process.info.signature;
        event.imageId = process.info.imageId;
        event.imageName = process.info.imageName;
        event.size = process.info.size;
        event.kind = failed ? BuildEvent::Kind::StageFailed : BuildEvent::Kind::StageBuilt;
        event.image = process.image;
        event.platform = process.platform.isEmpty() ? process.info.platform : process.platform;
        event.stage = process.stage;
        event.discarded = process.discarded && !failed;
        emitEvent(event);
        break;
    case ProcessKind::Other:
    case ProcessKind::Unknown:
        if (failed) {
            event.kind = BuildEvent::Kind::ProcessFailed;
            event.text = process.title;
            event.image = enclosingImage(depth, &event.platform);
            emitEvent(event);
        }
        break;
    }
}

void WerfLogParser::handleInfoHeader(const Logical &line)
{
    flushCached();
    if (Process *process = processAt(int(line.borders.size())))
        process->infoSection = true;
}

bool WerfLogParser::applyInfoField(const QString &content, BuildEvent &info)
{
    // 1.1: "  %12s: %s"; 1.2+: "%9s: %s" (GRAMMAR.md §4.3).
    static const QRegularExpression field(u"^\\s*(repository|image_id|created|tag|size|diff|"
                                          u"instructions|commands|name|id|platform"
                                          "|commit):(?: (.*))?$"_s);
    const QRegularExpressionMatch m = field.match(content);
    if (!m.hasMatch())
        return false;
    static const QRegularExpression signatureTag(u"^([0-9a-f]{32,})(?:-\\d+)?$"_s);
    const QString key = m.captured(1);
    const QString value = m.captured(2).trimmed();
    if (key == u"repository") {
        info.imageName = value;
    } else if (key == u"tag") {
        info.imageName = info.imageName.isEmpty() ? value : info.imageName + u':' + value;
        if (const QRegularExpressionMatch s = signatureTag.match(value); s.hasMatch())
            info.signature = s.captured(1);
    } else if (key == u"name") {
        info.imageName = value;
        const qsizetype colon = value.lastIndexOf(u':');
        if (const QRegularExpressionMatch s = signatureTag.match(value.mid(colon + 1));
            colon >= 0 && s.hasMatch())
            info.signature = s.captured(1);
    } else if (key == u"id" || key == u"image_id") {
        info.imageId = value;
    } else if (key == u"size" || key == u"diff") {
        info.size = value;
    } else if (key == u"platform") {
        if (info.platform.isEmpty())
            info.platform = value;
    }
    return true;
}

bool WerfLogParser::handleTopLevel(const Logical &line)
{
    const QString &c = line.content;
    static const QRegularExpression version(u"^Version: (\\S+)$"_s);
    static const QRegularExpression running(u"^Running time (\\d+(?:\\.\\d+)?) seconds$"_s);
    BuildEvent event;
    event.line = line.line;
    if (const QRegularExpressionMatch m = version.match(c); m.hasMatch()) {
        event.kind = BuildEvent::Kind::BuildStarted;
        event.text = m.captured(1);
        emitEvent(event);
        return true;
    }
    if (const QRegularExpressionMatch m = running.match(c); m.hasMatch()) {
        event.kind = BuildEvent::Kind::RunningTime;
        event.durationMs = secondsToMs(m.captured(1));
        emitEvent(event);
        return true;
    }
    if (c.startsWith(u"Error:"_s)) {
        m_error.active = true;
        m_error.line = line.line;
        m_error.parts.clear();
        m_error.length = 0;
        const QString first = c.mid(6).trimmed();
        if (!first.isEmpty()) {
            m_error.parts.append(first.left(kMaxErrorLength));
            m_error.length = m_error.parts.back().size();
        }
        return true;
    }
    if (c.startsWith(u"panic: "_s)) {
        event.kind = BuildEvent::Kind::Panic;
        event.text = c.mid(7).trimmed();
        emitEvent(event);
        return true;
    }
    return false;
}

bool WerfLogParser::handleOutput(const Logical &line, Process *owner)
{
    const int depth = int(line.borders.size());
    static const QRegularExpression tagged(u"^(\\S+)  "_s);

    QString tag;
    if (owner && owner->kind == ProcessKind::Stage) {
        if (owner->truncated) {
            // The header's title was cut; the tag on the output names the stage in full.
            const QString partial = owner->title.mid(15).chopped(4);
            const QRegularExpressionMatch m = tagged.match(line.content);
            if (m.hasMatch() && m.captured(1).startsWith(partial)) {
                resolveStage(*owner, m.captured(1), depth);
                owner->truncated = false;
                BuildEvent started;
                started.kind = BuildEvent::Kind::StageStarted;
                started.image = owner->image;
                started.platform = owner->platform;
                started.stage = owner->stage;
                started.line = line.line;
                emitEvent(started);
            }
        }
        const QString full = stageTag(*owner);
        if (line.content.startsWith(full + u"  "_s))
            tag = full;
        else if (line.content.startsWith(owner->stage + u"  "_s)) // 1.1.21 Dockerfile builds
            tag = owner->stage;
    } else if (!owner && depth >= 2) {
        // An excerpt that starts inside a stage: the tag tells which one.
        const QRegularExpressionMatch m = tagged.match(line.content);
        if (m.hasMatch()) {
            const QString token = m.captured(1);
            const qsizetype slash = token.lastIndexOf(u'/');
            if (slash > 0 && isKnownStageName(token.mid(slash + 1))) {
                closeDeeperThan(depth - 1);
                Process process;
                process.kind = ProcessKind::Stage;
                process.depth = depth;
                process.implicit = true;
                process.title = u"Building stage "_s + token;
                resolveStage(process, token, depth);
                m_stack.append(process);
                owner = &m_stack.back();
                tag = token;
            }
        }
    }
    if (tag.isEmpty() || !owner)
        return false;

    // Two proxied lines can arrive glued into one physical line (log 007):
    // "...first. │ │ IMG/STAGE  second". Split them again.
    const QString marker = tag + u"  "_s;
    QString rest = line.content.mid(marker.size());
    QStringList pieces;
    qsizetype from = 0;
    while (true) {
        const qsizetype idx = rest.indexOf(marker, from);
        if (idx < 0)
            break;
        qsizetype j = idx;
        while (j >= 2 && rest.at(j - 1) == u' ' && isSign(rest.at(j - 2)))
            j -= 2;
        if (j < idx && (j == 0 || rest.at(j - 1) == u' ')) {
            pieces.append(rightTrimmed(rest.left(j)));
            rest = rest.mid(idx + marker.size());
            from = 0;
        } else {
            from = idx + marker.size();
        }
    }
    pieces.append(rest);

    m_prettySeen = true;
    for (const QString &piece : std::as_const(pieces)) {
        BuildEvent event;
        event.kind = BuildEvent::Kind::Output;
        event.image = owner->image;
        event.platform = owner->platform;
        event.stage = owner->stage;
        event.text = piece;
        event.line = line.line;
        emitEvent(event);
    }
    return true;
}

void WerfLogParser::handleBody(const Logical &line)
{
    const int depth = int(line.borders.size());
    if (m_cached.active) {
        if (depth == m_cached.depth && applyInfoField(line.content, m_cached.event))
            return;
        flushCached();
    }
    if (depth == 0 && handleTopLevel(line))
        return;

    Process *owner = processAt(depth);
    if (owner && owner->kind == ProcessKind::Stage && owner->infoSection
        && applyInfoField(line.content, owner->info))
        return;
    if (handleOutput(line, owner))
        return;

    const QString content = line.content.trimmed();
    static const QRegularExpression cached(
            u"^Use (?:cache|previously built) image for (\\S+(?: \\S+)?)(?: by content-based tag)?$"_s);
    static const QRegularExpression discarded(u"^Discarding newly built image for stage (\\S+) by "
                                              u"(?:signature|digest) (\\S+): detected "
                                              "already existing image (\\S+)"_s);
    static const QRegularExpression missing(
            u"^(?:[^\\x{00}-\\x{7F}]+\\s+)?(?:image|artifact) (\\S+) stage (\\S+) is not exist in "
            "stages storage$"_s);

    if (const QRegularExpressionMatch m = cached.match(content); m.hasMatch()) {
        QString subject = m.captured(1);
        Process stage;
        if (subject.startsWith(u"stage "_s)) { // werf 1.0: the stage name alone
            stage.stage = subject.mid(6);
            stage.image = enclosingImage(depth, &stage.platform);
        } else {
            resolveStage(stage, subject, depth);
        }
        m_cached.active = true;
        m_cached.depth = depth;
        m_cached.event = BuildEvent();
        m_cached.event.kind = BuildEvent::Kind::StageCached;
        m_cached.event.image = stage.image;
        m_cached.event.platform = stage.platform;
        m_cached.event.stage = stage.stage;
        m_cached.event.line = line.line;
        return;
    }
    if (const QRegularExpressionMatch m = discarded.match(content); m.hasMatch()) {
        Process stage;
        resolveStage(stage, m.captured(1), depth);
        BuildEvent event;
        event.kind = BuildEvent::Kind::StageDiscarded;
        event.image = stage.image;
        event.platform = stage.platform;
        event.stage = stage.stage;
        event.signature = m.captured(2);
        event.imageName = m.captured(3);
        event.line = line.line;
        if (Process *open = innermostStage())
            open->discarded = true;
        emitEvent(event);
        return;
    }
    if (const QRegularExpressionMatch m = missing.match(content); m.hasMatch()) {
        BuildEvent event;
        event.kind = BuildEvent::Kind::StageMissing;
        event.image = m.captured(1);
        event.stage = m.captured(2);
        event.line = line.line;
        emitEvent(event);
        return;
    }

    // --log-pretty=false writes child output raw: no borders, no tag. Once the log has shown
    // that pretty mode is on (tagged output, an emoji header), a bare line inside a stage is
    // something else, typically an elision ("...", "<..>") in a pasted excerpt.
    if (depth == 0 && !content.isEmpty() && !m_prettySeen) {
        if (Process *open = innermostStage()) {
            BuildEvent event;
            event.kind = BuildEvent::Kind::Output;
            event.image = open->image;
            event.platform = open->platform;
            event.stage = open->stage;
            event.text = line.content;
            event.line = line.line;
            emitEvent(event);
        }
    }
}

void WerfLogParser::flushCached()
{
    if (!m_cached.active)
        return;
    m_cached.active = false;
    emitEvent(m_cached.event);
}

void WerfLogParser::flushError()
{
    if (!m_error.active)
        return;
    m_error.active = false;

    BuildEvent event;
    event.kind = BuildEvent::Kind::Error;
    event.line = m_error.line;
    event.text = m_error.parts.join(u' ');
    m_error.parts.clear();

    static const QRegularExpression phase(
            u"phase build on image (\\S+) stage (\\S+) handler failed"_s);
    static const QRegularExpression baseImage(
            u"unable to fetch base image \\S+ for stage ([^\\s:]+)"_s);
    static const QRegularExpression processImage(u"unable to process image \"([^\"]+)\""_s);
    static const QRegularExpression signature(u"with (?:signature|digest) ([0-9a-f]{16,})"_s);
    static const QRegularExpression exitCode(
            u"(?:Code: |returned a non-zero code: |exit status |exit code:? )(\\d+)"_s);

    if (const QRegularExpressionMatch m = phase.match(event.text); m.hasMatch()) {
        event.image = m.captured(1);
        event.stage = m.captured(2);
    } else if (const QRegularExpressionMatch b = baseImage.match(event.text); b.hasMatch()) {
        const QString subject = b.captured(1);
        const qsizetype slash = subject.lastIndexOf(u'/');
        event.image = slash >= 0 ? subject.left(slash) : QString();
        event.stage = slash >= 0 ? subject.mid(slash + 1) : subject;
    } else if (const QRegularExpressionMatch p = processImage.match(event.text); p.hasMatch()) {
        event.image = p.captured(1);
    }
    if (const QRegularExpressionMatch m = signature.match(event.text); m.hasMatch())
        event.signature = m.captured(1);
    if (const QRegularExpressionMatch m = exitCode.match(event.text); m.hasMatch()) {
        bool ok = false;
        const int code = m.captured(1).toInt(&ok);
        if (ok)
            event.exitCode = code;
    }
    emitEvent(event);
}

void WerfLogParser::emitEvent(BuildEvent event)
{
    m_events.append(std::move(event));
}

} // namespace Stagecraft::Model
