// SPDX-License-Identifier: GPL-3.0-or-later
#include "werffiles.h"

#include "doublestar.h"
#include "executor.h"
#include "function.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace Stagecraft::Model::Template {

namespace {

SourceLocation callerLocation(const ExecutionContext &ctx)
{
    const ExecutionContext::Frame &f = ctx.currentAction;
    if (f.file.isEmpty())
        return {};
    return locationInText(f.file, f.fileText, f.start);
}

/** Go's filepath.Join: joined and cleaned. */
QString joinPath(const QString &base, const QByteArray &rel)
{
    return QDir::cleanPath(base + u'/' + QString::fromUtf8(rel));
}

} // namespace

WerfFiles::WerfFiles(QString homePath, ExecutionContext *context)
    : m_homePath(std::move(homePath))
    , m_context(context)
{}

QByteArray WerfFiles::goType() const
{
    return QByteArrayLiteral("config.files");
}

QByteArray WerfFiles::print() const
{
    return '{' + m_homePath.toUtf8() + '}';
}

bool WerfFiles::hasMethod(const QByteArray &name) const
{
    return name == "Get" || name == "Glob";
}

std::optional<Function> WerfFiles::methodSignature(const QByteArray &name) const
{
    if (!hasMethod(name))
        return std::nullopt;
    Function f;
    f.name = name;
    f.params = {ParamType{QByteArrayLiteral("string")}};
    return f;
}

Value WerfFiles::callMethod(const QByteArray &name, const QList<Value> &args)
{
    const QByteArray arg = args.value(0).toString();
    return name == "Get" ? get(arg) : glob(arg);
}

Value WerfFiles::field(const QByteArray &name) const
{
    if (name == "HomePath")
        return Value::fromString(m_homePath.toUtf8());
    return {};
}

Value WerfFiles::get(const QByteArray &path)
{
    const QString filePath = joinPath(m_homePath, path);
    QFile file(filePath);
    if (!QFileInfo::exists(filePath)) {
        m_context->warn(QStringLiteral("Config: {{ .Files.Get '%1' }}: file '%2' not exist!")
                                .arg(QString::fromUtf8(path), filePath),
                        callerLocation(*m_context));
        return Value::fromString({});
    }
    if (!file.open(QIODevice::ReadOnly))
        return Value::fromString({});
    const QByteArray content = file.readAll();
    m_context->registerFileString(content, filePath);
    return Value::fromString(content);
}

Value WerfFiles::glob(const QByteArray &pattern)
{
    const QByteArray fullPattern = joinPath(m_homePath, pattern).toUtf8();
    Map result;
    QStringList files;
    QDirIterator it(m_homePath,
                    QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        // filepath.Walk does not descend into symlinked directories; symlinks to files count.
        if (info.isDir())
            continue;
        files.append(path);
    }
    files.sort();
    for (const QString &path : std::as_const(files)) {
        bool bad = false;
        if (!doublestarMatch(fullPattern, path.toUtf8(), &bad)) {
            if (bad)
                throw FunctionError("syntax error in pattern");
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = file.readAll();
        m_context->registerFileString(content, path);
        result.insert_or_assign(QDir(m_homePath).relativeFilePath(path).toUtf8(),
                                Value::fromString(content));
    }
    if (result.empty()) {
        m_context->warn(QStringLiteral("Config: {{ .Files.Glob '%1' }}: no matches found!")
                                .arg(QString::fromUtf8(pattern)),
                        callerLocation(*m_context));
        return Value::nil("map[string]interface {}");
    }
    return Value::fromMap(std::move(result));
}

} // namespace Stagecraft::Model::Template
