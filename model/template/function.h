// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>
#include <optional>

namespace Stagecraft::Model::Template {

/**
 * A Go parameter type of a template function. The engine converts and checks each argument the
 * way text/template does (reflect assignability), with Go's messages, e.g.
 * `wrong type for value; expected string; got int`.
 */
struct ParamType
{
    /** The Go type as written: "interface {}", "string", "int", "int64", "float64", "bool",
     *  "[]interface {}", "map[string]interface {}", "[]string", "time.Time", ... */
    QByteArray goType;
    bool isInterface() const { return goType == "interface {}"; }
};

/** A function of the template function map (Go's template.FuncMap entry). */
struct Function
{
    QByteArray name;
    QList<ParamType> params;
    /** Element type of a trailing variadic parameter (`...string`), if any. */
    std::optional<ParamType> variadic;
    /** Go's second result `error`: the implementation may throw FunctionError. */
    bool returnsError = false;
    /** Results change from run to run (now, rand*, uuid*, env): the renderer warns. */
    bool nondeterministic = false;
    /** Arguments already converted to the declared types. */
    std::function<Value(const QList<Value> &args)> call;
};

using FunctionMap = QHash<QByteArray, Function>;

} // namespace Stagecraft::Model::Template
