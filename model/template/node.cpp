// SPDX-License-Identifier: GPL-3.0-or-later
#include "node.h"

#include "gofmt.h"

namespace Stagecraft::Model::Template {

namespace {

void writeArg(QByteArray &out, const Node *node)
{
    if (node->type == Node::Type::Pipe)
        out += '(' + node->toString() + ')';
    else
        out += node->toString();
}

QByteArray joinIdent(const QList<QByteArray> &ident)
{
    QByteArray s;
    for (qsizetype i = 0; i < ident.size(); ++i) {
        if (i > 0)
            s += '.';
        s += ident.at(i);
    }
    return s;
}

} // namespace

QByteArray ListNode::toString() const
{
    QByteArray s;
    for (const NodePtr &n : nodes)
        s += n->toString();
    return s;
}

QByteArray PipeNode::toString() const
{
    QByteArray s;
    if (!decl.empty()) {
        for (size_t i = 0; i < decl.size(); ++i) {
            if (i > 0)
                s += ", ";
            s += decl[i]->toString();
        }
        // Go writes " := " for assignments too.
        s += " := ";
    }
    for (size_t i = 0; i < cmds.size(); ++i) {
        if (i > 0)
            s += " | ";
        s += cmds[i]->toString();
    }
    return s;
}

QByteArray CommandNode::toString() const
{
    QByteArray s;
    for (size_t i = 0; i < args.size(); ++i) {
        if (i > 0)
            s += ' ';
        writeArg(s, args[i].get());
    }
    return s;
}

QByteArray VariableNode::toString() const
{
    return joinIdent(ident);
}

QByteArray FieldNode::toString() const
{
    QByteArray s;
    for (const QByteArray &id : ident)
        s += '.' + id;
    return s;
}

QByteArray ChainNode::toString() const
{
    QByteArray s;
    writeArg(s, node.get());
    for (const QByteArray &f : field)
        s += '.' + f;
    return s;
}

QByteArray BranchNode::toString() const
{
    QByteArray name;
    switch (type) {
    case Type::If:
        name = "if";
        break;
    case Type::Range:
        name = "range";
        break;
    default:
        name = "with";
        break;
    }
    QByteArray s = "{{" + name + ' ' + pipe->toString() + "}}" + list->toString();
    if (elseList)
        s += "{{else}}" + elseList->toString();
    s += "{{end}}";
    return s;
}

QByteArray TemplateNode::toString() const
{
    if (!pipe)
        return "{{template " + quoteString(name) + "}}";
    return "{{template " + quoteString(name) + ' ' + pipe->toString() + "}}";
}

QByteArray MarkerNode::toString() const
{
    switch (type) {
    case Type::Break:
        return QByteArrayLiteral("{{break}}");
    case Type::Continue:
        return QByteArrayLiteral("{{continue}}");
    case Type::Else:
        return QByteArrayLiteral("{{else}}");
    default:
        return QByteArrayLiteral("{{end}}");
    }
}

bool isEmptyTree(const Node *node)
{
    switch (node->type) {
    case Node::Type::List:
        for (const NodePtr &n : static_cast<const ListNode *>(node)->nodes) {
            if (!isEmptyTree(n.get()))
                return false;
        }
        return true;
    case Node::Type::Text:
        return static_cast<const TextNode *>(node)->text.trimmed().isEmpty();
    case Node::Type::Comment:
        return true;
    default:
        return false;
    }
}

} // namespace Stagecraft::Model::Template
