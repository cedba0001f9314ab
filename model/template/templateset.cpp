// SPDX-License-Identifier: GPL-3.0-or-later
#include "templateset.h"

namespace Stagecraft::Model::Template {

TemplateSet::TemplateSet(QByteArray rootName, GoVersion version)
    : m_rootName(std::move(rootName))
    , m_version(version)
    , m_builtins(builtinFunctions(version))
{}

void TemplateSet::addFunctions(const FunctionMap &functions)
{
    for (auto it = functions.cbegin(); it != functions.cend(); ++it)
        m_functions.insert(it.key(), it.value());
}

const Function *TemplateSet::function(const QByteArray &name) const
{
    auto it = m_functions.constFind(name);
    if (it != m_functions.cend())
        return &it.value();
    it = m_builtins.constFind(name);
    if (it != m_builtins.cend())
        return &it.value();
    return nullptr;
}

bool TemplateSet::isBuiltin(const QByteArray &name) const
{
    return !m_functions.contains(name) && m_builtins.contains(name);
}

bool TemplateSet::parse(const QByteArray &name,
                        const QByteArray &text,
                        const QString &path,
                        ParseError *error)
{
    auto source = std::make_shared<SourceText>();
    source->parseName = name;
    source->text = text;
    source->path = path;
    Parser::Options options;
    options.hasFunction = [this](const QByteArray &f) { return function(f) != nullptr; };
    options.breakContinue = m_version >= GoVersion::Go118;
    Parser parser(source, options);
    std::vector<std::unique_ptr<Tree>> trees;
    if (!parser.parse(&trees, error))
        return false;
    for (std::unique_ptr<Tree> &tree : trees) {
        // Template.associate: an empty tree does not replace an existing definition.
        auto existing = m_trees.constFind(tree->name);
        if (existing != m_trees.cend() && isEmptyTree(tree->root.get()))
            continue;
        const QByteArray treeName = tree->name;
        m_trees.insert(treeName, std::shared_ptr<Tree>(std::move(tree)));
    }
    return true;
}

std::shared_ptr<const Tree> TemplateSet::lookup(const QByteArray &name) const
{
    auto it = m_trees.constFind(name);
    return it == m_trees.cend() ? nullptr : it.value();
}

} // namespace Stagecraft::Model::Template
