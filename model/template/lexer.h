// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <vector>

namespace Stagecraft::Model::Template {

/** One token of Go's template lexer (text/template/parse lex.go item). */
struct Token
{
    enum class Type {
        Error, ///< value is the message; the lexer stops after it
        Bool,
        Char, ///< any other printable ASCII character, e.g. ','
        CharConstant,
        Complex,
        Assign,  ///< '='
        Declare, ///< ':='
        Eof,
        Field,
        Identifier,
        LeftDelim,
        LeftParen,
        Number,
        Pipe,
        RawString,
        RightDelim,
        RightParen,
        Space,
        String,
        Text,
        Variable,
        Comment,
        // Keywords after this point.
        Keyword,
        Block,
        Break,
        Continue,
        Dot,
        Define,
        Else,
        End,
        If,
        Nil,
        Range,
        Template,
        With,
    };

    Type type = Type::Eof;
    qint64 pos = 0;
    QByteArray value;
    int line = 1;
    /** For LeftDelim: offset of the `{{`; for RightDelim: one past the `}}` (trim markers incl.). */
    qint64 delimOffset = 0;

    /** Go's item.String(), used in "unexpected X in Y" messages. */
    QByteArray describe() const;
};

/**
 * Go's template lexer: splits a template into text and action tokens, with `{{-`/`-}}` trimming
 * and comments. The token list ends with Eof or with the first Error.
 */
class Lexer
{
public:
    /** keywordsBreakContinue: Go 1.18+ treats break/continue as keywords. */
    explicit Lexer(const QByteArray &input, bool breakContinue = false);

    std::vector<Token> tokens();

private:
    enum class State { Text, LeftDelim, InsideAction, Done };

    int next();
    int peek();
    void backup();
    void emitToken(Token::Type type);
    void ignore();
    bool accept(const char *valid);
    void acceptRun(const char *valid);
    void error(const QByteArray &message);
    bool atTerminator();
    bool atRightDelim(bool *trim);
    int lineAt(qint64 pos);

    State lexText();
    State lexLeftDelim();
    State lexComment();
    State lexRightDelim();
    State lexInsideAction();
    State lexSpace();
    State lexIdentifier();
    State lexFieldOrVariable(Token::Type type);
    State lexChar();
    State lexNumber();
    bool scanNumber();
    State lexQuote();
    State lexRawQuote();

    QByteArray m_input;
    bool m_breakContinue = false;
    qint64 m_pos = 0;
    qint64 m_start = 0;
    int m_width = 0;
    int m_parenDepth = 0;
    qint64 m_lineCountedTo = 0;
    int m_lineAtCounted = 1;
    qint64 m_actionStart = 0;
    std::vector<Token> m_tokens;
};

} // namespace Stagecraft::Model::Template
