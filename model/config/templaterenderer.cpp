// SPDX-License-Identifier: GPL-3.0-or-later
#include "configloader.h"
#include "template/gofmt.h"
#include "template/renderer.h"

#include <QtGlobal>

namespace Stagecraft::Model {

namespace {

/**
 * werf 1.2+'s own `env NAME [DEFAULT]` (it replaces Sprig's one-argument `env`): the variable's
 * value, or DEFAULT when the variable is not set at all.
 */
Template::Function werfEnvFunction()
{
    Template::Function f;
    f.name = QByteArrayLiteral("env");
    f.params = {{QByteArrayLiteral("interface {}")}};
    f.variadic = Template::ParamType{QByteArrayLiteral("string")};
    f.returnsError = true;
    f.nondeterministic = true;
    f.call = [](const QList<Template::Value> &args) {
        if (args.size() > 2)
            throw Template::FunctionError(
                    QByteArrayLiteral("more than 1 optional argument prohibited"));
        const QByteArray name = Template::formatValue(args.at(0));
        if (!qEnvironmentVariableIsSet(name.constData()) && args.size() == 2)
            return args.at(1);
        return Template::Value::fromString(qgetenv(name.constData()));
    };
    return f;
}

} // namespace

Renderer templateRenderer(WerfVersion rules)
{
    Template::RenderOptions options;
    // werf 1.1 is built with Go 1.17; 1.2 and 2.x with Go 1.18 or later (break/continue,
    // short-circuit and/or).
    options.goVersion = rules == WerfVersion::V1_1 ? Template::GoVersion::Go117
                                                   : Template::GoVersion::Go118;
    if (rules == WerfVersion::V1_2 || rules == WerfVersion::V2) {
        // werf 1.2+ passes the --env value as `.Env` (empty by default). `.Commit` needs the
        // project repository and is not provided yet: it renders as a missing key.
        options.extraData.emplace(QByteArrayLiteral("Env"), Template::Value::fromString({}));
        options.extraFunctions.append({{QByteArrayLiteral("env"), werfEnvFunction()}});
    }
    return [options](const QString &configFile,
                     const QByteArray &source,
                     const QString &projectDir) {
        const Template::RenderResult result = Template::renderWerfConfig(configFile,
                                                                         source,
                                                                         projectDir,
                                                                         options);
        return RenderOutput{result.text, result.map, result.diagnostics, result.ok};
    };
}

} // namespace Stagecraft::Model
