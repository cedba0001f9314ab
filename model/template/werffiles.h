// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "value.h"

#include <QString>

namespace Stagecraft::Model::Template {

class ExecutionContext;

/**
 * werf's `.Files` (pkg/config/parser.go `files`): Get and Glob relative to the directory of the
 * werf config file. Missing files and empty globs warn with werf's texts.
 */
class WerfFiles final : public Object
{
public:
    WerfFiles(QString homePath, ExecutionContext *context);

    QByteArray goType() const override;
    QByteArray print() const override;
    bool hasMethod(const QByteArray &name) const override;
    std::optional<Function> methodSignature(const QByteArray &name) const override;
    Value callMethod(const QByteArray &name, const QList<Value> &args) override;
    Value field(const QByteArray &name) const override;

private:
    Value get(const QByteArray &path);
    Value glob(const QByteArray &pattern);

    QString m_homePath;
    ExecutionContext *m_context;
};

} // namespace Stagecraft::Model::Template
