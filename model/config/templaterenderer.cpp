// SPDX-License-Identifier: GPL-3.0-or-later
#include "configloader.h"

#include "template/renderer.h"

namespace Stagecraft::Model {

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
    }
    return [options](const QString &configFile, const QByteArray &source,
                     const QString &projectDir) {
        const Template::RenderResult result =
                Template::renderWerfConfig(configFile, source, projectDir, options);
        return RenderOutput{result.text, result.map, result.diagnostics, result.ok};
    };
}

} // namespace Stagecraft::Model
