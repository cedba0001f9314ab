// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildcommand.h"

#include "build/buildeventjson.h"
#include "build/buildworker.h"
#include "common/tr.h"

#include <QEventLoop>
#include <QTextStream>

namespace Stagecraft::Model {

namespace {

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 2);
}

void printText(const BuildEvent &event, QTextStream &out)
{
    using Kind = BuildEvent::Kind;
    const QString where = event.image + u'/' + event.stage;
    switch (event.kind) {
    case Kind::Output:
        out << where << QStringLiteral("  ") << event.text << u'\n';
        break;
    case Kind::StageStarted:
        out << Tr::tr("Building stage %1").arg(where) << u'\n';
        break;
    case Kind::StageCached:
        out << Tr::tr("Use cache image for %1 (%2)").arg(where, event.imageName) << u'\n';
        break;
    case Kind::StageBuilt:
        out << Tr::tr("Built %1 in %2 seconds: %3 %4")
                        .arg(where, seconds(event.durationMs), event.imageName, event.size)
            << u'\n';
        break;
    case Kind::StageFailed:
        out << Tr::tr("FAILED %1: %2").arg(where, event.text) << u'\n';
        break;
    case Kind::ImageFinished:
        out << Tr::tr("Image %1 %2 (%3 seconds)")
                        .arg(event.image, event.result, seconds(event.durationMs))
            << u'\n';
        break;
    case Kind::BuildFinished:
        out << Tr::tr("Build %1 in %2 seconds").arg(event.result, seconds(event.durationMs));
        if (!event.text.isEmpty())
            out << QStringLiteral(": ") << event.text;
        out << u'\n';
        break;
    default:
        break;
    }
}

} // namespace

int runBuildCommand(const QString &path,
                    const LoadOptions &loadOptions,
                    const BuildOptions &options,
                    bool json,
                    QTextStream &out,
                    QTextStream &err)
{
    const LoadedProject project = loadProject(path, loadOptions);
    for (const Diagnostic &d : project.diagnostics)
        err << d.toString() << u'\n';
    if (!project.ok())
        return 1;
    BuildWorker worker;
    QEventLoop loop;
    BuildOutcome outcome;
    QObject::connect(&worker, &BuildWorker::eventOccurred, &loop, [&](const BuildEvent &event) {
        if (json) {
            const QByteArray line = buildEventJsonLine(event);
            if (!line.isEmpty())
                out << QString::fromUtf8(line) << u'\n';
        } else {
            printText(event, out);
        }
        out.flush();
    });
    QObject::connect(&worker, &BuildWorker::finished, &loop, [&](const BuildOutcome &o) {
        outcome = o;
        loop.quit();
    });
    if (!worker.start(project, options)) {
        err << worker.errorString() << u'\n';
        return 1;
    }
    loop.exec();
    return outcome.result == BuildOutcome::Result::Succeeded ? 0 : 1;
}

} // namespace Stagecraft::Model
