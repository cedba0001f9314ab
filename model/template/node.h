// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace Stagecraft::Model::Template {

/**
 * The text one Parse() call read: every tree parsed from it (the top-level template and its
 * `define`s) points here, so that positions can be turned into Go's `NAME:LINE:COL` and into
 * source-map offsets.
 */
struct SourceText
{
    /** Go's ParseName: the name of the top-level template of this text, used in messages. */
    QByteArray parseName;
    QByteArray text;
    /** The file the text is, byte for byte; empty when it is not a file (e.g. a `tpl` string). */
    QString path;
};

/**
 * A node of the parse tree of a Go template, modelled on text/template/parse. The node types form
 * one family (like Go's node.go), so they share this header.
 */
struct Node
{
    enum class Type {
        Text,
        Action,
        Bool,
        Chain,
        Command,
        Dot,
        Field,
        Identifier,
        If,
        List,
        Nil,
        Number,
        Pipe,
        Range,
        String,
        Template,
        Variable,
        With,
        Comment,
        Break,
        Continue,
        // Parser-internal markers, never part of a finished tree.
        Else,
        End,
    };

    Node(Type type, qint64 pos)
        : type(type)
        , pos(pos)
    {}
    virtual ~Node() = default;
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;

    /** The node as Go's String() writes it; used in `executing "x" at <...>` messages. */
    virtual QByteArray toString() const = 0;

    Type type;
    /** Byte offset in the source text. */
    qint64 pos;
};

using NodePtr = std::unique_ptr<Node>;

struct ListNode final : Node
{
    explicit ListNode(qint64 pos)
        : Node(Type::List, pos)
    {}
    QByteArray toString() const override;
    std::vector<NodePtr> nodes;
};

struct TextNode final : Node
{
    TextNode(qint64 pos, QByteArray text)
        : Node(Type::Text, pos)
        , text(std::move(text))
    {}
    QByteArray toString() const override { return text; }
    QByteArray text;
};

struct CommentNode final : Node
{
    CommentNode(qint64 pos, QByteArray text)
        : Node(Type::Comment, pos)
        , text(std::move(text))
    {}
    QByteArray toString() const override { return "{{" + text + "}}"; }
    QByteArray text;
};

struct CommandNode;
struct VariableNode;

struct PipeNode final : Node
{
    PipeNode(qint64 pos, int line)
        : Node(Type::Pipe, pos)
        , line(line)
    {}
    QByteArray toString() const override;
    int line;
    bool isAssign = false;
    std::vector<std::unique_ptr<VariableNode>> decl;
    std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct ActionNode final : Node
{
    ActionNode(qint64 pos, int line, std::unique_ptr<PipeNode> pipe)
        : Node(Type::Action, pos)
        , line(line)
        , pipe(std::move(pipe))
    {}
    QByteArray toString() const override { return "{{" + pipe->toString() + "}}"; }
    int line;
    std::unique_ptr<PipeNode> pipe;
    /** Offsets of the action's `{{` and one past its `}}`, for the source map. */
    qint64 sourceStart = 0;
    qint64 sourceEnd = 0;
};

struct CommandNode final : Node
{
    explicit CommandNode(qint64 pos)
        : Node(Type::Command, pos)
    {}
    QByteArray toString() const override;
    std::vector<NodePtr> args;
};

struct IdentifierNode final : Node
{
    IdentifierNode(qint64 pos, QByteArray ident)
        : Node(Type::Identifier, pos)
        , ident(std::move(ident))
    {}
    QByteArray toString() const override { return ident; }
    QByteArray ident;
};

struct VariableNode final : Node
{
    VariableNode(qint64 pos, QList<QByteArray> ident)
        : Node(Type::Variable, pos)
        , ident(std::move(ident))
    {}
    QByteArray toString() const override;
    /** `$x.a.b` is {"$x", "a", "b"}. */
    QList<QByteArray> ident;
};

struct DotNode final : Node
{
    explicit DotNode(qint64 pos)
        : Node(Type::Dot, pos)
    {}
    QByteArray toString() const override { return QByteArrayLiteral("."); }
};

struct NilNode final : Node
{
    explicit NilNode(qint64 pos)
        : Node(Type::Nil, pos)
    {}
    QByteArray toString() const override { return QByteArrayLiteral("nil"); }
};

struct FieldNode final : Node
{
    FieldNode(qint64 pos, QList<QByteArray> ident)
        : Node(Type::Field, pos)
        , ident(std::move(ident))
    {}
    QByteArray toString() const override;
    QList<QByteArray> ident;
};

struct ChainNode final : Node
{
    ChainNode(qint64 pos, NodePtr node)
        : Node(Type::Chain, pos)
        , node(std::move(node))
    {}
    QByteArray toString() const override;
    NodePtr node;
    QList<QByteArray> field;
};

struct BoolNode final : Node
{
    BoolNode(qint64 pos, bool value)
        : Node(Type::Bool, pos)
        , value(value)
    {}
    QByteArray toString() const override { return value ? "true" : "false"; }
    bool value;
};

struct NumberNode final : Node
{
    NumberNode(qint64 pos, QByteArray text)
        : Node(Type::Number, pos)
        , text(std::move(text))
    {}
    QByteArray toString() const override { return text; }
    bool isInt = false;
    bool isUint = false;
    bool isFloat = false;
    qint64 int64 = 0;
    quint64 uint64 = 0;
    double float64 = 0;
    QByteArray text;
};

struct StringNode final : Node
{
    StringNode(qint64 pos, QByteArray quoted, QByteArray text)
        : Node(Type::String, pos)
        , quoted(std::move(quoted))
        , text(std::move(text))
    {}
    QByteArray toString() const override { return quoted; }
    QByteArray quoted;
    QByteArray text;
};

/** if, range and with share this shape (Go's BranchNode). */
struct BranchNode final : Node
{
    BranchNode(Type type, qint64 pos, int line)
        : Node(type, pos)
        , line(line)
    {}
    QByteArray toString() const override;
    int line;
    std::unique_ptr<PipeNode> pipe;
    std::unique_ptr<ListNode> list;
    std::unique_ptr<ListNode> elseList;
    /** Offset of the opening action's `{{`, for the source map. */
    qint64 sourceStart = 0;
};

struct TemplateNode final : Node
{
    TemplateNode(qint64 pos, int line, QByteArray name)
        : Node(Type::Template, pos)
        , line(line)
        , name(std::move(name))
    {}
    QByteArray toString() const override;
    int line;
    QByteArray name;
    std::unique_ptr<PipeNode> pipe;
    /** Offset of the action's `{{`, for the source map. */
    qint64 sourceStart = 0;
};

/** break, continue, and the parser's else/end markers. */
struct MarkerNode final : Node
{
    MarkerNode(Type type, qint64 pos, int line)
        : Node(type, pos)
        , line(line)
    {}
    QByteArray toString() const override;
    int line;
};

/** One parsed template: the top-level text of a file or a `define`/`block` body. */
struct Tree
{
    QByteArray name;
    std::shared_ptr<const SourceText> source;
    std::unique_ptr<ListNode> root;
};

/** Go's parse.IsEmptyTree: only whitespace text and comments. */
bool isEmptyTree(const Node *node);

} // namespace Stagecraft::Model::Template
