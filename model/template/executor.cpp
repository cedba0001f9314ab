// SPDX-License-Identifier: GPL-3.0-or-later
#include "executor.h"

#include "common/tr.h"
#include "gofmt.h"

namespace Stagecraft::Model::Template {

SourceLocation locationInText(const QString &file, const QByteArray &text, qint64 offset)
{
    offset = std::clamp<qint64>(offset, 0, text.size());
    // lastIndexOf(c, -1) would search from the end, hence the guard.
    const qsizetype lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
    const int line = 1 + int(std::count(text.constBegin(), text.constBegin() + lineStart, '\n'));
    const int column = 1 + int(runeCount(text.mid(lineStart, offset - lineStart)));
    return {file, offset, line, column};
}

namespace {

const QByteArray InterfaceType = QByteArrayLiteral("interface {}");

/** A value as the executor sees it: `boxed` when its static Go type is interface{}. */
struct EV
{
    Value v;
    bool boxed = false;
};

bool isUntypedNil(const Value &v)
{
    return v.kind() == Value::Kind::Invalid
           || (v.kind() == Value::Kind::Nil && v.goType() == "<nil>");
}

QByteArray elemTypeOf(const QByteArray &containerType)
{
    if (containerType.startsWith("[]"))
        return containerType.mid(2);
    if (containerType.startsWith("map[")) {
        int depth = 0;
        for (qsizetype i = 3; i < containerType.size(); ++i) {
            if (containerType.at(i) == '[')
                ++depth;
            else if (containerType.at(i) == ']' && --depth == 0)
                return containerType.mid(i + 1);
        }
    }
    return InterfaceType;
}

/** Go's reflect.Value.Type() as text/template's messages print it. */
QByteArray typeOf(const EV &e)
{
    return e.boxed ? InterfaceType : e.v.goType();
}

/** After a pipeline stage Go digs the concrete value out of an interface{}. */
EV unbox(const EV &e)
{
    if (isUntypedNil(e.v))
        return {};
    return {e.v, false};
}

bool isIntType(const QByteArray &t)
{
    return t == "int" || t == "int8" || t == "int16" || t == "int32" || t == "int64";
}

bool isUintType(const QByteArray &t)
{
    return t == "uint" || t == "uint8" || t == "uint16" || t == "uint32" || t == "uint64"
           || t == "uintptr";
}

bool canBeNil(const QByteArray &t)
{
    return t == InterfaceType || t.startsWith("[]") || t.startsWith("map[") || t.startsWith('*')
           || t.startsWith("func") || t.startsWith("chan ");
}

Value zeroOf(const QByteArray &t)
{
    if (t == InterfaceType)
        return Value::nil();
    return Value::nil(t);
}

enum class Flow { Normal, Break, Continue };

class Executor
{
public:
    Executor(ExecutionContext &ctx, std::shared_ptr<const Tree> tree, RenderedText *out)
        : m_ctx(ctx)
        , m_tree(std::move(tree))
        , m_out(out)
    {}

    void run(const Value &data)
    {
        m_vars.push_back({QByteArrayLiteral("$"), EV{data, false}});
        walk(EV{data, false}, m_tree->root.get());
    }

private:
    struct Variable
    {
        QByteArray name;
        EV value;
    };

    // --- errors -----------------------------------------------------------------------------

    [[noreturn]] void errorf(const QByteArray &message, bool fatal = false)
    {
        QByteArray text;
        const QByteArray name = m_tree->name;
        const SourceText &src = *m_tree->source;
        if (!m_node) {
            text = "template: " + name + ": " + message;
        } else {
            const qint64 pos = m_node->pos;
            const qsizetype lineStart = pos > 0 ? src.text.lastIndexOf('\n', pos - 1) + 1 : 0;
            const int line = 1
                             + int(std::count(src.text.constBegin(),
                                              src.text.constBegin() + lineStart,
                                              '\n'));
            const qint64 byteCol = pos - lineStart;
            text = "template: " + src.parseName + ':' + QByteArray::number(line) + ':'
                   + QByteArray::number(byteCol) + ": executing " + quoteString(name) + " at <"
                   + m_node->toString() + ">: " + message;
        }
        if (!m_ctx.errorLocation) {
            const qint64 pos = m_node ? m_node->pos : 0;
            if (!src.path.isEmpty()) {
                m_ctx.errorLocation = locationInText(src.path, src.text, pos);
            } else {
                for (auto it = m_ctx.frames.crbegin(); it != m_ctx.frames.crend(); ++it) {
                    if (!it->file.isEmpty()) {
                        m_ctx.errorLocation = locationInText(it->file, it->fileText, it->start);
                        break;
                    }
                }
            }
        }
        throw ExecError{text, m_ctx.errorLocation.value_or(SourceLocation{}), fatal};
    }

    void at(const Node *node) { m_node = node; }

    // --- output -----------------------------------------------------------------------------

    void account(qint64 n)
    {
        m_ctx.written += n;
        if (m_ctx.written > m_ctx.maxOutput) {
            errorf(Tr::tr("the rendered output exceeds %1 bytes").arg(m_ctx.maxOutput).toUtf8(),
                   true);
        }
    }

    /** The frame that generated bytes of a non-file template are attributed to. */
    const ExecutionContext::Frame *fallbackFrame() const
    {
        for (auto it = m_ctx.frames.crbegin(); it != m_ctx.frames.crend(); ++it) {
            if (!it->file.isEmpty())
                return &*it;
        }
        return nullptr;
    }

    int fileIndex()
    {
        if (m_fileIndex < 0 && !m_tree->source->path.isEmpty())
            m_fileIndex = m_out->map.addFile(m_tree->source->path,
                                             m_ctx.textIndex(m_tree->source->text));
        return m_fileIndex;
    }

    void writeGeneratedFallback(const QByteArray &bytes)
    {
        const ExecutionContext::Frame *f = fallbackFrame();
        m_out->text += bytes;
        if (f) {
            const int file = m_out->map.addFile(f->file, m_ctx.textIndex(f->fileText));
            m_out->map.appendGenerated(file, f->start, f->end, bytes.size(), m_ctx.contextLabels());
        } else {
            m_out->map.appendGenerated(-1, 0, 0, bytes.size(), m_ctx.contextLabels());
        }
    }

    void writeText(const TextNode *node)
    {
        account(node->text.size());
        const int file = fileIndex();
        if (file < 0) {
            writeGeneratedFallback(node->text);
            return;
        }
        m_out->text += node->text;
        m_out->map.appendLiteral(file, node->pos, node->text.size(), m_ctx.contextLabels());
    }

    void writeAction(const ActionNode *node, const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            return;
        account(bytes.size());
        if (const SourceMap *mapped = m_ctx.mappedString(bytes)) {
            m_out->text += bytes;
            m_out->map.append(*mapped);
            return;
        }
        const int file = fileIndex();
        if (file < 0) {
            writeGeneratedFallback(bytes);
            return;
        }
        m_out->text += bytes;
        m_out->map.appendGenerated(file,
                                   node->sourceStart,
                                   node->sourceEnd,
                                   bytes.size(),
                                   m_ctx.contextLabels());
    }

    ExecutionContext::Frame frameAt(const QString &label, qint64 start, qint64 end) const
    {
        const SourceText &src = *m_tree->source;
        const SourceLocation loc = m_ctx.locate(src.path, src.text, start);
        const QString where = src.path.isEmpty() ? QString::fromUtf8(src.parseName) + u':'
                                                           + QString::number(loc.line)
                                                 : loc.toString();
        ExecutionContext::Frame f;
        f.where = where;
        if (!label.isEmpty())
            f.label = label + QStringLiteral(" at ") + where;
        f.file = src.path;
        f.fileText = src.text;
        f.start = start;
        f.end = end;
        return f;
    }

    // --- walking ----------------------------------------------------------------------------

    Flow walk(const EV &dot, const Node *node)
    {
        at(node);
        switch (node->type) {
        case Node::Type::Action: {
            auto *a = static_cast<const ActionNode *>(node);
            const ActionNode *saved = m_action;
            m_action = a;
            // Variables declared by the action persist until the enclosing end.
            const EV val = evalPipeline(dot, a->pipe.get());
            if (a->pipe->decl.empty())
                printValue(a, val);
            m_action = saved;
            return Flow::Normal;
        }
        case Node::Type::Comment:
            return Flow::Normal;
        case Node::Type::If:
        case Node::Type::With:
            return walkIfOrWith(dot, static_cast<const BranchNode *>(node));
        case Node::Type::List:
            for (const NodePtr &n : static_cast<const ListNode *>(node)->nodes) {
                const Flow f = walk(dot, n.get());
                if (f != Flow::Normal)
                    return f;
            }
            return Flow::Normal;
        case Node::Type::Range:
            walkRange(dot, static_cast<const BranchNode *>(node));
            return Flow::Normal;
        case Node::Type::Template:
            walkTemplate(dot, static_cast<const TemplateNode *>(node));
            return Flow::Normal;
        case Node::Type::Text:
            writeText(static_cast<const TextNode *>(node));
            return Flow::Normal;
        case Node::Type::Break:
            return Flow::Break;
        case Node::Type::Continue:
            return Flow::Continue;
        default:
            errorf("unknown node: " + node->toString());
        }
    }

    Flow walkIfOrWith(const EV &dot, const BranchNode *node)
    {
        const size_t mark = m_vars.size();
        const EV val = evalPipeline(dot, node->pipe.get());
        Flow flow = Flow::Normal;
        if (isTrue(val.v)) {
            flow = walk(node->type == Node::Type::With ? val : dot, node->list.get());
        } else if (node->elseList) {
            flow = walk(dot, node->elseList.get());
        }
        m_vars.resize(mark);
        return flow;
    }

    void walkRange(const EV &dot, const BranchNode *r)
    {
        at(r);
        const size_t outerMark = m_vars.size();
        const EV val = evalPipeline(dot, r->pipe.get());
        const size_t mark = m_vars.size();
        const size_t declCount = r->pipe->decl.size();
        m_ctx.pushFrame(frameAt(QStringLiteral("range"), r->sourceStart, r->sourceStart));
        auto oneIteration = [&](const EV &index, const EV &elem) {
            if (declCount > 0)
                m_vars[m_vars.size() - 1].value = elem;
            if (declCount > 1)
                m_vars[m_vars.size() - 2].value = index;
            const Flow f = walk(elem, r->list.get());
            m_vars.resize(mark);
            return f;
        };
        bool iterated = false;
        const Value &v = val.v;
        switch (v.kind()) {
        case Value::Kind::List: {
            const std::shared_ptr<List> list = v.list();
            const bool boxed = elemTypeOf(v.goType()) == InterfaceType;
            for (qsizetype i = 0; i < list->size(); ++i) {
                iterated = true;
                if (oneIteration(EV{Value::fromInt(i), false}, EV{list->at(i), boxed})
                    == Flow::Break)
                    break;
            }
            break;
        }
        case Value::Kind::Map: {
            const std::shared_ptr<Map> map = v.map();
            const bool boxed = elemTypeOf(v.goType()) == InterfaceType;
            // A copy of the keys: the body may modify the map (Sprig's set).
            QList<QByteArray> keys;
            for (const auto &[key, value] : *map)
                keys.append(key);
            for (const QByteArray &key : std::as_const(keys)) {
                const auto it = map->find(key);
                if (it == map->end())
                    continue;
                iterated = true;
                if (oneIteration(EV{Value::fromString(key), false}, EV{it->second, boxed})
                    == Flow::Break)
                    break;
            }
            break;
        }
        case Value::Kind::Invalid:
            break; // a nil value acts like an empty map
        case Value::Kind::Nil:
            if (v.goType().startsWith("[]") || v.goType().startsWith("map["))
                break;
            [[fallthrough]];
        default:
            m_ctx.popFrame();
            errorf("range can't iterate over " + formatValue(v));
        }
        m_ctx.popFrame();
        if (!iterated && r->elseList)
            walk(dot, r->elseList.get());
        m_vars.resize(outerMark);
    }

    void walkTemplate(const EV &dot, const TemplateNode *t)
    {
        at(t);
        std::shared_ptr<const Tree> tree = m_ctx.templates().lookup(t->name);
        if (!tree)
            errorf("template " + quoteString(t->name) + " not defined");
        if (m_ctx.depth >= m_ctx.maxDepth)
            errorf("exceeded maximum template depth (" + QByteArray::number(m_ctx.maxDepth) + ")",
                   true);
        // Variables declared by the pipeline persist.
        const EV newDot = t->pipe ? evalPipeline(dot, t->pipe.get()) : EV{};
        ++m_ctx.depth;
        m_ctx.pushFrame(
                frameAt(QStringLiteral("template ") + QString::fromUtf8(quoteString(t->name)),
                        t->sourceStart,
                        t->sourceStart));
        Executor inner(m_ctx, tree, m_out);
        // No dynamic scoping: the called template sees only $.
        inner.m_vars.push_back({QByteArrayLiteral("$"), newDot});
        inner.walk(newDot, tree->root.get());
        m_ctx.popFrame();
        --m_ctx.depth;
    }

    // --- evaluation -------------------------------------------------------------------------

    EV evalPipeline(const EV &dot, const PipeNode *pipe)
    {
        if (!pipe)
            return {};
        at(pipe);
        std::optional<EV> value;
        for (const std::unique_ptr<CommandNode> &cmd : pipe->cmds)
            value = unbox(evalCommand(dot, cmd.get(), value));
        const EV result = value.value_or(EV{});
        for (const std::unique_ptr<VariableNode> &var : pipe->decl) {
            if (pipe->isAssign)
                setVar(var->ident.front(), result);
            else
                m_vars.push_back({var->ident.front(), result});
        }
        return result;
    }

    void setVar(const QByteArray &name, const EV &value)
    {
        for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
            if (it->name == name) {
                it->value = value;
                return;
            }
        }
        errorf("undefined variable: " + name);
    }

    EV varValue(const QByteArray &name)
    {
        for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
            if (it->name == name)
                return it->value;
        }
        errorf("undefined variable: " + name);
    }

    void notAFunction(const std::vector<NodePtr> *args, const std::optional<EV> &final)
    {
        if ((args && args->size() > 1) || final)
            errorf("can't give argument to non-function " + args->front()->toString());
    }

    EV evalCommand(const EV &dot, const CommandNode *cmd, const std::optional<EV> &final)
    {
        const Node *firstWord = cmd->args.front().get();
        switch (firstWord->type) {
        case Node::Type::Field:
            return evalFieldNode(dot, static_cast<const FieldNode *>(firstWord), &cmd->args, final);
        case Node::Type::Chain:
            return evalChainNode(dot, static_cast<const ChainNode *>(firstWord), &cmd->args, final);
        case Node::Type::Identifier:
            return evalFunction(dot,
                                static_cast<const IdentifierNode *>(firstWord),
                                cmd,
                                &cmd->args,
                                final);
        case Node::Type::Pipe:
            notAFunction(&cmd->args, final);
            return evalPipeline(dot, static_cast<const PipeNode *>(firstWord));
        case Node::Type::Variable:
            return evalVariableNode(dot,
                                    static_cast<const VariableNode *>(firstWord),
                                    &cmd->args,
                                    final);
        default:
            break;
        }
        at(firstWord);
        notAFunction(&cmd->args, final);
        switch (firstWord->type) {
        case Node::Type::Bool:
            return {Value::fromBool(static_cast<const BoolNode *>(firstWord)->value)};
        case Node::Type::Dot:
            return dot;
        case Node::Type::Nil:
            errorf("nil is not a command");
        case Node::Type::Number:
            return {idealConstant(static_cast<const NumberNode *>(firstWord))};
        case Node::Type::String:
            return {Value::fromString(static_cast<const StringNode *>(firstWord)->text)};
        default:
            break;
        }
        errorf("can't evaluate command " + quoteString(firstWord->toString()));
    }

    Value idealConstant(const NumberNode *n)
    {
        at(n);
        const bool isRune = n->text.startsWith('\'');
        const bool isHexInt = n->text.size() > 2 && n->text.at(0) == '0'
                              && (n->text.at(1) == 'x' || n->text.at(1) == 'X')
                              && !n->text.contains('p') && !n->text.contains('P');
        bool floatSyntax = false;
        for (const char c : n->text) {
            if (c == '.' || c == 'e' || c == 'E' || c == 'p' || c == 'P')
                floatSyntax = true;
        }
        if (n->isFloat && !isHexInt && !isRune && floatSyntax)
            return Value::fromFloat(n->float64);
        if (n->isInt)
            return Value::fromInt(n->int64);
        if (n->isUint)
            errorf(n->text + " overflows int");
        return {};
    }

    EV evalFieldNode(const EV &dot,
                     const FieldNode *field,
                     const std::vector<NodePtr> *args,
                     const std::optional<EV> &final)
    {
        at(field);
        return evalFieldChain(dot, dot, field, field->ident, args, final);
    }

    EV evalChainNode(const EV &dot,
                     const ChainNode *chain,
                     const std::vector<NodePtr> *args,
                     const std::optional<EV> &final)
    {
        at(chain);
        if (chain->field.isEmpty())
            errorf("internal error: no fields in evalChainNode");
        if (chain->node->type == Node::Type::Nil)
            errorf("indirection through explicit nil in " + chain->toString());
        const EV pipe = evalArg(dot, nullptr, chain->node.get());
        return evalFieldChain(dot, pipe, chain, chain->field, args, final);
    }

    EV evalVariableNode(const EV &dot,
                        const VariableNode *variable,
                        const std::vector<NodePtr> *args,
                        const std::optional<EV> &final)
    {
        at(variable);
        const EV value = varValue(variable->ident.front());
        if (variable->ident.size() == 1) {
            notAFunction(args, final);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable->ident.mid(1), args, final);
    }

    EV evalFieldChain(const EV &dot,
                      EV receiver,
                      const Node *node,
                      const QList<QByteArray> &ident,
                      const std::vector<NodePtr> *args,
                      const std::optional<EV> &final)
    {
        const qsizetype n = ident.size();
        for (qsizetype i = 0; i < n - 1; ++i)
            receiver = evalField(dot, ident.at(i), node, nullptr, std::nullopt, receiver);
        return evalField(dot, ident.at(n - 1), node, args, final, receiver);
    }

    EV evalFunction(const EV &dot,
                    const IdentifierNode *node,
                    const Node *cmd,
                    const std::vector<NodePtr> *args,
                    const std::optional<EV> &final)
    {
        at(node);
        const Function *function = m_ctx.templates().function(node->ident);
        if (!function)
            errorf(quoteString(node->ident) + " is not a defined function");
        const bool builtin = m_ctx.templates().isBuiltin(node->ident);
        return evalCall(dot, *function, builtin, cmd, node->ident, args, final);
    }

    EV evalField(const EV &dot,
                 const QByteArray &fieldName,
                 const Node *node,
                 const std::vector<NodePtr> *args,
                 const std::optional<EV> &final,
                 const EV &receiver)
    {
        const Value &r = receiver.v;
        if (!r.isValid())
            return {};
        const QByteArray typ = typeOf(receiver);
        if (receiver.boxed && isUntypedNil(r))
            errorf("nil pointer evaluating " + typ + '.' + fieldName);
        if (r.kind() == Value::Kind::Object) {
            const std::shared_ptr<Object> &object = r.object();
            if (object->hasMethod(fieldName)) {
                Function method;
                if (const std::optional<Function> sig = methodSignature(*object, fieldName)) {
                    method = *sig;
                } else {
                    method.name = fieldName;
                    method.variadic = ParamType{InterfaceType};
                    method.returnsError = true;
                }
                method.call = [object, fieldName](const QList<Value> &a) {
                    return object->callMethod(fieldName, a);
                };
                return evalCall(dot, method, false, node, fieldName, args, final);
            }
        }
        const bool hasArgs = (args && args->size() > 1) || final;
        switch (r.kind()) {
        case Value::Kind::Object: {
            const Value field = r.object()->field(fieldName);
            if (field.isValid()) {
                if (hasArgs)
                    errorf(fieldName + " has arguments but cannot be invoked as function");
                return {field};
            }
            break;
        }
        case Value::Kind::Map:
        case Value::Kind::Nil: {
            const QByteArray mapType = r.goType();
            // String keys: map[string]T, or yaml.v2's map[interface {}]interface {}.
            if (!mapType.startsWith("map[string]") && !mapType.startsWith("map[interface {}]"))
                break;
            if (hasArgs)
                errorf(fieldName + " is not a method but has arguments");
            const bool boxed = elemTypeOf(mapType) == InterfaceType;
            if (r.kind() == Value::Kind::Map) {
                const auto it = r.map()->find(fieldName);
                if (it != r.map()->end())
                    return {it->second, boxed};
            }
            return {};
        }
        default:
            break;
        }
        if (r.kind() == Value::Kind::Nil && r.goType().startsWith('*'))
            errorf("nil pointer evaluating " + typ + '.' + fieldName);
        errorf("can't evaluate field " + fieldName + " in type " + typ);
    }

    static std::optional<Function> methodSignature(const Object &object, const QByteArray &name);

    EV evalCall(const EV &dot,
                const Function &fn,
                bool builtin,
                const Node *node,
                const QByteArray &name,
                const std::vector<NodePtr> *argNodes,
                const std::optional<EV> &final)
    {
        // The zeroth argument node is the function itself.
        const qsizetype nargs = argNodes ? qsizetype(argNodes->size()) - 1 : 0;
        const qsizetype numIn = nargs + (final ? 1 : 0);
        const qsizetype numFixed = fn.params.size();
        if (fn.variadic) {
            if (numIn < numFixed)
                errorf("wrong number of args for " + name + ": want at least "
                       + QByteArray::number(numFixed) + " got " + QByteArray::number(nargs));
        } else if (numIn != numFixed) {
            errorf("wrong number of args for " + name + ": want " + QByteArray::number(numFixed)
                   + " got " + QByteArray::number(numIn));
        }
        auto paramType = [&fn](qsizetype i) -> const ParamType & {
            return i < fn.params.size() ? fn.params.at(i) : *fn.variadic;
        };

        if (builtin && (name == "and" || name == "or")
            && m_ctx.templates().goVersion() >= GoVersion::Go118) {
            // Go 1.18: and/or stop at the first argument that decides the result.
            EV v;
            for (qsizetype i = 0; i < nargs; ++i) {
                v = unbox(evalArg(dot, &paramType(i), argNodes->at(size_t(i) + 1).get()));
                if (isTrue(v.v) == (name == "or"))
                    return v;
            }
            if (final)
                v = unbox(validateType(*final, &paramType(nargs)));
            return v;
        }

        QList<Value> argv;
        argv.reserve(numIn);
        for (qsizetype i = 0; i < nargs; ++i)
            argv.append(toArgument(evalArg(dot, &paramType(i), argNodes->at(size_t(i) + 1).get())));
        if (final)
            argv.append(toArgument(validateType(*final, &paramType(nargs))));

        if (fn.nondeterministic)
            m_ctx.warnNondeterministic(name, actionLocation());
        Value result;
        const ExecutionContext::Frame savedCaller = m_ctx.currentAction;
        m_ctx.currentAction = callFrame(node);
        try {
            result = fn.call(argv);
        } catch (const FunctionError &e) {
            m_ctx.currentAction = savedCaller;
            at(node);
            errorf("error calling " + name + ": " + QByteArray(e.what()));
        } catch (const LimitError &e) {
            m_ctx.currentAction = savedCaller;
            at(node);
            errorf(e.message, true);
        }
        m_ctx.currentAction = savedCaller;
        return {result};
    }

    /** The calling action (or, in an if/range/with pipeline, the call itself) as a frame. */
    ExecutionContext::Frame callFrame(const Node *node) const
    {
        if (m_action)
            return frameAt({}, m_action->sourceStart, m_action->sourceEnd);
        return frameAt({}, node->pos, node->pos);
    }

    SourceLocation actionLocation() const
    {
        const SourceText &src = *m_tree->source;
        if (!src.path.isEmpty())
            return m_ctx.locate(src.path, src.text, m_node ? m_node->pos : 0);
        if (const ExecutionContext::Frame *f = fallbackFrame())
            return m_ctx.locate(f->file, f->fileText, f->start);
        return {};
    }

    /** The Go value a function receives: an interface{} argument holds the concrete value. */
    static Value toArgument(const EV &e)
    {
        if (isUntypedNil(e.v))
            return Value::nil();
        return e.v;
    }

    EV validateType(const EV &value, const ParamType *typ)
    {
        if (!value.v.isValid()) {
            if (!typ)
                return {};
            if (canBeNil(typ->goType))
                return {zeroOf(typ->goType)};
            errorf("invalid value; expected " + typ->goType);
        }
        if (!typ || typ->isInterface())
            return value;
        if (!value.boxed && value.v.goType() == typ->goType)
            return value;
        if (value.boxed && !isUntypedNil(value.v) && value.v.goType() == typ->goType)
            return {value.v, false};
        // Go looks inside a non-nil interface before it gives up, and names the concrete type.
        const QByteArray got = value.boxed && !isUntypedNil(value.v) ? value.v.goType()
                                                                     : typeOf(value);
        errorf("wrong type for value; expected " + typ->goType + "; got " + got);
    }

    EV evalArg(const EV &dot, const ParamType *typ, const Node *n)
    {
        at(n);
        switch (n->type) {
        case Node::Type::Dot:
            return validateType(dot, typ);
        case Node::Type::Nil:
            if (typ && canBeNil(typ->goType))
                return {zeroOf(typ->goType)};
            errorf("cannot assign nil to " + (typ ? typ->goType : QByteArray("<nil>")));
        case Node::Type::Field: {
            return validateType(evalFieldNode(dot,
                                              static_cast<const FieldNode *>(n),
                                              nullptr,
                                              std::nullopt),
                                typ);
        }
        case Node::Type::Variable:
            return validateType(evalVariableNode(dot,
                                                 static_cast<const VariableNode *>(n),
                                                 nullptr,
                                                 std::nullopt),
                                typ);
        case Node::Type::Pipe:
            return validateType(evalPipeline(dot, static_cast<const PipeNode *>(n)), typ);
        case Node::Type::Identifier:
            return validateType(evalFunction(dot,
                                             static_cast<const IdentifierNode *>(n),
                                             n,
                                             nullptr,
                                             std::nullopt),
                                typ);
        case Node::Type::Chain:
            return validateType(evalChainNode(dot,
                                              static_cast<const ChainNode *>(n),
                                              nullptr,
                                              std::nullopt),
                                typ);
        default:
            break;
        }
        const QByteArray t = typ ? typ->goType : InterfaceType;
        if (t == "bool") {
            if (n->type == Node::Type::Bool)
                return {Value::fromBool(static_cast<const BoolNode *>(n)->value)};
            errorf("expected bool; found " + n->toString());
        }
        if (t == "float64" || t == "float32") {
            if (n->type == Node::Type::Number && static_cast<const NumberNode *>(n)->isFloat)
                return {Value::fromFloat(static_cast<const NumberNode *>(n)->float64, t)};
            errorf("expected float; found " + n->toString());
        }
        if (isIntType(t)) {
            if (n->type == Node::Type::Number && static_cast<const NumberNode *>(n)->isInt)
                return {Value::fromInt(static_cast<const NumberNode *>(n)->int64, t)};
            errorf("expected integer; found " + n->toString());
        }
        if (isUintType(t)) {
            if (n->type == Node::Type::Number && static_cast<const NumberNode *>(n)->isUint)
                return {Value::fromUint(static_cast<const NumberNode *>(n)->uint64, t)};
            errorf("expected unsigned integer; found " + n->toString());
        }
        if (t == "string") {
            if (n->type == Node::Type::String)
                return {Value::fromString(static_cast<const StringNode *>(n)->text)};
            errorf("expected string; found " + n->toString());
        }
        if (t == InterfaceType) {
            switch (n->type) {
            case Node::Type::Bool:
                return {Value::fromBool(static_cast<const BoolNode *>(n)->value)};
            case Node::Type::Number:
                return {idealConstant(static_cast<const NumberNode *>(n))};
            case Node::Type::String:
                return {Value::fromString(static_cast<const StringNode *>(n)->text)};
            default:
                errorf("can't handle assignment of " + n->toString()
                       + " to empty interface argument");
            }
        }
        errorf("can't handle " + n->toString() + " for arg of type " + t);
    }

    void printValue(const ActionNode *node, const EV &val)
    {
        at(node);
        const Value &v = val.v;
        if (!v.isValid() || (v.kind() == Value::Kind::Nil && v.goType().startsWith('*'))) {
            writeAction(node, QByteArrayLiteral("<no value>"));
            return;
        }
        if (v.kind() == Value::Kind::String) {
            writeAction(node, v.toString());
            return;
        }
        writeAction(node, formatValue(v));
    }

    ExecutionContext &m_ctx;
    std::shared_ptr<const Tree> m_tree;
    RenderedText *m_out;
    std::vector<Variable> m_vars;
    const Node *m_node = nullptr;
    const ActionNode *m_action = nullptr;
    int m_fileIndex = -1;
};

std::optional<Function> Executor::methodSignature(const Object &object, const QByteArray &name)
{
    return object.methodSignature(name);
}

} // namespace

ExecutionContext::ExecutionContext(TemplateSet &set)
    : m_set(set)
{}

void ExecutionContext::execute(const QByteArray &name, const Value &data, RenderedText *out)
{
    std::shared_ptr<const Tree> tree = m_set.lookup(name);
    if (!tree) {
        throw ExecError{"template: no template " + quoteString(name) + " associated with template "
                                + quoteString(m_set.rootName()),
                        {}};
    }
    Executor executor(*this, tree, out);
    executor.run(data);
}

void ExecutionContext::registerMappedString(const QByteArray &text, const SourceMap &map)
{
    if (text.isEmpty())
        return;
    m_mapped.insert(text.constData(), {text, map});
}

const SourceMap *ExecutionContext::mappedString(const QByteArray &text) const
{
    const auto it = m_mapped.constFind(text.constData());
    if (it == m_mapped.cend() || it->first.size() != text.size())
        return nullptr;
    return &it->second;
}

void ExecutionContext::registerFileString(const QByteArray &text, const QString &path)
{
    if (text.isEmpty())
        return;
    m_fileStrings.insert(text.constData(), {text, path});
}

QString ExecutionContext::fileOfString(const QByteArray &text) const
{
    const auto it = m_fileStrings.constFind(text.constData());
    if (it == m_fileStrings.cend() || it->first.size() != text.size())
        return {};
    return it->second;
}

const TextIndex &ExecutionContext::textIndex(const QByteArray &text)
{
    auto it = m_indexes.find(text.constData());
    if (it == m_indexes.end() || it->first.size() != text.size())
        it = m_indexes.insert(text.constData(), {text, TextIndex(text)});
    return it->second;
}

SourceLocation ExecutionContext::locate(const QString &file, const QByteArray &text, qint64 offset)
{
    offset = std::clamp<qint64>(offset, 0, text.size());
    const LineColumn lc = textIndex(text).lineColumn(offset);
    return {file, offset, lc.line, lc.column};
}

void ExecutionContext::warn(const QString &message, const SourceLocation &location)
{
    m_warnings.append(Diagnostic::warning(message, location));
}

void ExecutionContext::warnNondeterministic(const QByteArray &function,
                                            const SourceLocation &location)
{
    if (m_warnedFunctions.contains(function))
        return;
    m_warnedFunctions.insert(function);
    const bool environment = function == "env" || function == "expandenv";
    warn((environment ? Tr::tr("function \"%1\" reads the environment: the rendered config, and "
                                "the stage signatures that depend on it, change with it")
                      : Tr::tr("function \"%1\" gives a different result on every run: the "
                                "rendered config, and the stage signatures that depend on it, "
                                "are not reproducible"))
                 .arg(QString::fromUtf8(function)),
         location);
}

void ExecutionContext::pushFrame(const Frame &frame)
{
    frames.push_back(frame);
    m_labels.append(frame.label);
}

void ExecutionContext::popFrame()
{
    frames.pop_back();
    m_labels.removeLast();
}

} // namespace Stagecraft::Model::Template
