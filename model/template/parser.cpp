// SPDX-License-Identifier: GPL-3.0-or-later
#include "parser.h"

#include "gofmt.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

namespace Stagecraft::Model::Template {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/**
 * strconv.UnquoteChar: decodes the first character or escape of s[pos...], for quote '"' or '\''.
 * Returns false on a syntax error. *isRune tells whether the value is a rune (to be UTF-8 encoded)
 * or a single byte (\x, octal escapes).
 */
bool unquoteChar(const QByteArray &s, qsizetype *pos, char quote, char32_t *value, bool *isRune)
{
    const qsizetype n = s.size();
    if (*pos >= n)
        return false;
    const uchar c = uchar(s.at(*pos));
    if (c == uchar(quote) && (quote == '\'' || quote == '"'))
        return false;
    if (c >= 0x80) {
        int width = 1;
        *value = decodeRune(s, *pos, &width);
        *pos += width;
        *isRune = true;
        return true;
    }
    if (c != '\\') {
        *value = c;
        *pos += 1;
        *isRune = true;
        return true;
    }
    if (*pos + 1 >= n)
        return false;
    const char e = s.at(*pos + 1);
    *pos += 2;
    *isRune = true;
    switch (e) {
    case 'a':
        *value = '\a';
        return true;
    case 'b':
        *value = '\b';
        return true;
    case 'f':
        *value = '\f';
        return true;
    case 'n':
        *value = '\n';
        return true;
    case 'r':
        *value = '\r';
        return true;
    case 't':
        *value = '\t';
        return true;
    case 'v':
        *value = '\v';
        return true;
    case 'x':
    case 'u':
    case 'U': {
        const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (*pos + digits > n)
            return false;
        char32_t v = 0;
        for (int i = 0; i < digits; ++i) {
            const int h = hexValue(s.at(*pos + i));
            if (h < 0)
                return false;
            v = (v << 4) | char32_t(h);
        }
        *pos += digits;
        if (e == 'x') {
            *value = v;
            *isRune = false;
            return true;
        }
        if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return false;
        *value = v;
        return true;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
        char32_t v = char32_t(e - '0');
        if (*pos + 2 > n)
            return false;
        for (int i = 0; i < 2; ++i) {
            const char d = s.at(*pos + i);
            if (d < '0' || d > '7')
                return false;
            v = (v << 3) | char32_t(d - '0');
        }
        *pos += 2;
        if (v > 255)
            return false;
        *value = v;
        *isRune = false;
        return true;
    }
    case '\\':
        *value = '\\';
        return true;
    case '\'':
    case '"':
        if (e != quote)
            return false;
        *value = char32_t(e);
        return true;
    default:
        return false;
    }
}

/** strconv.Unquote for "..." and `...` literals. */
std::optional<QByteArray> goUnquote(const QByteArray &quoted)
{
    if (quoted.size() < 2)
        return std::nullopt;
    const char q = quoted.front();
    if (q != quoted.back())
        return std::nullopt;
    const QByteArray body = quoted.mid(1, quoted.size() - 2);
    if (q == '`') {
        if (body.contains('`'))
            return std::nullopt;
        QByteArray out = body;
        out.replace("\r", "");
        return out;
    }
    if (q != '"' || body.contains('\n'))
        return std::nullopt;
    QByteArray out;
    out.reserve(body.size());
    qsizetype pos = 0;
    while (pos < body.size()) {
        char32_t v = 0;
        bool isRune = true;
        if (!unquoteChar(body, &pos, '"', &v, &isRune))
            return std::nullopt;
        if (isRune)
            out += encodeRune(v);
        else
            out += char(v);
    }
    return out;
}

bool containsAny(const QByteArray &s, const char *chars)
{
    for (const char *c = chars; *c; ++c) {
        if (s.contains(*c))
            return true;
    }
    return false;
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
bool underscoreOK(QByteArray s)
{
    char saw = '^';
    qsizetype i = 0;
    if (!s.isEmpty() && (s.front() == '-' || s.front() == '+'))
        s = s.mid(1);
    bool hex = false;
    if (s.size() >= 2 && s.at(0) == '0') {
        const char p = char(s.at(1) | 0x20);
        if (p == 'b' || p == 'o' || p == 'x') {
            i = 2;
            saw = '0';
            hex = p == 'x';
        }
    }
    for (; i < s.size(); ++i) {
        const char c = s.at(i);
        const char l = char(c | 0x20);
        if ((c >= '0' && c <= '9') || (hex && l >= 'a' && l <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return false;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return false;
        saw = '!';
    }
    return saw != '_';
}

/** strconv.ParseUint(s, 0, 64) or ParseInt(s, 0, 64): Go's base prefixes and underscores. */
bool parseGoInteger(const QByteArray &text, bool isSigned, qint64 *i, quint64 *u)
{
    QByteArray s = text;
    bool negative = false;
    if (isSigned && !s.isEmpty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s = s.mid(1);
    }
    if (s.isEmpty())
        return false;
    int base = 10;
    if (s.front() == '0') {
        const char p = s.size() >= 3 ? char(s.at(1) | 0x20) : 0;
        if (p == 'b') {
            base = 2;
            s = s.mid(2);
        } else if (p == 'o') {
            base = 8;
            s = s.mid(2);
        } else if (p == 'x') {
            base = 16;
            s = s.mid(2);
        } else {
            base = 8;
            s = s.mid(1);
        }
    }
    bool underscores = false;
    quint64 value = 0;
    for (const char c : std::as_const(s)) {
        if (c == '_') {
            underscores = true;
            continue;
        }
        const int d = hexValue(c);
        if (d < 0 || d >= base)
            return false;
        if (value > (~quint64(0) - quint64(d)) / quint64(base))
            return false; // out of range
        value = value * quint64(base) + quint64(d);
    }
    if (underscores
        && !underscoreOK(isSigned ? text.mid(negative || text.startsWith('+') ? 1 : 0) : text))
        return false;
    if (!isSigned) {
        *u = value;
        return true;
    }
    if (negative) {
        if (value > quint64(1) << 63)
            return false;
        *i = value == quint64(1) << 63 ? std::numeric_limits<qint64>::min() : -qint64(value);
        return true;
    }
    if (value > quint64(std::numeric_limits<qint64>::max()))
        return false;
    *i = qint64(value);
    return true;
}

/** strconv.ParseFloat(s, 64) for decimal (and hex-mantissa) floats, with underscores. */
bool parseGoFloat(const QByteArray &text, double *f)
{
    QByteArray s = text;
    s.replace("_", "");
    if (s.isEmpty())
        return false;
    const QByteArray lower = s.toLower();
    const bool hex = lower.startsWith("0x") || lower.startsWith("+0x") || lower.startsWith("-0x");
    if (hex && !lower.contains('p'))
        return false;
    if (!hex) {
        for (const char c : lower) {
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == '+' || c == '-'))
                return false;
        }
    }
    errno = 0;
    char *end = nullptr;
    const double v = std::strtod(s.constData(), &end);
    if (end != s.constData() + s.size())
        return false;
    if (errno == ERANGE && std::isinf(v))
        return false;
    *f = v;
    return true;
}

} // namespace

struct Parser::TreeState
{
    QByteArray name;
    std::unique_ptr<ListNode> root;
    QList<QByteArray> vars{QByteArrayLiteral("$")};
    int rangeDepth = 0;
};

Parser::Parser(std::shared_ptr<const SourceText> source, Options options)
    : m_source(std::move(source))
    , m_options(std::move(options))
{}

Parser::~Parser() = default;

bool Parser::parse(std::vector<std::unique_ptr<Tree>> *trees, ParseError *error)
{
    m_tokens = Lexer(m_source->text, m_options.breakContinue).tokens();
    m_next = 0;
    m_peekCount = 0;
    m_trees.clear();
    try {
        TreeState top;
        top.name = m_source->parseName;
        parseTop(top);
        addTree(top);
    } catch (const ParseError &e) {
        *error = e;
        return false;
    }
    *trees = std::move(m_trees);
    return true;
}

const Token &Parser::next()
{
    if (m_peekCount > 0) {
        --m_peekCount;
    } else {
        m_token[0] = m_tokens.at(m_next);
        if (m_next + 1 < m_tokens.size())
            ++m_next;
    }
    return m_token[m_peekCount];
}

void Parser::backup()
{
    ++m_peekCount;
}

void Parser::backup2(const Token &t1)
{
    m_token[1] = t1;
    m_peekCount = 2;
}

void Parser::backup3(const Token &t2, const Token &t1)
{
    m_token[1] = t1;
    m_token[2] = t2;
    m_peekCount = 3;
}

const Token &Parser::peek()
{
    if (m_peekCount > 0)
        return m_token[m_peekCount - 1];
    m_peekCount = 1;
    m_token[0] = m_tokens.at(m_next);
    if (m_next + 1 < m_tokens.size())
        ++m_next;
    return m_token[0];
}

Token Parser::nextNonSpace()
{
    for (;;) {
        const Token &t = next();
        if (t.type != Token::Type::Space)
            return t;
    }
}

Token Parser::peekNonSpace()
{
    Token t = nextNonSpace();
    backup();
    return t;
}

void Parser::errorf(const QByteArray &message)
{
    ParseError e;
    e.line = m_token[0].line;
    e.offset = m_token[0].pos;
    e.message = "template: " + m_source->parseName + ':' + QByteArray::number(e.line) + ": "
                + message;
    throw e;
}

void Parser::unexpected(const Token &token, const QByteArray &context)
{
    if (token.type == Token::Type::Error) {
        // Go 1.16+: a lexer error far from the action's start names where the action began.
        QByteArray extra;
        if (m_actionLine != 0 && m_actionLine != token.line) {
            extra = " in action started at " + m_source->parseName + ':'
                    + QByteArray::number(m_actionLine);
            if (token.value.endsWith(" action"))
                extra = extra.mid(qsizetype(sizeof(" in action")) - 1);
        }
        errorf(token.value + extra);
    }
    errorf("unexpected " + token.describe() + " in " + context);
}

Token Parser::expect(Token::Type type, const QByteArray &context)
{
    Token token = nextNonSpace();
    if (token.type != type)
        unexpected(token, context);
    return token;
}

Token Parser::expectOneOf(Token::Type a, Token::Type b, const QByteArray &context)
{
    Token token = nextNonSpace();
    if (token.type != a && token.type != b)
        unexpected(token, context);
    return token;
}

QByteArray Parser::unquote(const Token &token)
{
    const std::optional<QByteArray> s = goUnquote(token.value);
    if (!s)
        errorf("invalid syntax");
    return *s;
}

void Parser::parseTop(TreeState &t)
{
    t.root = std::make_unique<ListNode>(peek().pos);
    while (peek().type != Token::Type::Eof) {
        if (peek().type == Token::Type::LeftDelim) {
            const Token delim = next();
            if (nextNonSpace().type == Token::Type::Define) {
                TreeState def;
                def.name = "definition"; // Updated once the name is known.
                parseDefinition(def);
                continue;
            }
            backup2(delim);
        }
        NodePtr n = textOrAction(t);
        if (n->type == Node::Type::End || n->type == Node::Type::Else)
            errorf("unexpected " + n->toString());
        t.root->nodes.push_back(std::move(n));
    }
}

void Parser::parseDefinition(TreeState &t)
{
    const QByteArray context = "define clause";
    const Token name = expectOneOf(Token::Type::String, Token::Type::RawString, context);
    t.name = unquote(name);
    expect(Token::Type::RightDelim, context);
    auto [list, end] = itemList(t);
    if (end->type != Node::Type::End)
        errorf("unexpected " + end->toString() + " in " + context);
    t.root = std::move(list);
    addTree(t);
}

void Parser::addTree(TreeState &t)
{
    for (std::unique_ptr<Tree> &existing : m_trees) {
        if (existing->name != t.name)
            continue;
        if (isEmptyTree(existing->root.get())) {
            existing->root = std::move(t.root);
            return;
        }
        if (!isEmptyTree(t.root.get()))
            errorf("template: multiple definition of template " + quoteString(t.name));
        return;
    }
    auto tree = std::make_unique<Tree>();
    tree->name = t.name;
    tree->source = m_source;
    tree->root = std::move(t.root);
    m_trees.push_back(std::move(tree));
}

Parser::NestingGuard::NestingGuard(Parser *parser)
    : m_parser(parser)
{
    // Go has no limit (its stack grows to 1 GB, then the process dies); a bound keeps absurd
    // nesting of parentheses and control structures from exhausting the native stack.
    if (++m_parser->m_depth > MaxNesting)
        m_parser->errorf("exceeded maximum nesting depth (" + QByteArray::number(MaxNesting) + ")");
}

Parser::NestingGuard::~NestingGuard()
{
    --m_parser->m_depth;
}

std::pair<std::unique_ptr<ListNode>, NodePtr> Parser::itemList(TreeState &t)
{
    const NestingGuard guard(this);
    auto list = std::make_unique<ListNode>(peekNonSpace().pos);
    while (peekNonSpace().type != Token::Type::Eof) {
        NodePtr n = textOrAction(t);
        if (n->type == Node::Type::End || n->type == Node::Type::Else)
            return {std::move(list), std::move(n)};
        list->nodes.push_back(std::move(n));
    }
    errorf("unexpected EOF");
}

NodePtr Parser::textOrAction(TreeState &t)
{
    const Token token = nextNonSpace();
    switch (token.type) {
    case Token::Type::Text:
        return std::make_unique<TextNode>(token.pos, token.value);
    case Token::Type::LeftDelim: {
        const int savedActionLine = m_actionLine;
        m_actionLine = token.line;
        NodePtr n = action(t);
        m_actionLine = savedActionLine;
        switch (n->type) {
        case Node::Type::Action: {
            auto *a = static_cast<ActionNode *>(n.get());
            a->sourceStart = token.delimOffset;
            a->sourceEnd = m_lastRightDelimEnd;
            break;
        }
        case Node::Type::If:
        case Node::Type::Range:
        case Node::Type::With:
            static_cast<BranchNode *>(n.get())->sourceStart = token.delimOffset;
            break;
        case Node::Type::Template:
            static_cast<TemplateNode *>(n.get())->sourceStart = token.delimOffset;
            break;
        default:
            break;
        }
        return n;
    }
    default:
        unexpected(token, "input");
    }
}

NodePtr Parser::action(TreeState &t)
{
    const Token token = nextNonSpace();
    switch (token.type) {
    case Token::Type::Block:
        return blockControl(t);
    case Token::Type::Break:
        return breakControl(t, token.pos, token.line);
    case Token::Type::Continue:
        return continueControl(t, token.pos, token.line);
    case Token::Type::Else:
        return elseControl(t);
    case Token::Type::End:
        return endControl(t);
    case Token::Type::If:
        return parseControl(t, Node::Type::If, true, "if");
    case Token::Type::Range:
        return parseControl(t, Node::Type::Range, false, "range");
    case Token::Type::Template:
        return templateControl(t);
    case Token::Type::With:
        return parseControl(t, Node::Type::With, false, "with");
    default:
        break;
    }
    backup();
    const Token first = peek();
    // Variables declared here persist until the end of the enclosing control.
    auto pipe = pipeline(t, "command", Token::Type::RightDelim);
    return std::make_unique<ActionNode>(first.pos, first.line, std::move(pipe));
}

NodePtr Parser::breakControl(TreeState &t, qint64 pos, int line)
{
    const Token token = nextNonSpace();
    if (token.type != Token::Type::RightDelim)
        unexpected(token, "in {{break}}");
    if (t.rangeDepth == 0)
        errorf("{{break}} outside {{range}}");
    return std::make_unique<MarkerNode>(Node::Type::Break, pos, line);
}

NodePtr Parser::continueControl(TreeState &t, qint64 pos, int line)
{
    const Token token = nextNonSpace();
    if (token.type != Token::Type::RightDelim)
        unexpected(token, "in {{continue}}");
    if (t.rangeDepth == 0)
        errorf("{{continue}} outside {{range}}");
    return std::make_unique<MarkerNode>(Node::Type::Continue, pos, line);
}

NodePtr Parser::parseControl(TreeState &t,
                             Node::Type type,
                             bool allowElseIf,
                             const QByteArray &context)
{
    const qsizetype varMark = t.vars.size();
    auto pipe = pipeline(t, context, Token::Type::RightDelim);
    if (type == Node::Type::Range)
        ++t.rangeDepth;
    auto [list, next] = itemList(t);
    if (type == Node::Type::Range)
        --t.rangeDepth;
    std::unique_ptr<ListNode> elseList;
    if (next->type == Node::Type::Else) {
        bool done = false;
        if (allowElseIf && peek().type == Token::Type::If) {
            // "{{else if b}}" is "{{else}}{{if b}}...{{end}}{{end}}" with one {{end}}.
            this->next();
            elseList = std::make_unique<ListNode>(next->pos);
            elseList->nodes.push_back(parseControl(t, Node::Type::If, true, "if"));
            done = true;
        }
        if (!done) {
            auto [elist, enext] = itemList(t);
            if (enext->type != Node::Type::End)
                errorf("expected end; found " + enext->toString());
            elseList = std::move(elist);
        }
    }
    t.vars.resize(varMark);
    auto node = std::make_unique<BranchNode>(type, pipe->pos, pipe->line);
    node->pipe = std::move(pipe);
    node->list = std::move(list);
    node->elseList = std::move(elseList);
    return node;
}

NodePtr Parser::elseControl(TreeState &t)
{
    Q_UNUSED(t);
    const Token p = peekNonSpace();
    if (p.type == Token::Type::If) {
        // "{{else if ...": leave the "if" pending for parseControl.
        return std::make_unique<MarkerNode>(Node::Type::Else, p.pos, p.line);
    }
    const Token token = expect(Token::Type::RightDelim, "else");
    return std::make_unique<MarkerNode>(Node::Type::Else, token.pos, token.line);
}

NodePtr Parser::endControl(TreeState &t)
{
    Q_UNUSED(t);
    const Token token = expect(Token::Type::RightDelim, "end");
    return std::make_unique<MarkerNode>(Node::Type::End, token.pos, token.line);
}

NodePtr Parser::blockControl(TreeState &t)
{
    const QByteArray context = "block clause";
    const Token token = nextNonSpace();
    const QByteArray name = parseTemplateName(token, context);
    auto pipe = pipeline(t, context, Token::Type::RightDelim);

    TreeState block;
    block.name = name;
    auto [list, end] = itemList(block);
    if (end->type != Node::Type::End)
        errorf("unexpected " + end->toString() + " in " + context);
    block.root = std::move(list);
    addTree(block);

    auto node = std::make_unique<TemplateNode>(token.pos, token.line, name);
    node->pipe = std::move(pipe);
    return node;
}

NodePtr Parser::templateControl(TreeState &t)
{
    const QByteArray context = "template clause";
    const Token token = nextNonSpace();
    const QByteArray name = parseTemplateName(token, context);
    std::unique_ptr<PipeNode> pipe;
    if (nextNonSpace().type != Token::Type::RightDelim) {
        backup();
        pipe = pipeline(t, context, Token::Type::RightDelim);
    }
    auto node = std::make_unique<TemplateNode>(token.pos, token.line, name);
    node->pipe = std::move(pipe);
    return node;
}

QByteArray Parser::parseTemplateName(const Token &token, const QByteArray &context)
{
    if (token.type == Token::Type::String || token.type == Token::Type::RawString)
        return unquote(token);
    unexpected(token, context);
}

std::unique_ptr<PipeNode> Parser::pipeline(TreeState &t, const QByteArray &context, Token::Type end)
{
    const NestingGuard guard(this);
    const Token first = peekNonSpace();
    auto pipe = std::make_unique<PipeNode>(first.pos, first.line);
    for (bool more = true; more;) {
        more = false;
        const Token v = peekNonSpace();
        if (v.type != Token::Type::Variable)
            break;
        next();
        // "$x foo" needs three tokens of look-ahead to tell an argument from a declaration.
        const Token tokenAfterVariable = peek();
        const Token nextToken = peekNonSpace();
        if (nextToken.type == Token::Type::Assign || nextToken.type == Token::Type::Declare) {
            pipe->isAssign = nextToken.type == Token::Type::Assign;
            nextNonSpace();
            pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, QList<QByteArray>{v.value}));
            t.vars.append(v.value);
        } else if (nextToken.type == Token::Type::Char && nextToken.value == ",") {
            nextNonSpace();
            pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, QList<QByteArray>{v.value}));
            t.vars.append(v.value);
            if (context == "range" && pipe->decl.size() < 2) {
                const Token p = peekNonSpace();
                if (p.type == Token::Type::Variable || p.type == Token::Type::RightDelim
                    || p.type == Token::Type::RightParen) {
                    more = true; // the second variable of a range
                    continue;
                }
                errorf("range can only initialize variables");
            }
            errorf("too many declarations in " + context);
        } else if (tokenAfterVariable.type == Token::Type::Space) {
            backup3(v, tokenAfterVariable);
        } else {
            backup2(v);
        }
    }
    for (;;) {
        const Token token = nextNonSpace();
        if (token.type == end) {
            if (end == Token::Type::RightDelim)
                m_lastRightDelimEnd = token.delimOffset;
            checkPipeline(*pipe, context);
            return pipe;
        }
        switch (token.type) {
        case Token::Type::Bool:
        case Token::Type::CharConstant:
        case Token::Type::Complex:
        case Token::Type::Dot:
        case Token::Type::Field:
        case Token::Type::Identifier:
        case Token::Type::Number:
        case Token::Type::Nil:
        case Token::Type::RawString:
        case Token::Type::String:
        case Token::Type::Variable:
        case Token::Type::LeftParen:
            backup();
            pipe->cmds.push_back(command(t));
            break;
        default:
            unexpected(token, context);
        }
    }
}

void Parser::checkPipeline(const PipeNode &pipe, const QByteArray &context)
{
    if (pipe.cmds.empty())
        errorf("missing value for " + context);
    for (size_t i = 1; i < pipe.cmds.size(); ++i) {
        switch (pipe.cmds[i]->args.front()->type) {
        case Node::Type::Bool:
        case Node::Type::Dot:
        case Node::Type::Nil:
        case Node::Type::Number:
        case Node::Type::String:
            errorf("non executable command in pipeline stage "
                   + QByteArray::number(qulonglong(i + 1)));
        default:
            break;
        }
    }
}

std::unique_ptr<CommandNode> Parser::command(TreeState &t)
{
    auto cmd = std::make_unique<CommandNode>(peekNonSpace().pos);
    for (;;) {
        peekNonSpace(); // skip leading spaces
        if (NodePtr op = operand(t))
            cmd->args.push_back(std::move(op));
        const Token token = next();
        if (token.type == Token::Type::Space)
            continue;
        if (token.type == Token::Type::RightDelim || token.type == Token::Type::RightParen)
            backup();
        else if (token.type != Token::Type::Pipe)
            unexpected(token, "operand");
        break;
    }
    if (cmd->args.empty())
        errorf("empty command");
    return cmd;
}

NodePtr Parser::operand(TreeState &t)
{
    NodePtr node = term(t);
    if (!node)
        return nullptr;
    if (peek().type == Token::Type::Field) {
        const qint64 chainPos = peek().pos;
        QList<QByteArray> fields;
        while (peek().type == Token::Type::Field)
            fields.append(next().value.mid(1));
        switch (node->type) {
        case Node::Type::Field: {
            auto *f = static_cast<FieldNode *>(node.get());
            QList<QByteArray> ident = f->ident;
            ident += fields;
            return std::make_unique<FieldNode>(chainPos, ident);
        }
        case Node::Type::Variable: {
            auto *v = static_cast<VariableNode *>(node.get());
            QList<QByteArray> ident = v->ident;
            ident += fields;
            return std::make_unique<VariableNode>(chainPos, ident);
        }
        case Node::Type::Bool:
        case Node::Type::String:
        case Node::Type::Number:
        case Node::Type::Nil:
        case Node::Type::Dot:
            errorf("unexpected . after term " + quoteString(node->toString()));
        default: {
            auto chain = std::make_unique<ChainNode>(chainPos, std::move(node));
            chain->field = fields;
            return chain;
        }
        }
    }
    return node;
}

NodePtr Parser::term(TreeState &t)
{
    const Token token = nextNonSpace();
    switch (token.type) {
    case Token::Type::Identifier:
        if (!m_options.hasFunction || !m_options.hasFunction(token.value))
            errorf("function " + quoteString(token.value) + " not defined");
        return std::make_unique<IdentifierNode>(token.pos, token.value);
    case Token::Type::Dot:
        return std::make_unique<DotNode>(token.pos);
    case Token::Type::Nil:
        return std::make_unique<NilNode>(token.pos);
    case Token::Type::Variable:
        return useVar(t, token.pos, token.value);
    case Token::Type::Field: {
        QList<QByteArray> ident;
        ident.append(token.value.mid(1));
        return std::make_unique<FieldNode>(token.pos, ident);
    }
    case Token::Type::Bool:
        return std::make_unique<BoolNode>(token.pos, token.value == "true");
    case Token::Type::CharConstant:
    case Token::Type::Complex:
    case Token::Type::Number:
        return newNumber(token);
    case Token::Type::LeftParen:
        return pipeline(t, "parenthesized pipeline", Token::Type::RightParen);
    case Token::Type::String:
    case Token::Type::RawString:
        return std::make_unique<StringNode>(token.pos, token.value, unquote(token));
    default:
        break;
    }
    backup();
    return nullptr;
}

NodePtr Parser::useVar(TreeState &t, qint64 pos, const QByteArray &name)
{
    // "$x.y" arrives as one token; only "$x" must be declared.
    QList<QByteArray> ident = name.split('.');
    for (const QByteArray &v : std::as_const(t.vars)) {
        if (v == ident.front())
            return std::make_unique<VariableNode>(pos, ident);
    }
    errorf("undefined variable " + quoteString(ident.front()));
}

std::unique_ptr<NumberNode> Parser::newNumber(const Token &token)
{
    auto n = std::make_unique<NumberNode>(token.pos, token.value);
    const QByteArray &text = token.value;
    if (token.type == Token::Type::CharConstant) {
        qsizetype pos = 1;
        char32_t rune = 0;
        bool isRune = true;
        if (!unquoteChar(text, &pos, '\'', &rune, &isRune))
            errorf("invalid syntax");
        if (text.mid(pos) != "'")
            errorf("malformed character constant: " + text);
        n->int64 = qint64(rune);
        n->isInt = true;
        n->uint64 = quint64(rune);
        n->isUint = true;
        n->float64 = double(rune);
        n->isFloat = true;
        return n;
    }
    // Complex and imaginary constants are valid Go but have no use in werf configs; Stagecraft's
    // values have no complex kind, so they are rejected at parse time.
    if (token.type == Token::Type::Complex || text.endsWith('i'))
        errorf("complex number constants are not supported: " + quoteString(text));
    quint64 u = 0;
    qint64 i = 0;
    if (parseGoInteger(text, false, &i, &u)) {
        n->isUint = true;
        n->uint64 = u;
    }
    if (parseGoInteger(text, true, &i, &u)) {
        n->isInt = true;
        n->int64 = i;
        if (i == 0) {
            n->isUint = true; // in case of -0
            n->uint64 = 0;
        }
    }
    if (n->isInt) {
        n->isFloat = true;
        n->float64 = double(n->int64);
    } else if (n->isUint) {
        n->isFloat = true;
        n->float64 = double(n->uint64);
    } else {
        double f = 0;
        if (parseGoFloat(text, &f)) {
            // Parsed as a float but looks like an integer: too large for an int.
            if (!containsAny(text, ".eEpP"))
                errorf("integer overflow: " + quoteString(text));
            n->isFloat = true;
            n->float64 = f;
            if (!n->isInt && std::abs(f) < 9.2233720368547758e18 && double(qint64(f)) == f) {
                n->isInt = true;
                n->int64 = qint64(f);
            }
            if (!n->isUint && f >= 0 && f < 1.8446744073709552e19 && double(quint64(f)) == f) {
                n->isUint = true;
                n->uint64 = quint64(f);
            }
        }
    }
    if (!n->isInt && !n->isUint && !n->isFloat)
        errorf("illegal number syntax: " + quoteString(text));
    return n;
}

} // namespace Stagecraft::Model::Template
