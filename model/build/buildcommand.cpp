// SPDX-License-Identifier: GPL-3.0-or-later
#include "build/buildcommand.h"

#include "build/buildeventjson.h"
#include "build/buildworker.h"
#include "build/stagedurations.h"
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
    // The durations of earlier builds of this project give the estimate; this build's are kept
    // for the next one (per project, in the user's cache directory).
    const StageDurations store(project.configFile);
    BuildOptions buildOptions = options;
    if (buildOptions.previousDurations.isEmpty())
        buildOptions.previousDurations = store.load();
    BuildWorker worker;
    QEventLoop loop;
    BuildOutcome outcome;
    if (!json) {
        int lastDone = -1;
        QObject::connect(&worker,
                         &BuildWorker::progressChanged,
                         &loop,
                         [&out, lastDone](const BuildProgress &progress) mutable {
                             if (progress.done == lastDone || progress.total <= 0)
                                 return;
                             lastDone = progress.done;
                             out << Tr::tr("Progress: %1/%2 stages")
                                             .arg(progress.done)
                                             .arg(progress.total);
                             if (progress.remainingEstimateMs >= 0 && progress.done < progress.total)
                                 out << Tr::tr(", about %1 seconds left")
                                                 .arg(seconds(progress.remainingEstimateMs));
                             out << u'\n';
                             out.flush();
                         });
    }
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
    if (!worker.start(project, buildOptions)) {
        err << worker.errorString() << u'\n';
        return 1;
    }
    loop.exec();
    QString error;
    if (!store.merge(outcome.durations, &error))
        err << Tr::tr("warning: %1").arg(error) << u'\n';
    return outcome.result == BuildOutcome::Result::Succeeded ? 0 : 1;
}

} // namespace Stagecraft::Model
