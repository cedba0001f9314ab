// SPDX-License-Identifier: GPL-3.0-or-later
#include "lexer.h"

#include "gofmt.h"

#include <QChar>

#include <cstring>

namespace Stagecraft::Model::Template {

namespace {

constexpr int Eof = -1;
constexpr qint64 TrimMarkerLength = 2; // the marker plus the space before or after it

bool isSpace(int r)
{
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
}

bool isAlphaNumeric(int r)
{
    if (r < 0)
        return false;
    if (r == '_')
        return true;
    if (r < 0x80)
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9');
    return QChar::isLetter(char32_t(r)) || QChar::isDigit(char32_t(r));
}

bool hasLeftTrimMarker(const QByteArray &s, qint64 at)
{
    return s.size() - at >= 2 && s.at(at) == '-' && isSpace(uchar(s.at(at + 1)));
}

bool hasRightTrimMarker(const QByteArray &s, qint64 at)
{
    return at >= 0 && s.size() - at >= 2 && isSpace(uchar(s.at(at))) && s.at(at + 1) == '-';
}

bool startsWith(const QByteArray &s, qint64 at, const char *prefix)
{
    const qint64 n = qint64(std::strlen(prefix));
    return at >= 0 && s.size() - at >= n && std::memcmp(s.constData() + at, prefix, size_t(n)) == 0;
}

// fmt's %#U: "U+0041 'A'", or just "U+0001" when the rune is not printable.
QByteArray hashU(int r)
{
    QByteArray s = "U+" + QByteArray::number(r, 16).toUpper().rightJustified(4, '0');
    if (isGoPrint(char32_t(r)))
        s += " '" + encodeRune(char32_t(r)) + '\'';
    return s;
}

} // namespace

QByteArray Token::describe() const
{
    switch (type) {
    case Type::Eof:
        return QByteArrayLiteral("EOF");
    case Type::Error:
        return value;
    default:
        break;
    }
    if (type > Type::Keyword)
        return '<' + value + '>';
    if (runeCount(value) > 10) {
        // %.10q...: the first ten runes, quoted.
        qsizetype pos = 0;
        for (int i = 0; i < 10; ++i) {
            int width = 1;
            decodeRune(value, pos, &width);
            pos += width;
        }
        return quoteString(value.left(pos)) + "...";
    }
    return quoteString(value);
}

Lexer::Lexer(const QByteArray &input, bool breakContinue)
    : m_input(input)
    , m_breakContinue(breakContinue)
{}

std::vector<Token> Lexer::tokens()
{
    State state = State::Text;
    while (state != State::Done) {
        switch (state) {
        case State::Text:
            state = lexText();
            break;
        case State::LeftDelim:
            state = lexLeftDelim();
            break;
        case State::InsideAction:
            state = lexInsideAction();
            break;
        case State::Done:
            break;
        }
    }
    return std::move(m_tokens);
}

int Lexer::next()
{
    if (m_pos >= m_input.size()) {
        m_width = 0;
        return Eof;
    }
    const uchar c = uchar(m_input.at(m_pos));
    if (c < 0x80) {
        m_width = 1;
        ++m_pos;
        return c;
    }
    int width = 1;
    const char32_t r = decodeRune(m_input, m_pos, &width);
    m_width = width;
    m_pos += width;
    return int(r);
}

int Lexer::peek()
{
    const int r = next();
    backup();
    return r;
}

void Lexer::backup()
{
    m_pos -= m_width;
}

int Lexer::lineAt(qint64 pos)
{
    // Tokens come in increasing order, so count newlines incrementally.
    if (pos < m_lineCountedTo) {
        m_lineCountedTo = 0;
        m_lineAtCounted = 1;
    }
    m_lineAtCounted += int(
            std::count(m_input.constBegin() + m_lineCountedTo, m_input.constBegin() + pos, '\n'));
    m_lineCountedTo = pos;
    return m_lineAtCounted;
}

void Lexer::emitToken(Token::Type type)
{
    Token t;
    t.type = type;
    t.pos = m_start;
    t.value = m_input.mid(m_start, m_pos - m_start);
    t.line = lineAt(m_start);
    m_tokens.push_back(std::move(t));
    m_start = m_pos;
}

void Lexer::ignore()
{
    m_start = m_pos;
}

bool Lexer::accept(const char *valid)
{
    const int r = next();
    if (r > 0 && r < 0x80 && std::strchr(valid, r))
        return true;
    backup();
    return false;
}

void Lexer::acceptRun(const char *valid)
{
    for (;;) {
        const int r = next();
        if (r > 0 && r < 0x80 && std::strchr(valid, r))
            continue;
        backup();
        return;
    }
}

void Lexer::error(const QByteArray &message)
{
    Token t;
    t.type = Token::Type::Error;
    t.pos = m_start;
    t.value = message;
    t.line = lineAt(m_start);
    m_tokens.push_back(std::move(t));
}

Lexer::State Lexer::lexText()
{
    m_width = 0;
    const qsizetype x = m_input.indexOf("{{", m_pos);
    if (x >= 0) {
        m_pos = x;
        qint64 trimLength = 0;
        if (hasLeftTrimMarker(m_input, m_pos + 2)) {
            qint64 i = m_pos;
            while (i > m_start && isSpace(uchar(m_input.at(i - 1))))
                --i;
            trimLength = m_pos - i;
        }
        m_pos -= trimLength;
        if (m_pos > m_start)
            emitToken(Token::Type::Text);
        m_pos += trimLength;
        ignore();
        return State::LeftDelim;
    }
    m_pos = m_input.size();
    if (m_pos > m_start)
        emitToken(Token::Type::Text);
    emitToken(Token::Type::Eof);
    return State::Done;
}

Lexer::State Lexer::lexLeftDelim()
{
    m_actionStart = m_pos;
    m_pos += 2;
    const bool trimSpace = hasLeftTrimMarker(m_input, m_pos);
    const qint64 afterMarker = trimSpace ? TrimMarkerLength : 0;
    if (startsWith(m_input, m_pos + afterMarker, "/*")) {
        m_pos += afterMarker;
        ignore();
        return lexComment();
    }
    emitToken(Token::Type::LeftDelim);
    m_tokens.back().delimOffset = m_actionStart;
    m_pos += afterMarker;
    ignore();
    m_parenDepth = 0;
    return State::InsideAction;
}

Lexer::State Lexer::lexComment()
{
    m_pos += 2;
    const qsizetype i = m_input.indexOf("*/", m_pos);
    if (i < 0) {
        error("unclosed comment");
        return State::Done;
    }
    m_pos = i + 2;
    bool trimSpace = false;
    if (!atRightDelim(&trimSpace)) {
        error("comment ends before closing delimiter");
        return State::Done;
    }
    // text/template does not ask for comment tokens (no ParseComments): the comment vanishes.
    if (trimSpace)
        m_pos += TrimMarkerLength;
    m_pos += 2;
    if (trimSpace) {
        while (m_pos < m_input.size() && isSpace(uchar(m_input.at(m_pos))))
            ++m_pos;
    }
    ignore();
    return State::Text;
}

bool Lexer::atRightDelim(bool *trim)
{
    if (hasRightTrimMarker(m_input, m_pos) && startsWith(m_input, m_pos + TrimMarkerLength, "}}")) {
        *trim = true;
        return true;
    }
    *trim = false;
    return startsWith(m_input, m_pos, "}}");
}

Lexer::State Lexer::lexRightDelim()
{
    const bool trimSpace = hasRightTrimMarker(m_input, m_pos);
    if (trimSpace) {
        m_pos += TrimMarkerLength;
        ignore();
    }
    m_pos += 2;
    emitToken(Token::Type::RightDelim);
    m_tokens.back().delimOffset = m_pos;
    if (trimSpace) {
        while (m_pos < m_input.size() && isSpace(uchar(m_input.at(m_pos))))
            ++m_pos;
        ignore();
    }
    return State::Text;
}

Lexer::State Lexer::lexInsideAction()
{
    bool trim = false;
    if (atRightDelim(&trim)) {
        if (m_parenDepth == 0)
            return lexRightDelim();
        error("unclosed left paren");
        return State::Done;
    }
    const int r = next();
    if (r == Eof) {
        error("unclosed action");
        return State::Done;
    }
    if (isSpace(r)) {
        backup(); // Put the space back in case it is " -}}".
        return lexSpace();
    }
    switch (r) {
    case '=':
        emitToken(Token::Type::Assign);
        return State::InsideAction;
    case ':':
        if (next() != '=') {
            error("expected :=");
            return State::Done;
        }
        emitToken(Token::Type::Declare);
        return State::InsideAction;
    case '|':
        emitToken(Token::Type::Pipe);
        return State::InsideAction;
    case '"':
        return lexQuote();
    case '`':
        return lexRawQuote();
    case '$':
        return lexFieldOrVariable(Token::Type::Variable);
    case '\'':
        return lexChar();
    case '.':
        // A look-ahead for ".field", so that backup() stays single-step.
        if (m_pos < m_input.size()) {
            const char c = m_input.at(m_pos);
            if (c < '0' || c > '9')
                return lexFieldOrVariable(Token::Type::Field);
        }
        backup();
        return lexNumber();
    case '(':
        emitToken(Token::Type::LeftParen);
        ++m_parenDepth;
        return State::InsideAction;
    case ')':
        emitToken(Token::Type::RightParen);
        --m_parenDepth;
        if (m_parenDepth < 0) {
            error("unexpected right paren " + hashU(r));
            return State::Done;
        }
        return State::InsideAction;
    default:
        break;
    }
    if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
        backup();
        return lexNumber();
    }
    if (isAlphaNumeric(r)) {
        backup();
        return lexIdentifier();
    }
    if (r < 0x80 && r >= 0x20 && r < 0x7f) {
        emitToken(Token::Type::Char);
        return State::InsideAction;
    }
    error("unrecognized character in action: " + hashU(r));
    return State::Done;
}

Lexer::State Lexer::lexSpace()
{
    int numSpaces = 0;
    while (isSpace(peek())) {
        next();
        ++numSpaces;
    }
    // A trim-marked closing delimiter has a minus after a space.
    if (hasRightTrimMarker(m_input, m_pos - 1)
        && startsWith(m_input, m_pos - 1 + TrimMarkerLength, "}}")) {
        backup(); // Before the space.
        if (numSpaces == 1)
            return lexRightDelim();
    }
    emitToken(Token::Type::Space);
    return State::InsideAction;
}

Lexer::State Lexer::lexIdentifier()
{
    for (;;) {
        const int r = next();
        if (isAlphaNumeric(r))
            continue;
        backup();
        const QByteArray word = m_input.mid(m_start, m_pos - m_start);
        if (!atTerminator()) {
            error("bad character " + hashU(r));
            return State::Done;
        }
        static const std::pair<const char *, Token::Type> keywords[] = {
                {"block", Token::Type::Block},
                {"define", Token::Type::Define},
                {"else", Token::Type::Else},
                {"end", Token::Type::End},
                {"if", Token::Type::If},
                {"range", Token::Type::Range},
                {"nil", Token::Type::Nil},
                {"template", Token::Type::Template},
                {"with", Token::Type::With},
                {"break", Token::Type::Break},
                {"continue", Token::Type::Continue},
        };
        for (const auto &[name, type] : keywords) {
            if (word == name) {
                if ((type == Token::Type::Break || type == Token::Type::Continue)
                    && !m_breakContinue)
                    break;
                emitToken(type);
                return State::InsideAction;
            }
        }
        if (word == "true" || word == "false")
            emitToken(Token::Type::Bool);
        else
            emitToken(Token::Type::Identifier);
        return State::InsideAction;
    }
}

Lexer::State Lexer::lexFieldOrVariable(Token::Type type)
{
    if (atTerminator()) { // Nothing interesting follows: "." or "$".
        emitToken(type == Token::Type::Variable ? Token::Type::Variable : Token::Type::Dot);
        return State::InsideAction;
    }
    int r = 0;
    for (;;) {
        r = next();
        if (!isAlphaNumeric(r)) {
            backup();
            break;
        }
    }
    if (!atTerminator()) {
        error("bad character " + hashU(r));
        return State::Done;
    }
    emitToken(type);
    return State::InsideAction;
}

bool Lexer::atTerminator()
{
    const int r = peek();
    if (isSpace(r))
        return true;
    switch (r) {
    case Eof:
    case '.':
    case ',':
    case '|':
    case ':':
    case ')':
    case '(':
    case '}': // the first rune of the right delimiter
        return true;
    default:
        return false;
    }
}

Lexer::State Lexer::lexChar()
{
    for (;;) {
        int r = next();
        if (r == '\\') {
            r = next();
            if (r != Eof && r != '\n')
                continue;
        }
        if (r == Eof || r == '\n') {
            error("unterminated character constant");
            return State::Done;
        }
        if (r == '\'')
            break;
    }
    emitToken(Token::Type::CharConstant);
    return State::InsideAction;
}

Lexer::State Lexer::lexNumber()
{
    if (!scanNumber()) {
        error("bad number syntax: " + quoteString(m_input.mid(m_start, m_pos - m_start)));
        return State::Done;
    }
    const int sign = peek();
    if (sign == '+' || sign == '-') {
        // Complex: 1+2i. No spaces, must end in 'i'.
        if (!scanNumber() || m_input.at(m_pos - 1) != 'i') {
            error("bad number syntax: " + quoteString(m_input.mid(m_start, m_pos - m_start)));
            return State::Done;
        }
        emitToken(Token::Type::Complex);
    } else {
        emitToken(Token::Type::Number);
    }
    return State::InsideAction;
}

bool Lexer::scanNumber()
{
    accept("+-");
    const char *digits = "0123456789_";
    bool decimal = true;
    bool hex = false;
    if (accept("0")) {
        // A leading 0 does not mean octal in floats.
        if (accept("xX")) {
            digits = "0123456789abcdefABCDEF_";
            decimal = false;
            hex = true;
        } else if (accept("oO")) {
            digits = "01234567_";
            decimal = false;
        } else if (accept("bB")) {
            digits = "01_";
            decimal = false;
        }
    }
    acceptRun(digits);
    if (accept("."))
        acceptRun(digits);
    if (decimal && accept("eE")) {
        accept("+-");
        acceptRun("0123456789_");
    }
    if (hex && accept("pP")) {
        accept("+-");
        acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
        next();
        return false;
    }
    return true;
}

Lexer::State Lexer::lexQuote()
{
    for (;;) {
        int r = next();
        if (r == '\\') {
            r = next();
            if (r != Eof && r != '\n')
                continue;
        }
        if (r == Eof || r == '\n') {
            error("unterminated quoted string");
            return State::Done;
        }
        if (r == '"')
            break;
    }
    emitToken(Token::Type::String);
    return State::InsideAction;
}

Lexer::State Lexer::lexRawQuote()
{
    for (;;) {
        const int r = next();
        if (r == Eof) {
            error("unterminated raw quoted string");
            return State::Done;
        }
        if (r == '`')
            break;
    }
    emitToken(Token::Type::RawString);
    return State::InsideAction;
}

} // namespace Stagecraft::Model::Template
