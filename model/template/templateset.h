// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "function.h"
#include "node.h"
#include "parser.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace Stagecraft::Model::Template {

/** Which Go release's text/template to follow where releases differ. */
enum class GoVersion {
    /** werf 1.1 is built with Go 1.17 (its go.mod): and/or evaluate every argument, no
     *  break/continue, eq reports "incompatible types for comparison" for nil against a value. */
    Go117,
    /** Go 1.18+: and/or short-circuit, {{break}}/{{continue}}, eq accepts nil operands. */
    Go118,
};

/**
 * A set of associated templates sharing one function map: Go's *template.Template with its
 * `common` part. Templates are added by parsing texts; a later definition of a name replaces the
 * earlier one (unless it is empty), as Template.AddParseTree does.
 */
class TemplateSet
{
public:
    explicit TemplateSet(QByteArray rootName, GoVersion version = GoVersion::Go117);

    const QByteArray &rootName() const { return m_rootName; }
    GoVersion goVersion() const { return m_version; }

    /** Adds functions (Go's Funcs()); they take precedence over the builtins. */
    void addFunctions(const FunctionMap &functions);
    const Function *function(const QByteArray &name) const;
    /** True when the name resolves to text/template's own builtin (no user override). */
    bool isBuiltin(const QByteArray &name) const;

    /**
     * Parses text as the template `name` (Go's t.New(name).Parse(text)); its defines are added
     * too. path names the file the text is (empty if none), for the source map.
     */
    bool parse(const QByteArray &name,
               const QByteArray &text,
               const QString &path,
               ParseError *error);

    std::shared_ptr<const Tree> lookup(const QByteArray &name) const;

private:
    QByteArray m_rootName;
    GoVersion m_version;
    FunctionMap m_functions;
    FunctionMap m_builtins;
    QHash<QByteArray, std::shared_ptr<Tree>> m_trees;
};

/** text/template's builtin functions (and, or, not, len, index, slice, print*, eq, ...). */
FunctionMap builtinFunctions(GoVersion version);

} // namespace Stagecraft::Model::Template
