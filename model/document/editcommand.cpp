// SPDX-License-Identifier: GPL-3.0-or-later
#include "editcommand.h"

#include "common/tr.h"
#include "document/document.h"

#include <QTextStream>

namespace Stagecraft::Model {

namespace {

QString usageText()
{
    return Tr::tr("Usage: stagecraft edit PATH (IMAGE | --meta) [KEY=VALUE]... [--unset KEY]... "
                  "[--output OUT]")
           + u'\n';
}

} // namespace

int runEditCommand(const QStringList &arguments,
                   QTextStream &out,
                   QTextStream &err,
                   const LoadOptions &options)
{
    QStringList positional;
    QStringList unsets;
    QString output;
    bool meta = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto value = [&](const QString &name) -> std::optional<QString> {
            if (a.startsWith(name + u'='))
                return a.mid(name.size() + 1);
            if (i + 1 >= arguments.size())
                return std::nullopt;
            return arguments.at(++i);
        };
        if (a == u"--meta") {
            meta = true;
        } else if (a == u"--unset" || a.startsWith(QStringLiteral("--unset="))) {
            const std::optional<QString> v = value(QStringLiteral("--unset"));
            if (!v) {
                err << Tr::tr("--unset needs a KEY") << u'\n' << usageText();
                return 2;
            }
            unsets << *v;
        } else if (a == u"--output" || a == u"-o" || a.startsWith(QStringLiteral("--output="))) {
            const std::optional<QString> v = value(a == u"-o" ? QStringLiteral("-o")
                                                              : QStringLiteral("--output"));
            if (!v) {
                err << Tr::tr("--output needs a file name") << u'\n' << usageText();
                return 2;
            }
            output = *v;
        } else if (a == u"--") {
            positional << arguments.mid(i + 1);
            break;
        } else if (a.startsWith(QStringLiteral("--"))) {
            err << Tr::tr("unknown option: %1").arg(a) << u'\n' << usageText();
            return 2;
        } else {
            positional << a;
        }
    }
    const qsizetype fixed = meta ? 1 : 2;
    if (positional.size() < fixed) {
        err << (positional.isEmpty() ? Tr::tr("missing PATH") : Tr::tr("missing IMAGE")) << u'\n'
            << usageText();
        return 2;
    }
    const QString path = positional.at(0);
    const EditTarget target = meta ? EditTarget::metaDocument()
                                   : EditTarget::image(positional.at(1));
    QList<std::pair<QString, QString>> sets;
    for (qsizetype i = fixed; i < positional.size(); ++i) {
        const QString &kv = positional.at(i);
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0) {
            err << Tr::tr("expected KEY=VALUE, got \"%1\"").arg(kv) << u'\n' << usageText();
            return 2;
        }
        sets.append({kv.left(eq), kv.mid(eq + 1)});
    }

    Document document;
    document.setReparseDelay(0);
    document.setAutosaveInterval(0);
    document.setLoadOptions(options);
    QString error;
    if (!document.open(path, &error)) {
        err << error << u'\n';
        return 1;
    }
    auto report = [&](const EditResult &result) {
        // Name the file even when the refusal has no better place.
        Diagnostic d = *result.error;
        if (d.location.file.isEmpty())
            d.location.file = document.filePath();
        err << d.toString() << u'\n';
    };
    if (!sets.isEmpty() || !unsets.isEmpty()) {
        if (document.project().rendered.isEmpty() && !document.text().isEmpty()) {
            // Nothing to edit against: the file did not render or is not UTF-8.
            for (const Diagnostic &d : document.project().diagnostics)
                err << d.toString() << u'\n';
            return 1;
        }
    }
    for (const auto &[key, value] : std::as_const(sets)) {
        const EditResult result = document.editor().setValue(target, key, value);
        if (!result.ok()) {
            report(result);
            return 1;
        }
        document.apply(result, Tr::tr("Set %1").arg(key));
    }
    for (const QString &key : std::as_const(unsets)) {
        const EditResult result = document.editor().unset(target, key);
        if (!result.ok()) {
            report(result);
            return 1;
        }
        document.apply(result, Tr::tr("Remove %1").arg(key));
    }
    const bool saved = output.isEmpty() ? document.save(&error, true)
                                        : document.saveAs(output, &error);
    if (!saved) {
        err << error << u'\n';
        return 1;
    }
    Q_UNUSED(out);
    if (!document.project().ok()) {
        for (const Diagnostic &d : document.project().diagnostics)
            err << d.toString() << u'\n';
        return 1;
    }
    return 0;
}

} // namespace Stagecraft::Model
