// SPDX-License-Identifier: GPL-3.0-or-later
#include "shellword.h"

#include <QChar>
#include <QList>

namespace Stagecraft::Model::ShellWord {

namespace {

constexpr char32_t eof = char32_t(-1);

bool isSpecialParam(char32_t c)
{
    switch (c) {
    case U'@':
    case U'*':
    case U'#':
    case U'?':
    case U'-':
    case U'$':
    case U'!':
    case U'0':
        return true;
    default:
        return false;
    }
}

bool isDigit(char32_t c)
{
    return c != eof && QChar::isDigit(c);
}

// A recursive-descent expander over code points, following the state machine of BuildKit's
// shellWord (peek/next over runes).
class Expander
{
public:
    Expander(const QString &word, const QHash<QString, QString> &env, char32_t escape)
        : m_chars(word.toUcs4())
        , m_env(env)
        , m_escape(escape)
    {}

    std::optional<QString> run(QString *error)
    {
        std::optional<QString> r = stopOn(eof);
        if (!r && error)
            *error = m_error;
        return r;
    }

private:
    char32_t peek() const { return m_pos < m_chars.size() ? m_chars.at(m_pos) : eof; }
    char32_t next() { return m_pos < m_chars.size() ? m_chars.at(m_pos++) : eof; }
    std::nullopt_t fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return std::nullopt;
    }

    std::optional<QString> stopOn(char32_t stop)
    {
        QString result;
        while (peek() != eof) {
            const char32_t c = peek();
            if (stop != eof && c == stop) {
                next();
                return result;
            }
            std::optional<QString> part;
            if (c == U'\'') {
                part = singleQuote();
            } else if (c == U'"') {
                part = doubleQuote();
            } else if (c == U'$') {
                part = dollar();
            } else {
                char32_t ch = next();
                if (ch == m_escape) {
                    ch = next();
                    if (ch == eof)
                        break;
                }
                result += QString::fromUcs4(&ch, 1);
                continue;
            }
            if (!part)
                return std::nullopt;
            result += *part;
        }
        if (stop != eof) {
            return fail(u"unexpected end of statement while looking for matching "
                        + QString::fromUcs4(&stop, 1));
        }
        return result;
    }

    std::optional<QString> singleQuote()
    {
        next();
        QString result;
        for (;;) {
            const char32_t c = next();
            if (c == eof)
                return fail(QStringLiteral(
                        "unexpected end of statement while looking for matching single-quote"));
            if (c == U'\'')
                return result;
            result += QString::fromUcs4(&c, 1);
        }
    }

    std::optional<QString> doubleQuote()
    {
        next();
        QString result;
        for (;;) {
            const char32_t p = peek();
            if (p == eof)
                return fail(QStringLiteral(
                        "unexpected end of statement while looking for matching double-quote"));
            if (p == U'"') {
                next();
                return result;
            }
            if (p == U'$') {
                const std::optional<QString> v = dollar();
                if (!v)
                    return std::nullopt;
                result += *v;
                continue;
            }
            char32_t c = next();
            if (c == m_escape) {
                const char32_t after = peek();
                if (after == eof)
                    continue;
                if (after == U'"' || after == U'$' || after == m_escape)
                    c = next();
            }
            result += QString::fromUcs4(&c, 1);
        }
    }

    QString name()
    {
        QString n;
        while (peek() != eof) {
            char32_t c = peek();
            if (n.isEmpty() && isDigit(c)) {
                while (isDigit(peek())) {
                    c = next();
                    n += QString::fromUcs4(&c, 1);
                }
                return n;
            }
            if (n.isEmpty() && isSpecialParam(c)) {
                c = next();
                return QString::fromUcs4(&c, 1);
            }
            if (!QChar::isLetter(c) && !QChar::isDigit(c) && c != U'_')
                break;
            c = next();
            n += QString::fromUcs4(&c, 1);
        }
        return n;
    }

    std::optional<QString> lookup(const QString &n) const
    {
        const auto it = m_env.constFind(n);
        if (it == m_env.cend())
            return std::nullopt;
        return *it;
    }

    std::optional<QString> dollar()
    {
        next();
        if (peek() != U'{') {
            const QString n = name();
            if (n.isEmpty())
                return QStringLiteral("$");
            return lookup(n).value_or(QString());
        }
        next();
        switch (peek()) {
        case eof:
            return fail(QStringLiteral("syntax error: missing '}'"));
        case U'{':
        case U'}':
        case U':':
            return fail(QStringLiteral("syntax error: bad substitution"));
        default:
            break;
        }
        const QString n = name();
        const char32_t c = next();
        if (c == U'}')
            return lookup(n).value_or(QString());
        if (c == U'?') {
            const std::optional<QString> word = stopOn(U'}');
            if (!word) {
                if (peek() == eof) {
                    m_error.clear();
                    return fail(QStringLiteral("syntax error: missing '}'"));
                }
                return std::nullopt;
            }
            const std::optional<QString> value = lookup(n);
            if (!value)
                return fail(
                        n + u": "
                        + (word->isEmpty() ? QStringLiteral("is not allowed to be unset") : *word));
            return *value;
        }
        if (c == U':') {
            const char32_t modifier = next();
            const std::optional<QString> word = stopOn(U'}');
            if (!word) {
                if (peek() == eof) {
                    m_error.clear();
                    return fail(QStringLiteral("syntax error: missing '}'"));
                }
                return std::nullopt;
            }
            const std::optional<QString> found = lookup(n);
            QString value = found.value_or(QString());
            switch (modifier) {
            case U'+':
                return value.isEmpty() ? value : *word;
            case U'-':
                return value.isEmpty() ? *word : value;
            case U'?':
                if (!found)
                    return fail(n + u": "
                                + (word->isEmpty() ? QStringLiteral("is not allowed to be unset")
                                                   : *word));
                if (value.isEmpty())
                    return fail(n + u": "
                                + (word->isEmpty() ? QStringLiteral("is not allowed to be empty")
                                                   : *word));
                return value;
            default:
                return fail(u"unsupported modifier (" + QString::fromUcs4(&modifier, 1)
                            + u") in substitution");
            }
        }
        return fail(QStringLiteral("missing ':' in substitution"));
    }

    QList<uint> m_chars;
    const QHash<QString, QString> &m_env;
    char32_t m_escape;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

std::optional<QString> process(const QString &word,
                               const QHash<QString, QString> &env,
                               QString *error,
                               char32_t escapeToken)
{
    QString message;
    std::optional<QString> r = Expander(word, env, escapeToken).run(&message);
    if (!r && error)
        *error = u"failed to process \"" + word + u"\": " + message;
    return r;
}

} // namespace Stagecraft::Model::ShellWord
