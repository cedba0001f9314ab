// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lexer.h"
#include "node.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <vector>

namespace Stagecraft::Model::Template {

/** A template parse error, with Go's text `template: NAME:LINE: MESSAGE`. */
struct ParseError
{
    QByteArray message;
    int line = 0;
    /** Byte offset of the token the parser stopped at. */
    qint64 offset = 0;
};

/**
 * Go's text/template parser (text/template/parse parse.go): one Parse() call turns a text into its
 * top-level tree and the trees of its `define` and `block` clauses.
 */
class Parser
{
public:
    struct Options
    {
        /** Which names are functions; an unknown identifier is a parse error, as in Go. */
        std::function<bool(const QByteArray &)> hasFunction;
        /** Go 1.18+: {{break}} and {{continue}} inside range. */
        bool breakContinue = false;
    };

    Parser(std::shared_ptr<const SourceText> source, Options options);
    ~Parser();

    /**
     * Parses the text into trees (the top-level one is named source->parseName). Trees are in the
     * order Go's treeSet would add them; throws nothing, returns false and sets *error on failure.
     */
    bool parse(std::vector<std::unique_ptr<Tree>> *trees, ParseError *error);

private:
    struct TreeState;
    class NestingGuard
    {
    public:
        explicit NestingGuard(Parser *parser);
        ~NestingGuard();

    private:
        Parser *m_parser;
    };

    const Token &next();
    void backup();
    void backup2(const Token &t1);
    void backup3(const Token &t2, const Token &t1);
    const Token &peek();
    Token nextNonSpace();
    Token peekNonSpace();

    [[noreturn]] void errorf(const QByteArray &message);
    [[noreturn]] void unexpected(const Token &token, const QByteArray &context);
    Token expect(Token::Type type, const QByteArray &context);
    Token expectOneOf(Token::Type a, Token::Type b, const QByteArray &context);
    QByteArray unquote(const Token &token);

    void parseTop(TreeState &t);
    void parseDefinition(TreeState &t);
    void addTree(TreeState &t);
    std::pair<std::unique_ptr<ListNode>, NodePtr> itemList(TreeState &t);
    NodePtr textOrAction(TreeState &t);
    NodePtr action(TreeState &t);
    NodePtr parseControl(TreeState &t, Node::Type type, bool allowElseIf, const QByteArray &context);
    NodePtr blockControl(TreeState &t);
    NodePtr templateControl(TreeState &t);
    NodePtr elseControl(TreeState &t);
    NodePtr endControl(TreeState &t);
    NodePtr breakControl(TreeState &t, qint64 pos, int line);
    NodePtr continueControl(TreeState &t, qint64 pos, int line);
    QByteArray parseTemplateName(const Token &token, const QByteArray &context);
    std::unique_ptr<PipeNode> pipeline(TreeState &t, const QByteArray &context, Token::Type end);
    void checkPipeline(const PipeNode &pipe, const QByteArray &context);
    std::unique_ptr<CommandNode> command(TreeState &t);
    NodePtr operand(TreeState &t);
    NodePtr term(TreeState &t);
    NodePtr useVar(TreeState &t, qint64 pos, const QByteArray &name);
    std::unique_ptr<NumberNode> newNumber(const Token &token);

    std::shared_ptr<const SourceText> m_source;
    Options m_options;
    std::vector<Token> m_tokens;
    size_t m_next = 0;
    Token m_token[3];
    int m_peekCount = 0;
    qint64 m_lastRightDelimEnd = 0;
    int m_actionLine = 0;
    int m_depth = 0;
    static constexpr int MaxNesting = 1000;
    std::vector<std::unique_ptr<Tree>> m_trees;
};

} // namespace Stagecraft::Model::Template
