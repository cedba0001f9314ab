// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockerfileparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <optional>

namespace Stagecraft::Model::Dockerfile {

namespace {

// Go's unicode.IsSpace for the characters that occur in text files.
bool isSpace(QChar c)
{
    return c.isSpace();
}

QString trimLeft(const QString &s)
{
    qsizetype i = 0;
    while (i < s.size() && isSpace(s.at(i)))
        ++i;
    return s.mid(i);
}

// The escape directive may change the escape token; everything that depends on it reads it here.
struct Directives
{
    char32_t escape = U'\\';
    bool done = false;
    QStringList seen;

    QString error;

    void setEscape(const QString &token)
    {
        if (token != u"`" && token != u"\\") {
            error = u"invalid escape token '" + token + u"' does not match ` or \\";
            return;
        }
        escape = token.at(0).unicode();
    }

    void possibleDirective(const QString &line)
    {
        if (done)
            return;
        static const QRegularExpression re(
                QStringLiteral("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$"));
        const QRegularExpressionMatch m = re.match(line);
        if (!m.hasMatch()) {
            done = true;
            return;
        }
        const QString key = m.captured(1).toLower();
        if (key != u"escape" && key != u"syntax") {
            done = true;
            return;
        }
        if (seen.contains(key)) {
            error = u"only one " + key + u" parser directive can be used";
            return;
        }
        seen.append(key);
        if (key == u"escape")
            setEscape(m.captured(2));
    }
};

QString processLine(Directives &d, QString token, bool stripLeft)
{
    if (stripLeft)
        token = trimLeft(token);
    d.possibleDirective(token);
    // `^#.*$` without multi-line mode: only a line that starts with '#' is a comment.
    if (token.startsWith(u'#'))
        return {};
    return token;
}

bool isCommentLine(const QString &raw)
{
    return trimLeft(raw).startsWith(u'#');
}

// BuildKit's extractBuilderFlags: leading `--name=value` words.
QString extractBuilderFlags(const QString &line, QStringList &flags)
{
    enum { InSpaces, InWord, InQuote } phase = InSpaces;
    QString word;
    QChar quote;
    bool blankOk = false;
    const qsizetype n = line.size();
    for (qsizetype pos = 0; pos <= n; ++pos) {
        QChar ch = pos < n ? line.at(pos) : QChar();
        if (phase == InSpaces) {
            if (pos == n)
                break;
            if (isSpace(ch))
                continue;
            if (ch != u'-' || pos + 1 == n || line.at(pos + 1) != u'-')
                return line.mid(pos);
            phase = InWord;
        }
        if ((phase == InWord || phase == InQuote) && pos == n) {
            if (word != u"--" && (blankOk || !word.isEmpty()))
                flags.append(word);
            break;
        }
        if (phase == InWord) {
            if (isSpace(ch)) {
                phase = InSpaces;
                if (word == u"--")
                    return line.mid(pos);
                if (blankOk || !word.isEmpty())
                    flags.append(word);
                word.clear();
                blankOk = false;
                continue;
            }
            if (ch == u'\'' || ch == u'"') {
                quote = ch;
                blankOk = true;
                phase = InQuote;
                continue;
            }
            if (ch == u'\\') {
                if (pos + 1 == n)
                    continue;
                ch = line.at(++pos);
            }
            word += ch;
            continue;
        }
        if (ch == quote) {
            phase = InWord;
            continue;
        }
        if (ch == u'\\') {
            if (pos + 1 == n) {
                phase = InWord;
                continue;
            }
            ch = line.at(++pos);
        }
        word += ch;
    }
    return {};
}

// BuildKit's parseWords: whitespace-separated words, quotes and escapes kept in the words.
QStringList parseWords(const QString &rest, char32_t escape)
{
    enum { InSpaces, InWord, InQuote } phase = InSpaces;
    QStringList words;
    QString word;
    char32_t quote = 0;
    bool blankOk = false;
    const QList<uint> chars = rest.toUcs4();
    const qsizetype n = chars.size();
    auto str = [](char32_t c) { return QString::fromUcs4(&c, 1); };
    for (qsizetype pos = 0; pos <= n; ++pos) {
        char32_t ch = pos < n ? chars.at(pos) : 0;
        if (phase == InSpaces) {
            if (pos == n)
                break;
            if (QChar::isSpace(ch))
                continue;
            phase = InWord;
        }
        if ((phase == InWord || phase == InQuote) && pos == n) {
            if (blankOk || !word.isEmpty())
                words.append(word);
            break;
        }
        if (phase == InWord) {
            if (QChar::isSpace(ch)) {
                phase = InSpaces;
                if (blankOk || !word.isEmpty())
                    words.append(word);
                word.clear();
                blankOk = false;
                continue;
            }
            if (ch == U'\'' || ch == U'"') {
                quote = ch;
                blankOk = true;
                phase = InQuote;
            }
            if (ch == escape) {
                if (pos + 1 == n)
                    continue;
                word += str(ch);
                ch = chars.at(++pos);
            }
            word += str(ch);
            continue;
        }
        if (ch == quote)
            phase = InWord;
        if (ch == escape && quote != U'\'') {
            if (pos + 1 == n) {
                phase = InWord;
                continue;
            }
            word += str(ch);
            ch = chars.at(++pos);
        }
        word += str(ch);
    }
    return words;
}

const QRegularExpression &whitespace()
{
    static const QRegularExpression re(QStringLiteral("[\\t\\v\\f\\r ]+"));
    return re;
}

QStringList splitWhitespace(const QString &rest)
{
    if (rest.isEmpty())
        return {};
    return rest.split(whitespace());
}

// json.Decoder reads the first value and ignores what follows it.
QString firstJsonValue(const QString &s)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'[' || c == u'{')
            ++depth;
        else if ((c == u']' || c == u'}') && --depth == 0)
            return s.left(i + 1);
    }
    return s;
}

enum class JsonResult { Parsed, NotJson, NotStrings };

JsonResult parseJson(const QString &rest, QStringList &args)
{
    const QString text = trimLeft(rest);
    if (!text.startsWith(u'['))
        return JsonResult::NotJson;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(firstJsonValue(text).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return JsonResult::NotJson;
    QStringList values;
    for (const QJsonValue &v : doc.array()) {
        if (!v.isString())
            return JsonResult::NotStrings;
        values.append(v.toString());
    }
    args = values;
    return JsonResult::Parsed;
}

const QString notStrings = QStringLiteral(
        "when using JSON array syntax, arrays must be comprised of strings only");

// BuildKit's parseNameVal (ENV, LABEL): `KEY name value` or `KEY a=b c=d`.
bool parseNameVal(
        const QString &rest, const QString &key, char32_t escape, Instruction &ins, QString &error)
{
    const QStringList words = parseWords(rest, escape);
    if (words.isEmpty())
        return true;
    if (!words.first().contains(u'=')) {
        // regexp.Split(rest, 2): the name, and the value after the first run of whitespace.
        const QRegularExpressionMatch m = whitespace().match(rest);
        if (!m.hasMatch()) {
            error = key + u" must have two arguments";
            return false;
        }
        const QString name = rest.left(m.capturedStart());
        const QString value = rest.mid(m.capturedEnd());
        ins.pairs.append({name, value});
        ins.args << name << value;
        return true;
    }
    for (const QString &word : words) {
        const qsizetype eq = word.indexOf(u'=');
        if (eq < 0) {
            error = u"Syntax error - can't find = in \"" + word
                    + u"\". Must be of the form: name=value";
            return false;
        }
        ins.pairs.append({word.left(eq), word.mid(eq + 1)});
        ins.args << word.left(eq) << word.mid(eq + 1);
    }
    return true;
}

struct Flag
{
    QString name;
    QString value;
};

bool parseFlags(const Instruction &ins, const QStringList &allowed, QList<Flag> &out, QString &error)
{
    for (const QString &word : ins.flags) {
        QString arg = word.mid(2);
        const qsizetype eq = arg.indexOf(u'=');
        const QString name = eq < 0 ? arg : arg.left(eq);
        if (!allowed.contains(name)) {
            error = u"Unknown flag: " + name;
            return false;
        }
        if (eq < 0) {
            error = u"Missing a value on flag: " + name;
            return false;
        }
        out.append({name, arg.mid(eq + 1)});
    }
    return true;
}

// newNodeFromLine + the instructions package's checks for one logical line.
std::optional<Instruction> instructionFromLine(const QString &line,
                                               Directives &d,
                                               int lineNumber,
                                               QString &error)
{
    Instruction ins;
    ins.line = lineNumber;
    ins.original = line.trimmed();
    const QString trimmed = line.trimmed();
    // reWhitespace.Split(line, 2) by hand: [\t\v\f\r ]+ ends the command word.
    auto isSplitSpace = [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\v' || c == u'\f' || c == u'\r';
    };
    qsizetype wordEnd = 0;
    while (wordEnd < trimmed.size() && !isSplitSpace(trimmed.at(wordEnd)))
        ++wordEnd;
    qsizetype restStart = wordEnd;
    while (restStart < trimmed.size() && isSplitSpace(trimmed.at(restStart)))
        ++restStart;
    QString rest;
    ins.command = trimmed.left(wordEnd).toLower();
    if (wordEnd < trimmed.size())
        rest = extractBuilderFlags(trimmed.mid(restStart), ins.flags).trimmed();
    const QString &cmd = ins.command;
    const QString upper = cmd.toUpper();

    if (cmd == u"add" || cmd == u"copy" || cmd == u"volume") {
        const JsonResult r = parseJson(rest, ins.args);
        if (r == JsonResult::NotStrings) {
            error = notStrings;
            return std::nullopt;
        }
        if (r == JsonResult::NotJson)
            ins.args = splitWhitespace(rest);
    } else if (cmd == u"cmd" || cmd == u"entrypoint" || cmd == u"run" || cmd == u"shell") {
        if (!rest.isEmpty()) {
            const JsonResult r = parseJson(rest, ins.args);
            if (r == JsonResult::NotStrings) {
                error = notStrings;
                return std::nullopt;
            }
            if (r == JsonResult::NotJson)
                ins.args = {rest};
        }
    } else if (cmd == u"arg") {
        ins.args = parseWords(rest, d.escape);
    } else if (cmd == u"env" || cmd == u"label") {
        if (!parseNameVal(rest, upper, d.escape, ins, error))
            return std::nullopt;
    } else if (cmd == u"expose" || cmd == u"from") {
        ins.args = splitWhitespace(rest);
    } else if (cmd == u"maintainer" || cmd == u"stopsignal" || cmd == u"user" || cmd == u"workdir") {
        if (!rest.isEmpty())
            ins.args = {rest};
    } else if (cmd == u"healthcheck") {
        // Only the instruction's text is hashed; its options are Docker's business.
        if (!rest.isEmpty())
            ins.args = {rest};
    } else if (cmd == u"onbuild") {
        if (!rest.isEmpty()) {
            const std::optional<Instruction> trigger = instructionFromLine(rest,
                                                                           d,
                                                                           lineNumber,
                                                                           error);
            if (!trigger)
                return std::nullopt;
            ins.args = QStringList{trigger->command} + trigger->args;
        }
    } else {
        error = u"unknown instruction: " + upper;
        return std::nullopt;
    }

    // The instructions package: argument counts and flags.
    QList<Flag> flags;
    if (cmd == u"env" || cmd == u"label") {
        if (ins.args.isEmpty()) {
            error = upper + u" requires at least one argument";
            return std::nullopt;
        }
        for (const auto &kv : std::as_const(ins.pairs)) {
            if (kv.first.isEmpty()) {
                error = upper + u" names can not be blank";
                return std::nullopt;
            }
        }
    } else if (cmd == u"add" || cmd == u"copy") {
        if (ins.args.size() < 2) {
            error = upper
                    + u" requires at least two arguments, but only one was provided. Destination "
                      u"could not be determined.";
            return std::nullopt;
        }
        QStringList allowed{QStringLiteral("chown"), QStringLiteral("chmod")};
        if (cmd == u"copy")
            allowed << QStringLiteral("from");
        if (!parseFlags(ins, allowed, flags, error))
            return std::nullopt;
        for (const Flag &f : std::as_const(flags)) {
            if (f.name == u"from")
                ins.from = f.value;
        }
    } else if (cmd == u"from") {
        if (!(ins.args.size() == 1
              || (ins.args.size() == 3 && ins.args.at(1).compare(u"as", Qt::CaseInsensitive) == 0))) {
            error = QStringLiteral("FROM requires either one or three arguments");
            return std::nullopt;
        }
        if (ins.args.size() == 3) {
            static const QRegularExpression name(QStringLiteral("^[a-z][a-z0-9-_\\.]*$"));
            if (!name.match(ins.args.at(2).toLower()).hasMatch()) {
                error = u"invalid name for build stage: \"" + ins.args.at(2)
                        + u"\", name can't start with a number or contain symbols";
                return std::nullopt;
            }
        }
        if (!parseFlags(ins, {QStringLiteral("platform")}, flags, error))
            return std::nullopt;
    } else if (cmd == u"onbuild") {
        if (ins.args.isEmpty()) {
            error = QStringLiteral("ONBUILD requires at least one argument");
            return std::nullopt;
        }
        const QString trigger = ins.args.first().trimmed().toUpper();
        if (trigger == u"ONBUILD") {
            error = QStringLiteral("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            return std::nullopt;
        }
        if (trigger == u"MAINTAINER" || trigger == u"FROM") {
            error = trigger + u" isn't allowed as an ONBUILD trigger";
            return std::nullopt;
        }
        static const QRegularExpression prefix(QStringLiteral("^\\s*ONBUILD\\s*"),
                                               QRegularExpression::CaseInsensitiveOption);
        ins.expression = QString(line).replace(prefix, QString());
    } else if (cmd == u"arg") {
        if (ins.args.size() != 1) {
            error = QStringLiteral("ARG requires exactly one argument");
            return std::nullopt;
        }
        const QString &arg = ins.args.first();
        const qsizetype eq = arg.indexOf(u'=');
        if (eq >= 0) {
            if (eq == 0) {
                error = QStringLiteral("ARG names can not be blank");
                return std::nullopt;
            }
            ins.key = arg.left(eq);
            ins.value = arg.mid(eq + 1);
            ins.hasValue = true;
        } else {
            ins.key = arg;
        }
    } else if (cmd == u"maintainer") {
        if (ins.args.size() != 1) {
            error = QStringLiteral("MAINTAINER requires exactly one argument");
            return std::nullopt;
        }
    }
    return ins;
}

// Lines as bufio.ScanLines yields them: split at '\n', a trailing '\r' dropped.
QStringList scanLines(const QByteArray &text)
{
    QList<QByteArray> raw = text.split('\n');
    if (!raw.isEmpty() && raw.constLast().isEmpty())
        raw.removeLast();
    QStringList lines;
    lines.reserve(raw.size());
    for (QByteArray &l : raw) {
        if (l.endsWith('\r'))
            l.chop(1);
        lines.append(QString::fromUtf8(l));
    }
    return lines;
}

void addToStages(Parsed &result, const Instruction &ins)
{
    if (ins.command == u"from") {
        Stage stage;
        stage.baseName = ins.args.first();
        stage.name = ins.args.size() == 3 ? ins.args.at(2).toLower() : QString();
        stage.line = ins.line;
        result.stages.append(stage);
        return;
    }
    if (result.stages.isEmpty() && ins.command == u"arg") {
        result.metaArgs.append(ins);
        return;
    }
    if (result.stages.isEmpty()) {
        result.error = QStringLiteral("no build stage in current context");
        result.errorLine = ins.line;
        return;
    }
    result.stages.last().commands.append(ins);
}

} // namespace

namespace {

struct Lines
{
    QList<Instruction> instructions;
    char32_t escape = U'\\';
    QString error;
    int errorLine = 0;
};

// parser.Parse: logical lines, directives, comments, continuations, one instruction per line.
Lines parseInstructions(const QByteArray &input)
{
    Lines result;
    QByteArray text = input;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    const QStringList lines = scanLines(text);
    Directives d;
    // `<escape>[ \t]*$`, scanned by hand: a regular expression per line costs more than the rest
    // of the parse.
    auto trimContinuation = [&d](QString &l) {
        qsizetype end = l.size();
        while (end > 0 && (l.at(end - 1) == u' ' || l.at(end - 1) == u'\t'))
            --end;
        if (end == 0 || l.at(end - 1).unicode() != d.escape)
            return true;
        l.truncate(end - 1);
        return false;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int startLine = int(i) + 1;
        QString line = processLine(d, lines.at(i), true);
        if (!d.error.isEmpty()) {
            result.error = d.error;
            result.errorLine = startLine;
            return result;
        }
        bool endOfLine = trimContinuation(line);
        if (endOfLine && line.isEmpty())
            continue;
        while (!endOfLine && i + 1 < lines.size()) {
            ++i;
            const QString &raw = lines.at(i);
            QString continuation = processLine(d, raw, false);
            if (!d.error.isEmpty()) {
                result.error = d.error;
                result.errorLine = int(i) + 1;
                return result;
            }
            if (isCommentLine(raw))
                continue;
            if (trimLeft(continuation).isEmpty())
                continue; // an empty continuation line (BuildKit only warns)
            endOfLine = trimContinuation(continuation);
            line += continuation;
        }
        QString error;
        const std::optional<Instruction> ins = instructionFromLine(line, d, startLine, error);
        if (!ins) {
            result.error = u"dockerfile parse error line " + QString::number(startLine) + u": "
                           + error;
            result.errorLine = startLine;
            return result;
        }
        result.instructions.append(*ins);
    }
    result.escape = d.escape;
    if (result.instructions.isEmpty()) {
        result.error = QStringLiteral("file with no instructions");
        result.errorLine = int(lines.size());
    }
    return result;
}

} // namespace

Parsed parse(const QByteArray &input)
{
    Parsed result;
    const Lines lines = parseInstructions(input);
    result.escapeToken = lines.escape;
    if (!lines.error.isEmpty()) {
        result.error = lines.error;
        result.errorLine = lines.errorLine;
        return result;
    }
    for (const Instruction &ins : lines.instructions) {
        addToStages(result, ins);
        if (!result.error.isEmpty())
            return result;
    }
    return result;
}

std::optional<Instruction> parseLine(const QString &line, QString *error)
{
    const Lines lines = parseInstructions(line.toUtf8());
    if (!lines.error.isEmpty()) {
        if (error)
            *error = lines.error;
        return std::nullopt;
    }
    return lines.instructions.first();
}

} // namespace Stagecraft::Model::Dockerfile
